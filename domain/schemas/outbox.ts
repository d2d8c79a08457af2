import { z } from 'zod';
import { text } from './common';

/** What a message is for; the features that queue mail add theirs here. */
export const MAIL_KINDS = ['quote', 'reminder', 'test'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * held: e-mail is not configured (no SMTP_URL), the message waits for it;
 * queued → sending → sent, or back to queued with a backoff, failed after the last attempt
 * (docs/decisions/0019-outbox.md).
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'held'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: 'En attente',
  sending: 'En cours d’envoi',
  sent: 'Envoyé',
  failed: 'Échec',
  held: 'Retenu (courriel non configuré)',
};

/** Attachments are stored in the row: bounded, a quote's PDF fits well under it. */
export const MAIL_ATTACHMENTS_MAX = 5;
export const MAIL_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

/** What a feature hands to `queueMail`: checked there, so a bad message fails its write. */
export const MailMessageSchema = z.object({
  kind: z.enum(MAIL_KINDS),
  to: z.email(),
  subject: text().min(1).max(300),
  text: text().max(100_000),
  html: z.string().max(300_000).nullable().default(null),
  attachments: z
    .array(
      z.object({
        filename: text().min(1).max(200),
        contentType: z.string().min(1).max(100),
        contentBase64: z.base64().max(Math.ceil(MAIL_ATTACHMENT_MAX_BYTES / 3) * 4, {
          error: 'Pièce jointe trop lourde.',
        }),
      }),
    )
    .max(MAIL_ATTACHMENTS_MAX)
    .default([]),
  /** Extra headers (List-Unsubscribe…); names are checked so none can forge From or To. */
  headers: z
    .record(z.string().regex(/^(List-|X-)[A-Za-z0-9-]{1,60}$/), z.string().max(1000))
    .default({}),
  clientId: z.uuid().nullable().default(null),
  quoteId: z.uuid().nullable().default(null),
});
export type MailMessage = z.input<typeof MailMessageSchema>;

export const OutboxMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(MAIL_KINDS),
    to: z.string(),
    subject: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.int(),
    nextAttemptAt: z.iso.datetime(),
    lastError: z.string().nullable(),
    messageId: z.string(),
    sentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    clientId: z.uuid().nullable(),
    quoteId: z.uuid().nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxListQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxListSchema = z.object({
  /** False without SMTP_URL: messages are held, nothing is sent. */
  isConfigured: z.boolean(),
  items: z.array(OutboxMessageSchema),
});

export const OutboxTestSchema = z.object({
  to: z.email({ error: 'Adresse e-mail invalide.' }),
});
