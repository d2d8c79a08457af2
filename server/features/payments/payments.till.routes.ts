import { createRoute } from '@hono/zod-openapi';
import {
  CashMovementCreateSchema,
  TillCountSchema,
  TillOpenSchema,
  TillSessionSchema,
} from '../../../domain/schemas/payment';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { countTill, getOpenTill, moveCash, openTill } from './payments.service';

/** `/till`: the cash drawer's session, opened with a float and counted at closing (decision 0018). */
export function tillRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['till'],
        description: 'The open till session, or null when the till is closed.',
        responses: {
          200: jsonContent(TillSessionSchema.nullable(), 'The open session'),
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json(await getOpenTill(deps, requireActor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/open',
        tags: ['till'],
        description:
          'Opens a session with its float (409 `till_already_open`); cash is taken only while one is open.',
        request: jsonBody(TillOpenSchema),
        responses: {
          201: jsonContent(TillSessionSchema, 'The session'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await openTill(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/movements',
        tags: ['till'],
        description:
          'Cash put in or taken out of the drawer with its reason (409 `till_not_open`); one journal entry.',
        request: jsonBody(CashMovementCreateSchema),
        responses: {
          201: jsonContent(TillSessionSchema, 'The session'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await moveCash(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/count',
        tags: ['till'],
        description:
          'Closes the session: expected = float + cash payments and refunds + movements, difference = counted − expected (409 `till_not_open`).',
        request: jsonBody(TillCountSchema),
        responses: {
          200: jsonContent(TillSessionSchema, 'The closed session'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await countTill(deps, requireActor(c), c.req.valid('json')), 200),
    );
}
