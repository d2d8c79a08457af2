import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import {
  CreatedDisplayTokenSchema,
  DisplayTokenCreateSchema,
  DisplayTokenSchema,
  DisplayTokenUpdateSchema,
} from '../../../domain/schemas/display-token';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  createDisplayToken,
  listDisplayTokens,
  revokeDisplay,
  setDisplayTokenMode,
} from './display-tokens.service';

export function displayTokensRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['display-tokens'],
        responses: {
          200: jsonContent(z.object({ items: z.array(DisplayTokenSchema) }), 'Every display token'),
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ items: await listDisplayTokens(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['display-tokens'],
        description:
          'The secret (`token`) is shown in this response only; open /wall?token=… with it.',
        request: jsonBody(DisplayTokenCreateSchema),
        responses: {
          201: jsonContent(CreatedDisplayTokenSchema, 'Created'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await createDisplayToken(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['display-tokens'],
        description:
          'What the screen shows: `dashboard`, or `workshop` (today’s repair orders, no customer, no money). The wall reads it from /auth/me.',
        request: { params: IdParamSchema, ...jsonBody(DisplayTokenUpdateSchema) },
        responses: {
          200: jsonContent(DisplayTokenSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { mode } = c.req.valid('json');
        return c.json(await setDisplayTokenMode(deps, requireActor(c), id, mode), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['display-tokens'],
        description: 'Revokes the token: its screen is signed out and disconnected at once.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(DisplayTokenSchema, 'Revoked'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json(await revokeDisplay(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
