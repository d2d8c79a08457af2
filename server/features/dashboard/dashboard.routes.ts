import { createRoute } from '@hono/zod-openapi';
import { DashboardSchema } from '../../../domain/schemas/dashboard';
import type { Deps } from '../../deps';
import { createRouter, errorResponses, jsonContent, requireActor } from '../../http/router';
import { getDashboard } from './dashboard.service';

export function dashboardRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['dashboard'],
      description:
        'The same snapshot the socket pushes as `dashboard` after each burst of changes.',
      responses: { 200: jsonContent(DashboardSchema, 'The snapshot'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getDashboard(deps, requireActor(c)), 200),
  );
}
