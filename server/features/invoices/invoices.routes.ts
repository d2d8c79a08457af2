import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema, pageSchema, VersionSchema } from '../../../domain/schemas/common';
import {
  CreditNoteCreateSchema,
  InvoiceCreateSchema,
  InvoiceListQuerySchema,
  InvoiceSchema,
  InvoiceUpdateSchema,
} from '../../../domain/schemas/invoice';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { ciiRoutes } from './invoices.cii.routes';
import {
  createCreditNote,
  createInvoice,
  deleteInvoice,
  getInvoice,
  issueInvoice,
  listInvoices,
  updateInvoice,
} from './invoices.service';

const IssueSchema = z.object({ version: VersionSchema });

/** `/invoices`: drafts, issuing, credit notes and the EN 16931 CII (decision 0017). */
export function invoicesRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['invoices'],
        description: 'Invoices, credit notes and deposit invoices, newest first.',
        request: { query: InvoiceListQuerySchema },
        responses: {
          200: jsonContent(pageSchema(InvoiceSchema), 'A page of invoices'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await listInvoices(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['invoices'],
        description:
          'A draft from a handed-back OR (`repairOrderId`; 409 `repair_order_not_closed`), from an accepted quote sold over the counter (`quoteId`; 409 `quote_not_accepted`, `quote_already_ordered`), one per OR or quote (409 `invoice_exists`), or a deposit (`kind: deposit`, its lines, on an OR or a quote). Not numbered until issued.',
        request: jsonBody(InvoiceCreateSchema),
        responses: {
          201: jsonContent(InvoiceSchema, 'The draft'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await createInvoice(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['invoices'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(InvoiceSchema, 'The invoice'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json(await getInvoice(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['invoices'],
        description:
          'A draft’s fields (409 `invoice_locked` once issued, `stale_version`); a credit note’s lines are chosen when it is made.',
        request: { params: IdParamSchema, ...jsonBody(InvoiceUpdateSchema) },
        responses: {
          200: jsonContent(InvoiceSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await updateInvoice(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['invoices'],
        description:
          'Deletes a draft (never numbered: no gap); 409 `invoice_locked` once issued. Answers the draft as it was.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(InvoiceSchema, 'Deleted'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => c.json(await deleteInvoice(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/issue',
        tags: ['invoices'],
        description:
          'Numbered FAC-YYYY-NNNNN (AV- for a credit note) without gaps, dated today (Paris), final. 409 `compliance_missing` with the list; a final invoice deducts its OR’s issued deposits.',
        request: { params: IdParamSchema, ...jsonBody(IssueSchema) },
        responses: {
          200: jsonContent(InvoiceSchema, 'Issued'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await issueInvoice(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/credit-note',
        tags: ['invoices'],
        description:
          'A draft credit note of an issued invoice, for all of it or the lines given (by position), never beyond what is left uncredited (409 `credit_exceeds_invoice`).',
        request: { params: IdParamSchema, ...jsonBody(CreditNoteCreateSchema) },
        responses: {
          201: jsonContent(InvoiceSchema, 'The draft credit note'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await createCreditNote(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .route('/', ciiRoutes(deps));
}
