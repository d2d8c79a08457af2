import { createRoute } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import {
  OutboxListQuerySchema,
  OutboxListSchema,
  OutboxMessageSchema,
  OutboxTestSchema,
} from '../../../domain/schemas/outbox';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { listOutbox, queueTestMessage, retryMessage } from './mail.service';

export function outboxRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['outbox'],
        description:
          'Outgoing e-mail, newest first, and whether e-mail is configured (SMTP_URL); without it messages are `held`.',
        request: { query: OutboxListQuerySchema },
        responses: {
          200: jsonContent(OutboxListSchema, 'The outbox'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await listOutbox(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/test',
        tags: ['outbox'],
        description: 'Queues « GestionPro : message de test » to that address.',
        request: jsonBody(OutboxTestSchema),
        responses: {
          201: jsonContent(OutboxMessageSchema, 'Queued'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await queueTestMessage(deps, requireActor(c), c.req.valid('json').to), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/retry',
        tags: ['outbox'],
        description: 'A failed message back in the queue, its attempts counted afresh.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(OutboxMessageSchema, 'Queued again'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => c.json(await retryMessage(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
