import { createRoute } from '@hono/zod-openapi';
import {
  ClientInputSchema,
  ClientListQuerySchema,
  ClientSchema,
  ClientUpdateSchema,
} from '../../../domain/schemas/client';
import { IdParamSchema, pageSchema } from '../../../domain/schemas/common';
import { QuoteMessagesSchema } from '../../../domain/schemas/quote-email';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  createClient,
  getClient,
  listClientEmails,
  listClients,
  setClientArchived,
  updateClient,
} from './clients.service';

export function clientsRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['clients'],
        description: 'Accent- and case-insensitive search on names, company, e-mail, phone, city.',
        request: { query: ClientListQuerySchema },
        responses: {
          200: jsonContent(pageSchema(ClientSchema), 'A page of clients'),
          ...errorResponses(400, 401),
        },
      }),
      async (c) => c.json(await listClients(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['clients'],
        request: jsonBody(ClientInputSchema),
        responses: { 201: jsonContent(ClientSchema, 'Created'), ...errorResponses(400, 401, 403) },
      }),
      async (c) => c.json(await createClient(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['clients'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(ClientSchema, 'The client'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) => c.json(await getClient(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/messages',
        tags: ['clients'],
        description: 'The e-mails sent to this client (quotes, reminders), newest first.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(QuoteMessagesSchema, 'The messages'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) =>
        c.json(await listClientEmails(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['clients'],
        description: 'Partial update; `version` must be the current one, else 409 with `current`.',
        request: { params: IdParamSchema, ...jsonBody(ClientUpdateSchema) },
        responses: {
          200: jsonContent(ClientSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await updateClient(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['clients'],
        description: 'Archives the client (soft delete); POST /{id}/restore brings it back.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(ClientSchema, 'Archived'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await setClientArchived(deps, requireActor(c), id, true), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/restore',
        tags: ['clients'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(ClientSchema, 'Restored'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await setClientArchived(deps, requireActor(c), id, false), 200);
      },
    );
}
