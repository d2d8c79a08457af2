import { createRoute, z } from '@hono/zod-openapi';
import { ArchiveSchema } from '../../../domain/journal/archive';
import {
  ArchiveQuerySchema,
  B2cSummarySchema,
  DateRangeQuerySchema,
} from '../../../domain/schemas/exports';
import type { Deps } from '../../deps';
import { createRouter, errorResponses, jsonContent, requireActor } from '../../http/router';
import { buildArchive, exportFec, summarizeB2c } from './exports.service';

/** `/exports`: the FEC, a closed period's signed archive, the B2C summary (admins; decision 0018). */
export function exportsRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/fec',
        tags: ['exports'],
        description:
          'The FEC (art. A47 A-1 LPF) of the entries recorded from `from` to `to` (Paris days): 18 tab-separated columns, as a download named <SIREN>FEC<AAAAMMJJ>.txt.',
        request: { query: DateRangeQuerySchema },
        responses: {
          200: {
            description: 'The FEC file',
            content: { 'text/plain': { schema: z.string() } },
          },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const { fileName, text } = await exportFec(deps, requireActor(c), c.req.valid('query'));
        return c.text(text, 200, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Disposition': `attachment; filename="${fileName}"`,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/archive',
        tags: ['exports'],
        description:
          'A closed period’s archive (`period` AAAA-MM-JJ, AAAA-MM or AAAA): its entries, closures, invoices’ CII XML, signed with the journal’s key (409 `period_not_closed`).',
        request: { query: ArchiveQuerySchema },
        responses: {
          200: jsonContent(ArchiveSchema, 'The signed archive, as a download'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => {
        const { fileName, archive } = await buildArchive(
          deps,
          requireActor(c),
          c.req.valid('query').period,
        );
        return c.json(archive, 200, {
          'Content-Disposition': `attachment; filename="${fileName}"`,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/b2c-summary',
        tags: ['exports'],
        description:
          'Per Paris day, the sales to private customers per VAT rate and their payments per method (e-reporting).',
        request: { query: DateRangeQuerySchema },
        responses: {
          200: jsonContent(B2cSummarySchema, 'The B2C summary'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await summarizeB2c(deps, requireActor(c), c.req.valid('query')), 200),
    );
}
