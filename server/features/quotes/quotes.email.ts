import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { QUOTE_SENT_WITHOUT_LINK } from '../../../domain/mail/default-templates';
import { renderTemplate } from '../../../domain/mail/templates';
import { buildGarageLayout, buildQuoteValues } from '../../../domain/mail/values';
import type { QuoteStatus } from '../../../domain/schemas/quote';
import type { QuoteEmailSchema, QuoteMessage } from '../../../domain/schemas/quote-email';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { readClient } from '../clients/clients.service';
import { listQuoteMessages, queueMail, toSentMessage } from '../mail/mail.service';
import { readSettings } from '../settings/settings.service';
import { readVehicle } from '../vehicles/vehicles.service';
import { requireQuote } from './quotes.records';

/*
 * « Envoyer par e-mail »: the quote_sent template with the staff's message and the PDF the
 * browser rendered, queued in the outbox (decision 0019). No link yet: the approval page comes
 * later: the layout's button is absent when no action is given, and the template's sentence
 * about the link is left out (QUOTE_SENT_WITHOUT_LINK).
 * No change is recorded: the quote itself does not change, and the outbox has no change entity;
 * the quote page reads its messages again after sending.
 */

/** A draft has no number and may still change; an expired quote is no longer on offer. */
const EMAILABLE: readonly QuoteStatus[] = ['sent', 'accepted', 'partially_accepted', 'refused'];

export async function emailQuote(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof QuoteEmailSchema>,
): Promise<QuoteMessage> {
  requireRole(actor, WRITERS);
  const queued = await deps.db.transaction(async (tx) => {
    const quote = await requireQuote(tx, id);
    if (!EMAILABLE.includes(quote.status) || !quote.number) {
      throw new AppError(
        'invalid_transition',
        'Seul un devis envoyé peut partir par e-mail : envoyez-le d’abord.',
        { from: quote.status, to: 'emailed' },
      );
    }
    const settings = await readSettings(tx);
    const client = await readClient(tx, quote.clientId);
    const vehicle = quote.vehicleId ? await readVehicle(tx, quote.vehicleId) : undefined;
    const values = buildQuoteValues({
      quote,
      vehicle: vehicle ?? null,
      company: settings.company,
      link: '',
      message: input.message,
    });
    const rendered = renderTemplate(
      QUOTE_SENT_WITHOUT_LINK,
      values,
      buildGarageLayout(settings.company),
    );
    return queueMail(tx, deps, {
      kind: 'quote',
      to: input.to,
      ...rendered,
      attachments: [
        {
          filename: `${quote.number}.pdf`,
          contentType: 'application/pdf',
          contentBase64: input.pdfBase64,
        },
      ],
      clientId: client?.id ?? null,
      quoteId: quote.id,
    });
  });
  deps.mail.wake();
  return toSentMessage(queued);
}

export async function listQuoteEmails(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ items: QuoteMessage[] }> {
  requireRole(actor, READERS);
  await requireQuote(deps.db, id);
  return { items: await listQuoteMessages(deps.db, id) };
}
