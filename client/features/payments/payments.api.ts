import type { z } from 'zod';
import type {
  CashMovementCreateSchema,
  CreditAllocate,
  PaymentCreate,
  RefundCreate,
  TillCountSchema,
  TillOpenSchema,
} from '../../../domain/schemas/payment';
import { api, call } from '../../lib/api';
import { liveAction, staleOnQuery } from '../../lib/queries';

/*
 * Payments, balances and the till (decision 0018). A payment, a refund or an issued credit note
 * changes balances: the change stream drops these cached answers (client/lib/queries.ts), and
 * the screens showing them read them again on the same changes (payments.live.ts).
 */

/** What moves a balance: a payment or refund, and an invoice (a credit note issued). */
export const BALANCE_ENTITIES = ['payment', 'invoice'] as const;

export const getInvoiceBalance = staleOnQuery(BALANCE_ENTITIES, 'invoice-balance', (id: string) =>
  call(api.payments.balance.invoice[':id'].$get({ param: { id } })),
);
export const getClientBalance = staleOnQuery(BALANCE_ENTITIES, 'client-balance', (id: string) =>
  call(api.payments.balance.client[':id'].$get({ param: { id } })),
);
export const getInvoicePayments = staleOnQuery(['payment'], 'invoice-payments', (id: string) =>
  call(api.payments.$get({ query: { invoiceId: id } })),
);

export const getClientPayments = staleOnQuery(['payment'], 'client-payments', (id: string) =>
  call(api.payments.$get({ query: { clientId: id } })),
);

/** The open till session, or null; a cash payment or refund changes what it expects. */
export const getOpenTill = staleOnQuery(['till', 'payment'], 'till', () => call(api.till.$get()));

export const createPayment = liveAction('payment-create', (input: PaymentCreate) =>
  call(api.payments.$post({ json: input })),
);
export const refundPayment = liveAction('payment-refund', (id: string, input: RefundCreate) =>
  call(api.payments[':id'].refund.$post({ param: { id }, json: input })),
);
/** A payment's credit put on later invoices of its client: no money moves. */
export const allocateCredit = liveAction('credit-allocate', (id: string, input: CreditAllocate) =>
  call(api.payments[':id'].allocate.$post({ param: { id }, json: input })),
);
export const openTill = liveAction('till-open', (input: z.input<typeof TillOpenSchema>) =>
  call(api.till.open.$post({ json: input })),
);
export const moveCash = liveAction(
  'till-movement',
  (input: z.input<typeof CashMovementCreateSchema>) =>
    call(api.till.movements.$post({ json: input })),
);
export const countTill = liveAction('till-count', (input: z.input<typeof TillCountSchema>) =>
  call(api.till.count.$post({ json: input })),
);
