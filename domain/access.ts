import type { Entity } from './schemas/change';
import type { Role } from './schemas/staff';

/**
 * Who may do what, once for the server's checks and the screens' buttons. Counter staff and
 * admins read and write the garage's records; the wall screen reads the dashboard and the feed.
 */
export const WRITERS: readonly Role[] = ['admin', 'staff'];
export const READERS: readonly Role[] = WRITERS;
export const FEED_READERS: readonly Role[] = ['admin', 'staff', 'display'];
/** Staff accounts, display tokens, the company settings and the alert rules. */
export const ADMINS: readonly Role[] = ['admin'];

export function canWrite(role: Role | undefined): boolean {
  return role !== undefined && WRITERS.includes(role);
}

export function canAdminister(role: Role | undefined): boolean {
  return role !== undefined && ADMINS.includes(role);
}

/** Reads the records (the wall screen reads only the feed and the dashboard). */
export function canRead(role: Role | undefined): boolean {
  return role !== undefined && READERS.includes(role);
}

/**
 * How much of a change a role is sent, on the socket and on catch-up alike: the record itself,
 * the feed's label, or only its seq and entity (so the screen sees no gap in seqs and drops its
 * cached lists of that entity). A role gets a change's record only where a route lets it read
 * that record: staff accounts and wall screens' tokens are for admins (`GET /staff`,
 * `GET /display-tokens`); the wall gets labels of what it shows (docs/security.md).
 */
export type ChangeSight = 'record' | 'label' | 'seq';

const SHARED: Record<Role, ChangeSight> = { admin: 'record', staff: 'record', display: 'label' };
/** Money and the customer: the counter's, never the wall's (not even a label). */
const COUNTER_ONLY: Record<Role, ChangeSight> = {
  admin: 'record',
  staff: 'record',
  display: 'seq',
};
const ADMINS_ONLY: Record<Role, ChangeSight> = { admin: 'record', staff: 'seq', display: 'seq' };

/** One entry per entity: a new entity does not build until someone decides who sees it. */
const CHANGE_SIGHT: Record<Entity, Record<Role, ChangeSight>> = {
  client: SHARED,
  vehicle: SHARED,
  quote: SHARED,
  repair_order: SHARED,
  invoice: COUNTER_ONLY,
  payment: COUNTER_ONLY,
  till: COUNTER_ONLY,
  closure: COUNTER_ONLY,
  alert: SHARED,
  alert_batch: SHARED,
  settings: SHARED,
  alert_rules: SHARED,
  staff: ADMINS_ONLY,
  display_token: ADMINS_ONLY,
};

export function changeSight(role: Role, entity: Entity): ChangeSight {
  return CHANGE_SIGHT[entity][role];
}
