import { createRoute } from '@hono/zod-openapi';
import { IdParamSchema, pageSchema } from '../../../domain/schemas/common';
import {
  QuoteCreateSchema,
  QuoteListQuerySchema,
  QuoteRevisionParamSchema,
  QuoteSchema,
  QuoteSummarySchema,
  QuoteTransitionSchema,
  QuoteUpdateSchema,
} from '../../../domain/schemas/quote';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { quoteEmailRoutes } from './quotes.email.routes';
import {
  createQuote,
  duplicateQuote,
  getQuote,
  getQuoteRevision,
  keepQuoteDeclinedWork,
  listQuotes,
  transitionQuote,
  updateQuote,
} from './quotes.service';

/** The quotes; « Envoyer par e-mail » and a quote's messages are in quotes.email.routes.ts. */
export function quotesRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['quotes'],
        description: 'Newest first; search by number, client name, plate or job title.',
        request: { query: QuoteListQuerySchema },
        responses: {
          200: jsonContent(pageSchema(QuoteSummarySchema), 'A page of quotes'),
          ...errorResponses(400, 401),
        },
      }),
      async (c) => c.json(await listQuotes(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['quotes'],
        request: jsonBody(QuoteCreateSchema),
        responses: {
          201: jsonContent(QuoteSchema, 'Created (draft)'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await createQuote(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['quotes'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(QuoteSchema, 'The quote'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) => c.json(await getQuote(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/revisions/{revision}',
        tags: ['quotes'],
        description: 'An earlier revision as it was sent, or the current one.',
        request: { params: QuoteRevisionParamSchema },
        responses: {
          200: jsonContent(QuoteSchema, 'The revision'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) => {
        const { id, revision } = c.req.valid('param');
        return c.json(await getQuoteRevision(deps, requireActor(c), id, revision), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['quotes'],
        description:
          'Drafts only (409 `quote_locked` otherwise); `jobs` replaces all jobs and lines.',
        request: { params: IdParamSchema, ...jsonBody(QuoteUpdateSchema) },
        responses: {
          200: jsonContent(QuoteSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await updateQuote(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/transition',
        tags: ['quotes'],
        description:
          'draft → sent (numbered) → accepted | partially_accepted | refused | expired; `to: draft` revises. Refusals are 409 with details.reason (`invalid_transition`, `empty_quote`, `validity_past`, `not_yet_expired`).',
        request: { params: IdParamSchema, ...jsonBody(QuoteTransitionSchema) },
        responses: {
          200: jsonContent(QuoteSchema, 'Transitioned'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await transitionQuote(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/declined-work',
        tags: ['quotes'],
        description:
          'Keeps the lines a refused, expired or partly accepted quote did not sell as "travaux à prévoir" on its vehicle (idempotent).',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(QuoteSchema, 'The quote'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(await keepQuoteDeclinedWork(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/duplicate',
        tags: ['quotes'],
        request: { params: IdParamSchema },
        responses: {
          201: jsonContent(QuoteSchema, 'The copy (draft)'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(await duplicateQuote(deps, requireActor(c), c.req.valid('param').id), 201),
    )
    .route('/', quoteEmailRoutes(deps));
}
