import { ADMINS, FEED_READERS, READERS, WRITERS } from '../domain/access';
import { AppError } from '../domain/errors';
import type { Role } from '../domain/schemas/staff';
import type { Actor } from './deps';

export { ADMINS, FEED_READERS, READERS, WRITERS };

/**
 * Every service's first check. Below the features, so that none of them depends on the auth
 * feature to say who may do what (docs/decisions/0010-feature-boundaries.md).
 */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
}
