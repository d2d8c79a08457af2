import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema, pageSchema } from '../../../domain/schemas/common';
import {
  RepairOrderAssignSchema,
  RepairOrderCardSchema,
  RepairOrderCreateSchema,
  RepairOrderListQuerySchema,
  RepairOrderSchema,
  RepairOrderTransitionSchema,
  RepairOrderUpdateSchema,
  WorkshopCardSchema,
} from '../../../domain/schemas/repair-order';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { mediaRoutes } from './repair-orders.media.routes';
import {
  assignRepairOrder,
  createRepairOrder,
  getRepairOrder,
  listRepairOrders,
  listWorkshop,
  transitionRepairOrder,
  updateRepairOrder,
} from './repair-orders.service';
import { workRoutes } from './repair-orders.work.routes';

/** `/repair-orders`: the board and the OR itself here; its work and its media beside. */
export function repairOrdersRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['repair-orders'],
        description:
          'Board cards, newest first. `status: open` is every OR not handed back; `day` is the board of a Paris day (open ORs, and those handed back that day).',
        request: { query: RepairOrderListQuerySchema },
        responses: {
          200: jsonContent(pageSchema(RepairOrderCardSchema), 'A page of cards'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await listRepairOrders(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['repair-orders'],
        description:
          'From an accepted or partially accepted quote (`quoteId`: its accepted lines; 409 `quote_not_accepted`, `quote_already_ordered`), or directly (`origin` walk_in | warranty). Numbered OR-YYYY-NNNNN at once.',
        request: jsonBody(RepairOrderCreateSchema),
        responses: {
          201: jsonContent(RepairOrderSchema, 'Opened (todo)'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await createRepairOrder(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['repair-orders'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(RepairOrderSchema, 'The repair order'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(await getRepairOrder(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['repair-orders'],
        description:
          'The work and the check-in, until the customer signs the check-in (409 `repair_order_signed`, then amendments); `jobs` replaces the work ordered.',
        request: { params: IdParamSchema, ...jsonBody(RepairOrderUpdateSchema) },
        responses: {
          200: jsonContent(RepairOrderSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await updateRepairOrder(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/transition',
        tags: ['repair-orders'],
        description:
          'A move on the board (domain/repair-order/transitions.ts): 409 `invalid_transition`, `checkin_unsigned`, `amendment_pending`, `handback_incomplete` (use /hand-back), `repair_order_locked`.',
        request: { params: IdParamSchema, ...jsonBody(RepairOrderTransitionSchema) },
        responses: {
          200: jsonContent(RepairOrderSchema, 'Moved'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const moved = await transitionRepairOrder(deps, requireActor(c), id, c.req.valid('json'));
        return c.json(moved, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/assign',
        tags: ['repair-orders'],
        description: 'The OR’s technician (or none), signed or not, until the hand-back.',
        request: { params: IdParamSchema, ...jsonBody(RepairOrderAssignSchema) },
        responses: {
          200: jsonContent(RepairOrderSchema, 'Assigned'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await assignRepairOrder(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .route('/', workRoutes(deps))
    .route('/', mediaRoutes(deps));
}

/** `/workshop`: the wall's workshop mode, readable by display sessions too. */
export function workshopRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['repair-orders'],
      description:
        'Today’s board (Paris): open ORs and those handed back today, oldest first, without customer or money. Live: socket event `workshop`.',
      responses: {
        200: jsonContent(z.object({ items: z.array(WorkshopCardSchema) }), 'The cards'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await listWorkshop(deps, requireActor(c)) }, 200),
  );
}
