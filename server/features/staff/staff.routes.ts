import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import { StaffCreateSchema, StaffSchema, StaffUpdateSchema } from '../../../domain/schemas/staff';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { createStaffMember, listColleagues, listStaff, updateStaffMember } from './staff.service';

export function staffRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['staff'],
        responses: {
          200: jsonContent(z.object({ items: z.array(StaffSchema) }), 'Every staff account'),
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ items: await listStaff(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/directory',
        tags: ['staff'],
        description: 'Active colleagues (id and name), to assign alerts to.',
        responses: {
          200: jsonContent(
            z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
            'Colleagues',
          ),
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ items: await listColleagues(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['staff'],
        request: jsonBody(StaffCreateSchema),
        responses: {
          201: jsonContent(StaffSchema, 'Created'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await createStaffMember(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['staff'],
        description:
          'Deactivating an account, or changing its role or password, ends its sessions.',
        request: { params: IdParamSchema, ...jsonBody(StaffUpdateSchema) },
        responses: {
          200: jsonContent(StaffSchema, 'Updated'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await updateStaffMember(deps, requireActor(c), id, c.req.valid('json')), 200);
      },
    );
}
