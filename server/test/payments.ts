import { todayInParis } from '../../domain/dates';
import type { Invoice } from '../../domain/schemas/invoice';
import type { Payment, PaymentMethod } from '../../domain/schemas/payment';
import type { Deps } from '../deps';
import { type ApiClient, expectStatus } from './api-client';

/**
 * A payment taken through the API as the counter takes it, dated the server's today; for cash,
 * the till is opened first when it is not (with no float).
 */
export async function takePayment(
  deps: Pick<Deps, 'now'>,
  staff: ApiClient,
  invoice: Invoice,
  payment: { amountCents: number; method?: PaymentMethod },
): Promise<Payment> {
  const method = payment.method ?? 'card';
  if (method === 'cash' && !(await expectStatus(200, staff.api.till.$get()))) {
    await expectStatus(201, staff.api.till.open.$post({ json: { openingFloatCents: 0 } }));
  }
  return expectStatus(
    201,
    staff.api.payments.$post({
      json: {
        method,
        amountCents: payment.amountCents,
        receivedOn: todayInParis(deps.now()),
        allocations: [{ invoiceId: invoice.id, amountCents: payment.amountCents }],
      },
    }),
  );
}
