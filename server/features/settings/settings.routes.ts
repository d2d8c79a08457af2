import { createRoute } from '@hono/zod-openapi';
import { SettingsSchema, SettingsUpdateSchema } from '../../../domain/schemas/settings';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { getSettings, updateSettings } from './settings.service';

export function settingsRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['settings'],
        description: 'Company identity, VAT, quote validity, labour rates and packages.',
        responses: { 200: jsonContent(SettingsSchema, 'The settings'), ...errorResponses(401) },
      }),
      async (c) => c.json(await getSettings(deps, requireActor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/',
        tags: ['settings'],
        description: 'Admins only; `version` 0 before the first save.',
        request: jsonBody(SettingsUpdateSchema),
        responses: {
          200: jsonContent(SettingsSchema, 'Saved'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await updateSettings(deps, requireActor(c), c.req.valid('json')), 200),
    );
}
