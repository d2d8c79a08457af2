import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { displayTokens, sessions, staff } from '../../db/schema';

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
 * has not expired. One join on the owners' tables, read on every request: a read of their rows,
 * not a call into their features (docs/decisions/0010-feature-boundaries.md).
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

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
