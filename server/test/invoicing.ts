import type { ClientInput } from '../../domain/schemas/client';
import type { Invoice } from '../../domain/schemas/invoice';
import { type ApiClient, expectStatus } from './api-client';
import { buildClientInput, buildJobs } from './factories';

/**
 * Issued invoices for the payments' tests, made through the API as the counter makes them: an
 * accepted quote sold over the counter (170,89 € TTC), or deposits of a chosen amount on it.
 * The garage's settings must be complete (buildSettings) for a quote to be sent.
 */

/** What the compliance check asks of a draft: a due date and a penalty rate. */
export const INVOICE_PAYMENT = { dueDate: '2026-12-24', latePenaltyRateBp: 1215 };
/** 142,41 € HT + 28,48 € TVA: what buildJobs(1) sells. */
export const QUOTE_INVOICE_CENTS = 17_089;

export async function createClient(staff: ApiClient, overrides: Partial<ClientInput> = {}) {
  return expectStatus(201, staff.api.clients.$post({ json: buildClientInput(overrides) }));
}

export async function acceptedQuote(staff: ApiClient, clientId: string) {
  const quotes = staff.api.quotes;
  const draft = await expectStatus(201, quotes.$post({ json: { clientId, jobs: buildJobs(1) } }));
  const sent = await expectStatus(
    200,
    quotes[':id'].transition.$post({
      param: { id: draft.id },
      json: { to: 'sent', version: draft.version },
    }),
  );
  return expectStatus(
    200,
    quotes[':id'].transition.$post({
      param: { id: sent.id },
      json: {
        to: 'accepted',
        version: sent.version,
        channel: 'signature',
        signerName: 'Mme Hélène Test',
      },
    }),
  );
}

export function issueDraft(
  staff: ApiClient,
  draft: Invoice,
  payment: { dueDate: string } = INVOICE_PAYMENT,
): Promise<Invoice> {
  const one = staff.api.invoices[':id'];
  return expectStatus(
    200,
    one.$patch({
      param: { id: draft.id },
      json: {
        version: draft.version,
        payment: { ...INVOICE_PAYMENT, ...payment },
        lines: draft.lines.map((line) => ({
          ...line,
          partCondition: line.kind === 'part' ? ('new' as const) : null,
        })),
      },
    }),
  ).then((ready) =>
    expectStatus(
      200,
      one.issue.$post({ param: { id: ready.id }, json: { version: ready.version } }),
    ),
  );
}

/** The invoice of an accepted quote, still a draft: 170,89 € once issued. */
export async function draftInvoice(staff: ApiClient, clientId: string): Promise<Invoice> {
  const quote = await acceptedQuote(staff, clientId);
  return expectStatus(201, staff.api.invoices.$post({ json: { quoteId: quote.id } }));
}

/** An issued invoice of 170,89 € for that client (a new one unless given). */
export async function issuedInvoice(staff: ApiClient, clientId?: string): Promise<Invoice> {
  const owner = clientId ?? (await createClient(staff)).id;
  return issueDraft(staff, await draftInvoice(staff, owner));
}

/** An issued deposit of `inclVatCents` (a multiple of 12: 20 % VAT on a round base) on a quote. */
export async function issuedDeposit(
  staff: ApiClient,
  quoteId: string,
  inclVatCents: number,
  payment?: { dueDate: string },
): Promise<Invoice> {
  const draft = await expectStatus(
    201,
    staff.api.invoices.$post({
      json: {
        kind: 'deposit',
        quoteId,
        lines: [
          {
            kind: 'fee',
            description: 'Acompte à la commande',
            quantity: 1,
            unit: 'forfait',
            unitPriceCents: Math.round(inclVatCents / 1.2),
            vatRateBp: 2000,
            discountBp: 0,
          },
        ],
      },
    }),
  );
  return issueDraft(staff, draft, payment);
}

/** A full credit note of an issued invoice, issued. */
export async function issuedCreditNote(staff: ApiClient, invoice: Invoice): Promise<Invoice> {
  const note = await expectStatus(
    201,
    staff.api.invoices[':id']['credit-note'].$post({ param: { id: invoice.id }, json: {} }),
  );
  return expectStatus(
    200,
    staff.api.invoices[':id'].issue.$post({
      param: { id: note.id },
      json: { version: note.version },
    }),
  );
}
