import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import {
  ClientBalanceSchema,
  CreditAllocateSchema,
  InvoiceBalanceSchema,
  PaymentCreateSchema,
  PaymentListQuerySchema,
  PaymentSchema,
  RefundCreateSchema,
} from '../../../domain/schemas/payment';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  allocateCredit,
  createPayment,
  getClientBalance,
  getInvoiceBalance,
  listPayments,
  refundPayment,
} from './payments.service';

export { tillRoutes } from './payments.till.routes';

/** `/payments`: payments, refunds and balances (decision 0018). */
export function paymentsRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['payments'],
        description:
          'The payments and refunds of an invoice (`invoiceId`) or of a client (`clientId`), newest first.',
        request: { query: PaymentListQuerySchema },
        responses: {
          200: jsonContent(z.array(PaymentSchema), 'The payments'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await listPayments(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['payments'],
        description:
          'A payment against issued invoices of one client (409 `invoice_not_issued` for a draft), each allocation within its balance (409 `payment_exceeds_balance`); what is not allocated is the client’s credit. `receivedOn` not in the future nor in a closed period (409 `period_closed`). Cash: above 1 000 € from a private customer 409 `cash_limit_exceeded` (a business customer is not checked); taken into the open till session, and refused with 409 `till_not_open` when none is open: the counter opens the till with its float in the morning, before any cash. One journal entry.',
        request: jsonBody(PaymentCreateSchema),
        responses: {
          201: jsonContent(PaymentSchema, 'The payment'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => c.json(await createPayment(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/refund',
        tags: ['payments'],
        description:
          'A new, negative payment (kind `refund`), never an edit; all refunds of a payment at most the payment (409 `refund_exceeds_payment` with `refundableCents`). It goes back first on an invoice its credit notes took below zero, then from the payment’s unallocated credit, then from its invoices latest first. Cash comes out of the open till (409 `till_not_open`).',
        request: { params: IdParamSchema, ...jsonBody(RefundCreateSchema) },
        responses: {
          201: jsonContent(PaymentSchema, 'The refund'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await refundPayment(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/allocate',
        tags: ['payments'],
        description:
          'Puts what a payment left unallocated (its credit, refunds taken off) on issued invoices of its client: 409 `allocation_exceeds_credit` (with `unallocatedCents`) beyond it, 409 `payment_exceeds_balance` beyond an invoice’s balance, 400 for another client’s invoice or one this payment already settles. No money moves: one `credit_allocated` journal entry, dated today (409 `period_closed` once today is closed).',
        request: { params: IdParamSchema, ...jsonBody(CreditAllocateSchema) },
        responses: {
          200: jsonContent(PaymentSchema, 'The payment, with its new allocations'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await allocateCredit(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/balance/invoice/{id}',
        tags: ['payments'],
        description:
          'What is left due on an issued invoice or deposit: due less issued credit notes less allocations; overdue past its due date (Paris). 409 `invoice_not_issued` for a draft.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(InvoiceBalanceSchema, 'The invoice’s balance'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(await getInvoiceBalance(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/balance/client/{id}',
        tags: ['payments'],
        description:
          'A client’s open invoices oldest first, what it owes, what is overdue, and its credit (paid, not allocated).',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(ClientBalanceSchema, 'The client’s balance'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(await getClientBalance(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
