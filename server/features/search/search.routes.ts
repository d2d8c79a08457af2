import { createRoute, z } from '@hono/zod-openapi';
import { ClientSchema } from '../../../domain/schemas/client';
import { SearchTextSchema } from '../../../domain/schemas/common';
import { QuoteSummarySchema } from '../../../domain/schemas/quote';
import { VehicleSchema } from '../../../domain/schemas/vehicle';
import type { Deps } from '../../deps';
import { createRouter, errorResponses, jsonContent, requireActor } from '../../http/router';
import { searchEverything } from './search.service';

const SearchQuerySchema = z.object({
  q: SearchTextSchema.min(1),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

const SearchResultsSchema = z.object({
  clients: z.array(ClientSchema),
  vehicles: z.array(VehicleSchema),
  quotes: z.array(QuoteSummarySchema),
});

export function searchRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['search'],
      description: 'Names, phones, plates (any spacing), VINs and quote numbers, in one box.',
      request: { query: SearchQuerySchema },
      responses: {
        200: jsonContent(SearchResultsSchema, 'The best matches of each kind'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json(await searchEverything(deps, requireActor(c), q, limit), 200);
    },
  );
}
