import { z } from 'zod';

export const ENTITIES = [
  'client',
  'staff',
  'vehicle',
  'quote',
  'settings',
  'display_token',
  'alert',
] as const;
export const CHANGE_ACTIONS = [
  'created',
  'updated',
  'archived',
  'restored',
  'deleted',
  'transitioned',
  /** The alert check changed many alerts at once: one change for the batch (data: its counts). */
  'checked',
] as const;

export type Entity = (typeof ENTITIES)[number];
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One row of the change log, as broadcast on the socket and served by `GET /changes`. */
export const ChangeSchema = z
  .object({
    seq: z.int(),
    entity: z.enum(ENTITIES),
    action: z.enum(CHANGE_ACTIONS),
    id: z.string(),
    data: z.unknown(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'Change' });

export const ChangesQuerySchema = z.object({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const ChangesPageSchema = z.object({
  items: z.array(ChangeSchema),
  /** The newest seq in the log: a client that is further behind than `limit` pages on. */
  lastSeq: z.int(),
  hasMore: z.boolean(),
});

export type Change = z.infer<typeof ChangeSchema>;
