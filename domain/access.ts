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
