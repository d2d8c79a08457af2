import { AppError } from '../../../domain/errors';
import type { Role } from '../../../domain/schemas/staff';
import type { Actor } from '../../deps';

/** Counter staff and admins read and write the garage's records. */
export const WRITERS: Role[] = ['admin', 'staff'];
export const READERS: Role[] = WRITERS;
/** The wall screen too: the dashboard and the activity feed, nothing else. */
export const FEED_READERS: Role[] = ['admin', 'staff', 'display'];

export function requireRole(actor: Actor, roles: Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
}
