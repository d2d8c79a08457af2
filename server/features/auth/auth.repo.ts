import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { displayTokens, sessions, staff } from '../../db/schema';

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    staffId?: string;
    /** A staff session's: the owner's session generation it is issued for. */
    generation?: number;
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
 * The session with its owner — an active staff member still at the generation the session was
 * issued for, or a display token not revoked — if it has not expired. One join on the owners'
 * tables, read on every request and socket handshake: a read of their rows, not a call into
 * their features (docs/decisions/0010-feature-boundaries.md, 0013-login-limits-and-sessions.md).
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
        or(
          and(eq(staff.active, true), eq(staff.sessionGeneration, sessions.generation)),
          and(isNotNull(sessions.displayTokenId), isNull(displayTokens.revokedAt)),
        ),
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
