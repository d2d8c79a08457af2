import { createRoute } from '@hono/zod-openapi';
import {
  ChangesPageSchema,
  ChangesQuerySchema,
  FeedPageSchema,
} from '../../../domain/schemas/change';
import type { Deps } from '../../deps';
import { createRouter, errorResponses, jsonContent, requireActor } from '../../http/router';
import { listChangesAfter, listFeedAfter } from './changes.service';

export function changesRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['changes'],
      description: 'The change log after a seq: live screens catch up with it after a reconnect.',
      request: { query: ChangesQuerySchema },
      responses: {
        200: jsonContent(ChangesPageSchema, 'Changes in seq order'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { after, limit } = c.req.valid('query');
      return c.json(await listChangesAfter(deps, requireActor(c), after, limit), 200);
    },
  );
}

export function feedRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['changes'],
      description:
        'The activity feed after a seq: who did what to which label (the wall reads it).',
      request: { query: ChangesQuerySchema },
      responses: {
        200: jsonContent(FeedPageSchema, 'Feed entries in seq order'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { after, limit } = c.req.valid('query');
      return c.json(await listFeedAfter(deps, requireActor(c), after, limit), 200);
    },
  );
}
