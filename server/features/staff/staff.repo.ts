import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Staff } from '../../../domain/schemas/staff';
import type { Executor } from '../../db/client';
import { staff } from '../../db/schema';

export type StaffRow = typeof staff.$inferSelect;
type StaffValues = Pick<StaffRow, 'email' | 'name' | 'role' | 'passwordHash'>;

export function toStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    version: row.version,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function selectAllStaff(db: Executor): Promise<StaffRow[]> {
  return db.select().from(staff).orderBy(asc(staff.name), asc(staff.id));
}

export async function selectStaffById(db: Executor, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
  return row;
}

export async function selectStaffByEmail(
  db: Executor,
  email: string,
): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.email, email)).limit(1);
  return row;
}

export async function updateLastLogin(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(staff).set({ lastLoginAt: at }).where(eq(staff.id, id));
}

/** Undefined when the e-mail is taken (unique index), so the service can answer in French. */
export async function insertStaff(
  db: Executor,
  values: StaffValues,
): Promise<StaffRow | undefined> {
  const [row] = await db.insert(staff).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateStaffVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Pick<StaffRow, 'name' | 'role' | 'active' | 'passwordHash'>>,
  now: Date,
): Promise<StaffRow | undefined> {
  const [row] = await db
    .update(staff)
    .set({ ...values, version: sql`${staff.version} + 1`, updatedAt: now })
    .where(and(eq(staff.id, id), eq(staff.version, version)))
    .returning();
  return row;
}

/** Active admins other than `exceptId`: the last one may not be demoted or deactivated. */
export async function countOtherActiveAdmins(db: Executor, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(staff)
    .where(and(eq(staff.role, 'admin'), eq(staff.active, true), ne(staff.id, exceptId)));
  return row?.value ?? 0;
}

export async function countAdmins(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(staff).where(eq(staff.role, 'admin'));
  return row?.value ?? 0;
}

/**
 * The generation of an active member's sessions, the row share-locked until the transaction
 * ends: a deactivation, a new role or password waits for the session being opened, whose row its
 * trigger then deletes (docs/decisions/0013-login-limits-and-sessions.md).
 */
export async function selectActiveGenerationForShare(
  db: Executor,
  id: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ generation: staff.sessionGeneration })
    .from(staff)
    .where(and(eq(staff.id, id), eq(staff.active, true)))
    .for('share');
  return row?.generation;
}

/** Every session of the member ends (the trigger on the generation deletes their rows). */
export async function bumpSessionGeneration(db: Executor, id: string): Promise<void> {
  await db
    .update(staff)
    .set({ sessionGeneration: sql`${staff.sessionGeneration} + 1` })
    .where(eq(staff.id, id));
}

/** The new hash, and the session generation the trigger moved to because of it. */
export async function updatePasswordHash(
  db: Executor,
  id: string,
  passwordHash: string,
): Promise<number | undefined> {
  const [row] = await db
    .update(staff)
    .set({ passwordHash })
    .where(eq(staff.id, id))
    .returning({ generation: staff.sessionGeneration });
  return row?.generation;
}

/** Arbitrary constant: serialises the writes that may take away an active admin. */
const ADMIN_ROSTER_LOCK = 727_013;

/**
 * Two admins deactivating each other at once each counted the other as still active: under this
 * lock the second count runs after the first write committed (READ COMMITTED: a new snapshot per
 * statement), so it sees it.
 */
export async function lockAdminRoster(db: Executor): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${ADMIN_ROSTER_LOCK})`);
}
