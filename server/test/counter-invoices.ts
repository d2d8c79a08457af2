import type { Invoice } from '../../domain/schemas/invoice';
import type { QuoteCreate } from '../../domain/schemas/quote';
import { type ApiClient, expectStatus } from './api-client';
import { buildClientInput, buildJobs } from './factories';

/** What the compliance check asks of a draft the server made: the due date and penalty rate. */
const PAYMENT = { dueDate: '2027-12-24', latePenaltyRateBp: 1215 };

/**
 * An invoice issued over the counter for a quote sent and accepted (the shortest way to an
 * issued invoice), for a new private customer unless a business is asked. The settings must
 * carry every mandatory mention (buildSettings).
 */
export async function issueCounterInvoice(
  staff: ApiClient,
  options: CounterInvoiceOptions = {},
): Promise<Invoice> {
  return expectStatus(200, requestIssue(staff, await draftCounterInvoice(staff, options)));
}

type CounterInvoiceOptions = { jobs?: QuoteCreate['jobs']; business?: boolean };

/** The draft of `issueCounterInvoice`, complete, not issued yet. */
export async function draftCounterInvoice(
  staff: ApiClient,
  options: CounterInvoiceOptions = {},
): Promise<Invoice> {
  const client = await expectStatus(
    201,
    staff.api.clients.$post({
      json: options.business
        ? buildClientInput({
            kind: 'business',
            civility: null,
            firstName: null,
            lastName: null,
            companyName: 'Taxis Lumière',
            siret: '732 829 320 00074',
          })
        : buildClientInput(),
    }),
  );
  const quotes = staff.api.quotes;
  const draft = await expectStatus(
    201,
    quotes.$post({ json: { clientId: client.id, jobs: options.jobs ?? buildJobs(1) } }),
  );
  const sent = await expectStatus(
    200,
    quotes[':id'].transition.$post({
      param: { id: draft.id },
      json: { to: 'sent', version: draft.version },
    }),
  );
  const accepted = await expectStatus(
    200,
    quotes[':id'].transition.$post({
      param: { id: sent.id },
      json: { to: 'accepted', version: sent.version, channel: 'signature', signerName: 'M. Test' },
    }),
  );
  const invoice = await expectStatus(
    201,
    staff.api.invoices.$post({ json: { quoteId: accepted.id } }),
  );
  return expectStatus(
    200,
    staff.api.invoices[':id'].$patch({
      param: { id: invoice.id },
      json: {
        version: invoice.version,
        payment: PAYMENT,
        lines: invoice.lines.map((line) => ({
          ...line,
          partCondition: line.kind === 'part' ? ('new' as const) : null,
        })),
      },
    }),
  );
}

export function requestIssue(staff: ApiClient, draft: Invoice) {
  return staff.api.invoices[':id'].issue.$post({
    param: { id: draft.id },
    json: { version: draft.version },
  });
}
