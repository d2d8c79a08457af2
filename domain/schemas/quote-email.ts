import { z } from 'zod';
import { REQUEST_BODY_MAX_BYTES } from './bounds';
import { text } from './common';
import { OUTBOX_STATUSES } from './outbox';

/*
 * « Envoyer par e-mail » (issue 14): the PDF is rendered in the browser, as for « Télécharger »,
 * and posted as base64 with the recipient and the staff's message.
 */

/**
 * 700 KiB of PDF is ~956 KB of base64: with the message it stays under the 1 MiB every JSON body
 * is held to (REQUEST_BODY_MAX_BYTES, decision 0015). A quote's PDF is a few tens of KB.
 */
export const QUOTE_PDF_MAX_BYTES = 700 * 1024;
const PDF_BASE64_MAX = Math.ceil(QUOTE_PDF_MAX_BYTES / 3) * 4;
export const QUOTE_EMAIL_MESSAGE_MAX = 2000;

if (PDF_BASE64_MAX + QUOTE_EMAIL_MESSAGE_MAX * 6 + 1024 > REQUEST_BODY_MAX_BYTES) {
  throw new RangeError('A quote e-mail would not fit in a request body');
}

/** `%PDF-` is where every PDF starts: the first 8 base64 characters decode its first 6 bytes. */
function isPdfBase64(value: string): boolean {
  try {
    return atob(value.slice(0, 8)).startsWith('%PDF-');
  } catch {
    return false;
  }
}

export const QuoteEmailSchema = z.object({
  to: z.email({ error: 'Adresse e-mail invalide.' }).max(254, { error: 'Adresse trop longue.' }),
  message: text()
    .trim()
    .max(QUOTE_EMAIL_MESSAGE_MAX, {
      error: `${QUOTE_EMAIL_MESSAGE_MAX} caractères au maximum.`,
    }),
  pdfBase64: z
    .base64({ error: 'Le PDF du devis est illisible.' })
    .max(PDF_BASE64_MAX, { error: 'Le PDF du devis est trop lourd (700 Ko au maximum).' })
    .refine(isPdfBase64, { error: 'Le fichier joint n’est pas un PDF.' }),
});
export type QuoteEmail = z.input<typeof QuoteEmailSchema>;

/** One message of a quote's history (« Messages envoyés »). */
export const QuoteMessageSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    sentAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'QuoteMessage' });
export type QuoteMessage = z.infer<typeof QuoteMessageSchema>;

export const QuoteMessagesSchema = z.object({ items: z.array(QuoteMessageSchema) });

/** The quote history's words for a message's state (held: e-mail is not configured). */
export const QUOTE_MESSAGE_STATUS_LABELS: Record<QuoteMessage['status'], string> = {
  queued: 'En attente',
  sending: 'En attente',
  sent: 'Envoyé',
  failed: 'Échec',
  held: 'Non configuré',
};

export const DEFAULT_QUOTE_EMAIL_MESSAGE =
  'Suite à notre échange, veuillez trouver ci-joint notre devis. N’hésitez pas à nous appeler pour toute question.';
