import { createRoute, z } from '@hono/zod-openapi';
import { AlertRulesPatchSchema, AlertRulesValuesSchema } from '../../../domain/alerts/rules';
import {
  AlertActionSchema,
  AlertAssignSchema,
  AlertCreateSchema,
  AlertListQuerySchema,
  AlertSchema,
  AlertSnoozeSchema,
  CheckSummarySchema,
} from '../../../domain/schemas/alert';
import { IdParamSchema } from '../../../domain/schemas/common';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  AlertRulesUpdateSchema,
  actOnAlert,
  createCustomAlert,
  getAlertRules,
  listAlerts,
  patchAlertRules,
  runCheckNow,
  updateAlertRules,
} from './alerts.service';

const ScheduleSchema = z.object({
  lastRun: z
    .object({
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      summary: z.unknown(),
      error: z.string().nullable(),
    })
    .nullable(),
  nextRuns: z.array(z.string()),
});

const InboxSchema = z.object({
  items: z.array(AlertSchema),
  counts: z.object({ soon: z.int(), urgent: z.int(), overdue: z.int() }),
  schedule: ScheduleSchema,
});

const RulesResponseSchema = AlertRulesValuesSchema.extend({
  version: z.int(),
  updatedAt: z.string(),
}).extend(ScheduleSchema.shape);

/** Generic in the action so each route's path stays a literal: the typed client tells them apart. */
function actionRoute<A extends 'ack' | 'snooze' | 'assign' | 'resolve', S extends z.ZodType>(
  action: A,
  schema: S,
  description: string,
) {
  return createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    tags: ['alerts'],
    description,
    request: { params: IdParamSchema, ...jsonBody(schema) },
    responses: {
      200: jsonContent(AlertSchema, 'The alert'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}

export function alertsRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['alerts'],
        description:
          'The team inbox (active alerts by default), counts per severity, last and next checks.',
        request: { query: AlertListQuerySchema },
        responses: { 200: jsonContent(InboxSchema, 'The inbox'), ...errorResponses(400, 401, 403) },
      }),
      async (c) => c.json(await listAlerts(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['alerts'],
        description: 'A custom reminder on a client, vehicle or quote.',
        request: jsonBody(AlertCreateSchema),
        responses: { 201: jsonContent(AlertSchema, 'Created'), ...errorResponses(400, 401, 403) },
      }),
      async (c) => c.json(await createCustomAlert(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/run',
        tags: ['alerts'],
        description: 'Admins: run the check now (skipped if another instance is running it).',
        responses: {
          200: jsonContent(
            z.object({ ran: z.boolean(), summary: CheckSummarySchema.nullable() }),
            'Outcome',
          ),
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json(await runCheckNow(deps, requireActor(c)), 200),
    )
    .openapi(actionRoute('ack', AlertActionSchema, 'Acknowledge.'), async (c) => {
      const { version } = c.req.valid('json');
      return c.json(
        await actOnAlert(deps, requireActor(c), c.req.valid('param').id, version, {
          action: 'ack',
        }),
        200,
      );
    })
    .openapi(
      actionRoute('snooze', AlertSnoozeSchema, 'Snooze until a date (it comes back open then).'),
      async (c) => {
        const { version, until } = c.req.valid('json');
        return c.json(
          await actOnAlert(deps, requireActor(c), c.req.valid('param').id, version, {
            action: 'snooze',
            until,
          }),
          200,
        );
      },
    )
    .openapi(
      actionRoute('assign', AlertAssignSchema, 'Assign to a colleague (null: nobody).'),
      async (c) => {
        const { version, assigneeId } = c.req.valid('json');
        return c.json(
          await actOnAlert(deps, requireActor(c), c.req.valid('param').id, version, {
            action: 'assign',
            assigneeId,
          }),
          200,
        );
      },
    )
    .openapi(
      actionRoute(
        'resolve',
        AlertActionSchema,
        'Resolve; a resolved alert does not come back for the same due date.',
      ),
      async (c) => {
        const { version } = c.req.valid('json');
        return c.json(
          await actOnAlert(deps, requireActor(c), c.req.valid('param').id, version, {
            action: 'resolve',
          }),
          200,
        );
      },
    );
}

export function alertRulesRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['alerts'],
        description: 'Thresholds, the check schedule (cron, Europe/Paris), its last and next runs.',
        responses: {
          200: jsonContent(RulesResponseSchema, 'The rules'),
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json(await getAlertRules(deps, requireActor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/',
        tags: ['alerts'],
        description: 'Admins; the schedule is checked by Croner and applied at once.',
        request: jsonBody(AlertRulesUpdateSchema),
        responses: {
          200: jsonContent(RulesResponseSchema, 'Saved'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await updateAlertRules(deps, requireActor(c), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/',
        tags: ['alerts'],
        description:
          'Admins: the changed fields and `version`, merged into the current rules; 409 `stale_version` with `current` when `version` is not current.',
        request: jsonBody(AlertRulesPatchSchema),
        responses: {
          200: jsonContent(RulesResponseSchema, 'Saved'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await patchAlertRules(deps, requireActor(c), c.req.valid('json')), 200),
    );
}
