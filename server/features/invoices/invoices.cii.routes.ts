import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import type { Deps } from '../../deps';
import { createRouter, errorResponses, requireActor } from '../../http/router';
import { readInvoiceCii } from './invoices.service';

/** The EN 16931 CII XML of an issued invoice, for the garage's PA (decision 0017). */
export function ciiRoutes(deps: Deps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/cii.xml',
      tags: ['invoices'],
      description:
        'The EN 16931 CII XML of an issued invoice (409 `invoice_not_issued` for a draft), as a download.',
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'The CII XML',
          content: { 'application/xml': { schema: z.string() } },
        },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { number, xml } = await readInvoiceCii(deps, requireActor(c), c.req.valid('param').id);
      return c.body(xml, 200, {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${number}.xml"`,
      });
    },
  );
}
