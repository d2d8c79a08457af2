import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type {
  SessionUser,
  Staff,
  StaffCreateSchema,
  StaffUpdateSchema,
} from '../../../domain/schemas/staff';
import { requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import {
  bumpSessionGeneration,
  countAdmins,
  countOtherActiveAdmins,
  insertStaff,
  lockAdminRoster,
  selectActiveGenerationForShare,
  selectAllStaff,
  selectStaffByEmail,
  selectStaffById,
  toStaff,
  updateLastLogin,
  updatePasswordHash,
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

  const updated = await writeWithChanges(deps, actor, async (tx, record) => {
    // Two admins deactivating each other at once must not both see the other still active.
    if (losesAdmin) await lockAdminRoster(tx);
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
    const member = toStaff(row);
    record({ entity: 'staff', action: 'updated', id, data: member });
    // The trigger moved the generation (and deleted the sessions) when they must end: deactivated,
    // another role, a new password (migration login_limits_and_generations).
    const endsSessions = current.sessionGeneration !== row.sessionGeneration;
    return { member, endsSessions };
  });
  // A deactivated account, a new role or a new password: every open session starts over.
  if (updated.endsSessions) deps.realtime.endSessions({ staffId: id });
  return updated.member;
}

/*
 * For the features above this one, inside their own transaction and after their own access
 * check: no actor here (docs/decisions/0010-feature-boundaries.md).
 */

export async function readStaffMember(db: Executor, id: string): Promise<Staff | undefined> {
  const row = await selectStaffById(db, id);
  return row && toStaff(row);
}

export async function hasAdmin(db: Executor): Promise<boolean> {
  return (await countAdmins(db)) > 0;
}

/** Who signed in, and the generation of sessions their credentials were read at. */
export type SignedInMember = SessionUser & { generation: number };

/**
 * The active member with this e-mail and password, or undefined. The password is checked even
 * for an unknown e-mail, so timing does not reveal which accounts exist.
 */
export async function findActiveMemberByCredentials(
  db: Executor,
  email: string,
  password: string,
): Promise<SignedInMember | undefined> {
  const member = await selectStaffByEmail(db, email);
  const isValid = await verifyPassword(password, member?.passwordHash ?? DUMMY_HASH);
  if (!member || !isValid || !member.active) return undefined;
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role: member.role,
    generation: member.sessionGeneration,
  };
}

export async function recordLogin(db: Executor, id: string, at: Date): Promise<void> {
  await updateLastLogin(db, id, at);
}

/**
 * Inside the transaction that opens a session: the member's current generation if they are
 * still active, their row share-locked until it commits (a revocation waits, then ends it).
 */
export async function lockSessionGeneration(tx: Executor, id: string): Promise<number | undefined> {
  return selectActiveGenerationForShare(tx, id);
}

/** "Log out everywhere": a new generation, so every session and its row end. */
export async function endEverySession(db: Executor, id: string): Promise<void> {
  await bumpSessionGeneration(db, id);
}

/**
 * A member changes their own password, proving it with the current one: the new session
 * generation, or undefined when the current password is wrong. The new hash moves the
 * generation (trigger): every session of theirs ends.
 */
export async function changeOwnPassword(
  db: Executor,
  id: string,
  currentPassword: string,
  newPassword: string,
): Promise<number | undefined> {
  const member = await selectStaffById(db, id);
  const isValid = await verifyPassword(currentPassword, member?.passwordHash ?? DUMMY_HASH);
  if (!member?.active || !isValid) return undefined;
  return updatePasswordHash(db, id, await hashPassword(newPassword));
}
