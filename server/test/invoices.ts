import type { Invoice } from '../../domain/schemas/invoice';
import { type ApiClient, expectStatus } from './api-client';
import { buildClientInput, buildJobs } from './factories';

/** `buildJobs(1)` invoiced: 142,41 € excl. VAT and 28,48 € of VAT at 20 %, so 170,89 € due. */
export const ONE_JOB_DUE_CENTS = 17_089;

/**
 * An invoice issued through the API, as the counter makes one: a new client's quote of one job
 * sent, accepted by phone, invoiced over the counter, completed (due date, penalty rate, parts'
 * condition) and issued at the server's clock.
 */
export async function issueOneJobInvoice(
  staff: ApiClient,
  payment: { dueDate: string | null },
): Promise<Invoice> {
  const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
  const quotes = staff.api.quotes[':id'];
  const draft = await expectStatus(
    201,
    staff.api.quotes.$post({ json: { clientId: client.id, jobs: buildJobs(1) } }),
  );
  const sent = await expectStatus(
    200,
    quotes.transition.$post({
      param: { id: draft.id },
      json: { to: 'sent', version: draft.version },
    }),
  );
  const accepted = await expectStatus(
    200,
    quotes.transition.$post({
      param: { id: sent.id },
      json: { to: 'accepted', version: sent.version, channel: 'phone' },
    }),
  );
  const invoice = await expectStatus(
    201,
    staff.api.invoices.$post({ json: { quoteId: accepted.id } }),
  );
  const one = staff.api.invoices[':id'];
  const completed = await expectStatus(
    200,
    one.$patch({
      param: { id: invoice.id },
      json: {
        version: invoice.version,
        payment: { dueDate: payment.dueDate, latePenaltyRateBp: 1215 },
        lines: invoice.lines.map((line) => ({
          ...line,
          partCondition: line.kind === 'part' ? ('new' as const) : null,
        })),
      },
    }),
  );
  return expectStatus(
    200,
    one.issue.$post({ param: { id: invoice.id }, json: { version: completed.version } }),
  );
}
