import { createRoute } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import {
  QuoteEmailSchema,
  QuoteMessageSchema,
  QuoteMessagesSchema,
} from '../../../domain/schemas/quote-email';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { emailQuote, listQuoteEmails } from './quotes.service';

/** Under /quotes: a quote sent by e-mail, and the messages it was sent in (issue 14). */
export function quoteEmailRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/email',
        tags: ['quotes'],
        description:
          'Queues the quote by e-mail with the PDF the browser rendered (base64, starts with %PDF-); a sent or decided quote only (409 `invalid_transition`).',
        request: { params: IdParamSchema, ...jsonBody(QuoteEmailSchema) },
        responses: {
          201: jsonContent(QuoteMessageSchema, 'Queued'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await emailQuote(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/messages',
        tags: ['quotes'],
        description: 'The e-mails of this quote, newest first, with their delivery status.',
        request: { params: IdParamSchema },
        responses: {
          200: jsonContent(QuoteMessagesSchema, 'The messages'),
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) =>
        c.json(await listQuoteEmails(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
