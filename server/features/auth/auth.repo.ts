import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { displayTokens, sessions, staff } from '../../db/schema';

export type StaffRow = typeof staff.$inferSelect;

export async function selectStaffByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(staff).where(eq(staff.email, email)).limit(1);
  return row;
}

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    staffId?: string;
    displayTokenId?: string;
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/**
 * The session with its owner — an active staff member, or a display token not revoked — if it
 * has not expired.
 */
export async function selectLiveSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, staff, displayToken: displayTokens })
    .from(sessions)
    .leftJoin(staff, eq(staff.id, sessions.staffId))
    .leftJoin(displayTokens, eq(displayTokens.id, sessions.displayTokenId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, now),
        or(eq(staff.active, true), isNull(displayTokens.revokedAt)),
      ),
    )
    .limit(1);
  return row;
}

export async function updateSessionSeen(db: Executor, id: string, seenAt: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: seenAt, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfStaff(db: Executor, staffId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function updateLastLogin(db: Executor, staffId: string, at: Date): Promise<void> {
  await db.update(staff).set({ lastLoginAt: at }).where(eq(staff.id, staffId));
}
