import { z } from 'zod';
import { AlertRulesSchema } from '../alerts/rules';
import { AlertSchema } from './alert';
import { ClientSchema } from './client';
import { DisplayTokenSchema } from './display-token';
import { InvoiceSchema } from './invoice';
import { ClosureSchema } from './journal';
import { PaymentSchema, TillSessionSchema } from './payment';
import { QuoteSchema } from './quote';
import { RepairOrderSchema } from './repair-order';
import { SettingsSchema } from './settings';
import { StaffSchema } from './staff';
import { VehicleSchema } from './vehicle';

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
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** What a batch of the alert check did, when it was too large to log alert by alert. */
export const AlertBatchSchema = z.object({
  created: z.int(),
  updated: z.int(),
  label: z.string(),
});

/**
 * What each entity's change carries: the record as the REST API returns it, so a screen can
 * apply a change without refetching. One entry per entity; the union below is built from it.
 */
export const CHANGE_DATA = {
  client: ClientSchema,
  staff: StaffSchema,
  vehicle: VehicleSchema,
  quote: QuoteSchema,
  repair_order: RepairOrderSchema,
  invoice: InvoiceSchema,
  payment: PaymentSchema,
  till: TillSessionSchema,
  settings: SettingsSchema,
  alert_rules: AlertRulesSchema,
  display_token: DisplayTokenSchema,
  alert: AlertSchema,
  alert_batch: AlertBatchSchema,
  closure: ClosureSchema,
} as const;

export type Entity = keyof typeof CHANGE_DATA;
export const ENTITIES = Object.keys(CHANGE_DATA) as [Entity, ...Entity[]];

const ActorSchema = z.object({ id: z.string(), name: z.string() }).nullable();

function changeOf<E extends Entity>(entity: E) {
  return z.object({
    seq: z.int(),
    entity: z.literal(entity),
    action: z.enum(CHANGE_ACTIONS),
    id: z.string(),
    data: CHANGE_DATA[entity],
    actor: ActorSchema,
    at: z.iso.datetime(),
  });
}

/** One row of the change log, as broadcast on the socket and served by `GET /changes`. */
export const ChangeSchema = z
  .discriminatedUnion('entity', [
    changeOf('client'),
    changeOf('staff'),
    changeOf('vehicle'),
    changeOf('quote'),
    changeOf('repair_order'),
    changeOf('invoice'),
    changeOf('payment'),
    changeOf('till'),
    changeOf('settings'),
    changeOf('alert_rules'),
    changeOf('display_token'),
    changeOf('alert'),
    changeOf('alert_batch'),
    changeOf('closure'),
  ])
  .meta({ id: 'Change' });

export type Change = z.infer<typeof ChangeSchema>;
/** The change of one entity, its `data` narrowed: `ChangeOf<'quote'>['data']` is a `Quote`. */
export type ChangeOf<E extends Entity> = Extract<Change, { entity: E }>;
/** What a service records; the log adds seq, actor and time. */
export type ChangeInput = {
  [E in Entity]: Pick<ChangeOf<E>, 'entity' | 'action' | 'id' | 'data'>;
}[Entity];

/**
 * A change as the wall screen and the activity feed get it: who did what to which label, never
 * the record itself (the display role reads the feed and the dashboard, nothing else).
 */
export const FeedChangeSchema = z
  .object({
    seq: z.int(),
    entity: z.enum(ENTITIES),
    action: z.enum(CHANGE_ACTIONS),
    id: z.string(),
    label: z.string(),
    /** A quote's or a repair order's status after a transition: the feed's verb depends on it. */
    status: z.string().nullable(),
    actor: ActorSchema,
    at: z.iso.datetime(),
  })
  .meta({ id: 'FeedChange' });
export type FeedChange = z.infer<typeof FeedChangeSchema>;

/**
 * A change the reader may not see (domain/access.ts `changeSight`): its seq, so the screen knows
 * it missed nothing, and its entity, so the screen drops its cached lists of it. Nothing else.
 */
export const SkippedChangeSchema = z
  .object({ seq: z.int(), entity: z.enum(ENTITIES) })
  .meta({ id: 'SkippedChange' });
export type SkippedChange = z.infer<typeof SkippedChangeSchema>;

export const ChangesQuerySchema = z.object({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

const PageCursorSchema = {
  /** The newest seq in the log. */
  lastSeq: z.int(),
  /**
   * The seq this page has read up to, changes the reader may not see included: the next page
   * is `after=readTo`, and a screen that applied the page is at `readTo`.
   */
  readTo: z.int(),
  /** `readTo < lastSeq`: a client further behind than `limit` pages on. */
  hasMore: z.boolean(),
};

export const ChangesPageSchema = z.object({
  /** The changes whose record the reader may read, in seq order. */
  items: z.array(ChangeSchema),
  /** The others in the page: their seq and entity only. */
  skipped: z.array(SkippedChangeSchema),
  ...PageCursorSchema,
});

export const FeedPageSchema = z.object({
  /** The reader's feed entries in seq order; what it may not see is left out. */
  items: z.array(FeedChangeSchema),
  ...PageCursorSchema,
});
