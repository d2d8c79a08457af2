import { createRoute } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import {
  AmendmentCreateSchema,
  AmendmentDecisionInputSchema,
  AmendmentParamSchema,
  ClockInputSchema,
  HandBackInputSchema,
  RepairOrderSchema,
} from '../../../domain/schemas/repair-order';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  clockRepairOrderJob,
  createAmendment,
  decideAmendment,
  handBackRepairOrder,
} from './repair-orders.service';

/** The work after the signature: amendments and their answer, clocking, the hand-back. */
export function workRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/amendments',
        tags: ['repair-orders'],
        description:
          'Extra work, pending the customer’s answer; its jobs join the OR with `amendmentId`. An OR in progress goes to waiting_approval. 409 `checkin_unsigned` before the check-in signature.',
        request: { params: IdParamSchema, ...jsonBody(AmendmentCreateSchema) },
        responses: {
          201: jsonContent(RepairOrderSchema, 'The OR with the amendment'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await createAmendment(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/amendments/{amendmentId}/decision',
        tags: ['repair-orders'],
        description:
          'Authorised or refused, by signature (`signatureId` of kind amendment) or by phone (caller, callee, calledAt). Refused lines become "travaux à prévoir" on the vehicle. The last answer puts an OR waiting_approval back in_progress.',
        request: { params: AmendmentParamSchema, ...jsonBody(AmendmentDecisionInputSchema) },
        responses: {
          200: jsonContent(RepairOrderSchema, 'Decided'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id, amendmentId } = c.req.valid('param');
        const input = c.req.valid('json');
        return c.json(await decideAmendment(deps, requireActor(c), id, amendmentId, input), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/clock',
        tags: ['repair-orders'],
        description:
          'The signed-in member clocks on or off a job. 409 `checkin_unsigned`, `job_not_authorised` (a pending or refused amendment’s job). A repeated start or stop changes nothing.',
        request: { params: IdParamSchema, ...jsonBody(ClockInputSchema) },
        responses: {
          200: jsonContent(RepairOrderSchema, 'Clocked'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(
          await clockRepairOrderJob(deps, requireActor(c), id, c.req.valid('json')),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/hand-back',
        tags: ['repair-orders'],
        description:
          'The checklist and the hand-back signature (recorded first): the OR is handed back, closed and locked. 409 `handback_incomplete`, `amendment_pending`.',
        request: { params: IdParamSchema, ...jsonBody(HandBackInputSchema) },
        responses: {
          200: jsonContent(RepairOrderSchema, 'Handed back'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(
          await handBackRepairOrder(deps, requireActor(c), id, c.req.valid('json')),
          200,
        );
      },
    );
}
