import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../deps';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../http/errors';
import { createRouter, jsonContent } from '../../http/router';
import { APP_VERSION } from '../../version';
import { checkDatabase } from './health.service';

/** The brief's `{ status, db, version }`, `db` the engine; whether it answers, apart. */
const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['pglite', 'postgres']),
  database: z.enum(['up', 'unreachable']),
  version: z.string(),
});

export function healthRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['health'],
      responses: {
        200: jsonContent(HealthSchema, 'Up, database reachable'),
        503: jsonContent(HealthSchema, 'Degraded: the database is unreachable'),
      },
    }),
    async (c) => {
      const database = await checkDatabase(deps, deps.env.DATABASE_CONNECT_TIMEOUT_MS);
      const body = { db: deps.dbKind, database, version: APP_VERSION };
      if (database === 'up') return c.json({ ...body, status: 'ok' as const }, 200);
      c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return c.json({ ...body, status: 'degraded' as const }, 503);
    },
  );
}
