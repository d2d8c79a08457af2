import { ADMINS, FEED_READERS, READERS, WRITERS } from '../../../domain/access';
import { AppError } from '../../../domain/errors';
import type { Role } from '../../../domain/schemas/staff';
import type { Actor } from '../../deps';

export { ADMINS, FEED_READERS, READERS, WRITERS };

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
}
