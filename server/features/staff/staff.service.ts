import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type { Staff, StaffCreateSchema, StaffUpdateSchema } from '../../../domain/schemas/staff';
import type { Actor, Deps } from '../../deps';
import { requireRole, WRITERS } from '../auth/access';
import { deleteSessionsOfStaff } from '../auth/auth.repo';
import { hashPassword } from '../auth/password';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import {
  countOtherActiveAdmins,
  insertStaff,
  selectAllStaff,
  selectStaffById,
  toStaff,
  updateStaffVersioned,
} from './staff.repo';

export async function listStaff(deps: Deps, actor: Actor): Promise<Staff[]> {
  requireRole(actor, ['admin']);
  return (await selectAllStaff(deps.db)).map(toStaff);
}

/** Colleagues to assign work to: active counter staff and admins, names only. */
export async function listColleagues(
  deps: Deps,
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  requireRole(actor, WRITERS);
  return (await selectAllStaff(deps.db))
    .filter((member) => member.active && member.role !== 'display')
    .map((member) => ({ id: member.id, name: member.name }));
}

/** Also used at first start (no actor yet) to create the initial admin. */
export async function createStaffMember(
  deps: Deps,
  actor: Actor | null,
  values: z.output<typeof StaffCreateSchema>,
): Promise<Staff> {
  if (actor) requireRole(actor, ['admin']);
  const passwordHash = await hashPassword(values.password);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const row = await insertStaff(tx, { ...values, passwordHash });
    if (!row) {
      throw new AppError('validation_failed', 'Cette adresse e-mail est déjà utilisée.', [
        { path: ['email'], code: 'custom', message: 'Cette adresse e-mail est déjà utilisée.' },
      ]);
    }
    const member = toStaff(row);
    record({ entity: 'staff', action: 'created', id: member.id, data: member });
    return member;
  });
}

export async function updateStaffMember(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof StaffUpdateSchema>,
): Promise<Staff> {
  requireRole(actor, ['admin']);
  const { version, password, ...changes } = input;
  const passwordHash = password ? await hashPassword(password) : undefined;
  const losesAdmin = changes.active === false || (changes.role && changes.role !== 'admin');
  const endsSessions = changes.active === false || changes.role !== undefined || Boolean(password);

  const updated = await writeWithChanges(deps, actor, async (tx, record) => {
    const current = await selectStaffById(tx, id);
    if (!current) throw new AppError('not_found', 'Ce membre du personnel est introuvable.');
    if (current.role === 'admin' && losesAdmin && (await countOtherActiveAdmins(tx, id)) === 0) {
      throw new AppError('last_admin');
    }
    const row = await updateStaffVersioned(
      tx,
      id,
      version,
      { ...changes, ...(passwordHash ? { passwordHash } : {}) },
      deps.now(),
    );
    if (!row) throw await staleVersionError(tx, 'staff', id, toStaff(current));
    if (endsSessions) await deleteSessionsOfStaff(tx, id);
    const member = toStaff(row);
    record({ entity: 'staff', action: 'updated', id, data: member });
    return member;
  });
  // A deactivated account, a new role or a new password: every open session starts over.
  if (endsSessions) deps.realtime.endSessions({ staffId: id });
  return updated;
}
