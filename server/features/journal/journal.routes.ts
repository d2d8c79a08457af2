import { createRoute, z } from '@hono/zod-openapi';
import {
  ClosureCreateSchema,
  ClosureListQuerySchema,
  ClosureSchema,
  JournalVerificationSchema,
} from '../../../domain/schemas/journal';
import type { Deps } from '../../deps';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { closePeriod, describeJournalKey, listClosures, verifyJournal } from './journal.service';

const VerifyQuerySchema = z.object({
  /** Every entry's signature, not one in a thousand (80 µs each). */
  signatures: z.enum(['sampled', 'all']).default('sampled'),
});

const JournalKeySchema = z.object({
  keyId: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
});

/** `/journal`: verification and the public key (admins; decision 0018). */
export function journalRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/verify',
        tags: ['journal'],
        description:
          "Recomputes the whole chain and checks its signatures (one in a thousand, each closure's and the last; every one with `signatures=all`); `problem` names the first entry altered, removed or inserted.",
        request: { query: VerifyQuerySchema },
        responses: {
          200: jsonContent(JournalVerificationSchema, 'The verification report'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(
          await verifyJournal(deps, requireActor(c), {
            allSignatures: c.req.valid('query').signatures === 'all',
          }),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/key',
        tags: ['journal'],
        description: 'The Ed25519 public key the entries are signed with (base64 SPKI DER).',
        responses: {
          200: jsonContent(JournalKeySchema, 'The public key'),
          ...errorResponses(401, 403),
        },
      }),
      (c) => c.json(describeJournalKey(deps, requireActor(c)), 200),
    );
}

/** `/closures`: the day, month and year closures (closing is the admins'; decision 0018). */
export function closuresRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['journal'],
        description: 'The closures, the latest period first; `level` keeps one level.',
        request: { query: ClosureListQuerySchema },
        responses: {
          200: jsonContent(z.array(ClosureSchema), 'The closures'),
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await listClosures(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['journal'],
        description:
          'Closes a day (today included: the evening closing), a month or a year once over: its totals and the perpetual totals become an entry, and its days refuse entries (409 `closure_exists`, `closure_not_due`, `closure_out_of_order`).',
        request: jsonBody(ClosureCreateSchema),
        responses: {
          201: jsonContent(ClosureSchema, 'The closure'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await closePeriod(deps, requireActor(c), c.req.valid('json')), 201),
    );
}
