import { canRead } from './access';
import type { Dashboard } from './schemas/dashboard';
import type { Role } from './schemas/staff';

/**
 * The snapshot as a role may see it: the counter's money figures go to those who read the
 * records (counter staff, admins), never to the wall screen. The socket and `GET /dashboard`
 * both send what this returns.
 */
export function viewDashboard(snapshot: Dashboard, role: Role): Dashboard {
  return canRead(role) ? snapshot : { ...snapshot, money: null };
}
