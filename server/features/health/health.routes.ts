import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { createRouter, jsonContent } from '../../http/router';
import { APP_VERSION } from '../../version';

const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
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
        503: jsonContent(HealthSchema, 'Database unreachable'),
      },
    }),
    async (c) => {
      const isUp = await deps.db.execute(sql`SELECT 1`).then(
        () => true,
        () => false,
      );
      const body = {
        status: isUp ? 'ok' : 'unavailable',
        db: deps.dbKind,
        version: APP_VERSION,
      } as const;
      return isUp ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
