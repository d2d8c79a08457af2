import { createRoute } from '@hono/zod-openapi';
import {
  SettingsPatchSchema,
  SettingsSchema,
  SettingsUpdateSchema,
} from '../../../domain/schemas/settings';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { getSettings, patchSettings, updateSettings } from './settings.service';

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
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/',
        tags: ['settings'],
        description:
          'Admins only: the changed top-level fields and `version`, merged into the current settings; 409 `stale_version` with `current` when `version` is not current.',
        request: jsonBody(SettingsPatchSchema),
        responses: {
          200: jsonContent(SettingsSchema, 'Saved'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await patchSettings(deps, requireActor(c), c.req.valid('json')), 200),
    );
}
