import { createRoute, z } from '@hono/zod-openapi';
import { JournalVerificationSchema } from '../../../domain/schemas/journal';
import type { Deps } from '../../deps';
import { createRouter, errorResponses, jsonContent, requireActor } from '../../http/router';
import { describeJournalKey, verifyJournal } from './journal.service';

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
