import { createRoute } from '@hono/zod-openapi';
import { IdParamSchema, pageSchema } from '../../../domain/schemas/common';
import {
  InspectionInputSchema,
  MileageInputSchema,
  ServiceRecordInputSchema,
  TransferInputSchema,
  VehicleHistorySchema,
  VehicleInputSchema,
  VehicleListQuerySchema,
  VehicleSchema,
  VehicleUpdateSchema,
} from '../../../domain/schemas/vehicle';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  createVehicle,
  getVehicle,
  getVehicleHistory,
  listVehicles,
  recordInspection,
  recordMileage,
  recordService,
  setVehicleArchived,
  transferVehicle,
  updateVehicle,
} from './vehicles.service';

export function vehiclesRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['vehicles'],
        description: 'Search by plate (any spacing), VIN, make, model or owner name.',
        request: { query: VehicleListQuerySchema },
        responses: {
          200: jsonContent(pageSchema(VehicleSchema), 'A page of vehicles'),
          ...errorResponses(400, 401),
        },
      }),
      async (c) => c.json(await listVehicles(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['vehicles'],
        description: 'A duplicate plate or a failing VIN check digit come back as `warnings`.',
        request: jsonBody(VehicleInputSchema),
        responses: { 201: jsonContent(VehicleSchema, 'Created'), ...errorResponses(400, 401, 403) },
      }),
      async (c) => c.json(await createVehicle(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['vehicles'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(VehicleSchema, 'The vehicle'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) => c.json(await getVehicle(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/history',
        tags: ['vehicles'],
        description: 'Owners, CT visits, mileage readings and "travaux à prévoir".',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(VehicleHistorySchema, 'The history'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) =>
        c.json(await getVehicleHistory(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['vehicles'],
        request: { params: IdParamSchema, ...jsonBody(VehicleUpdateSchema) },
        responses: {
          200: jsonContent(VehicleSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await updateVehicle(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['vehicles'],
        description: 'Archives the vehicle; POST /{id}/restore brings it back.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(VehicleSchema, 'Archived'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(await setVehicleArchived(deps, requireActor(c), c.req.valid('param').id, true), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/restore',
        tags: ['vehicles'],
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(VehicleSchema, 'Restored'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          await setVehicleArchived(deps, requireActor(c), c.req.valid('param').id, false),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/inspections',
        tags: ['vehicles'],
        description: 'Records a contrôle technique visit.',
        request: { params: IdParamSchema, ...jsonBody(InspectionInputSchema) },
        responses: {
          201: jsonContent(VehicleSchema, 'Recorded'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await recordInspection(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/mileage',
        tags: ['vehicles'],
        description:
          'A reading below the highest one is 409 (details.reason `mileage_lower`) unless `confirmLower`.',
        request: { params: IdParamSchema, ...jsonBody(MileageInputSchema) },
        responses: {
          201: jsonContent(VehicleSchema, 'Recorded'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await recordMileage(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/services',
        tags: ['vehicles'],
        description: 'Records a service; the service-due alert it satisfies is resolved.',
        request: { params: IdParamSchema, ...jsonBody(ServiceRecordInputSchema) },
        responses: {
          201: jsonContent(VehicleSchema, 'Recorded'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await recordService(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/transfer',
        tags: ['vehicles'],
        description: 'Changes the owner; the ownership history is kept.',
        request: { params: IdParamSchema, ...jsonBody(TransferInputSchema) },
        responses: {
          200: jsonContent(VehicleSchema, 'Transferred'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await transferVehicle(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    );
}
