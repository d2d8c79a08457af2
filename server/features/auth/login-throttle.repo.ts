import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginKnownAddresses, loginThrottle, staff } from '../../db/schema';

/**
 * One more attempt on `key`, atomically: the row is locked by the upsert, so concurrent attempts
 * queue and each reads the count the previous one left. A window older than `windowStartedBefore`
 * starts again at `now` with this attempt.
 */
export async function countAttempt(
  db: Executor,
  key: string,
  now: Date,
  windowStartedBefore: Date,
): Promise<{ attempts: number; windowStart: Date }> {
  const isOver = sql`${loginThrottle.windowStart} <= ${windowStartedBefore.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        windowStart: sql`CASE WHEN ${isOver} THEN excluded.window_start ELSE ${loginThrottle.windowStart} END`,
        attempts: sql`CASE WHEN ${isOver} THEN 1 ELSE ${loginThrottle.attempts} + 1 END`,
      },
    })
    .returning({ attempts: loginThrottle.attempts, windowStart: loginThrottle.windowStart });
  if (!row) throw new Error(`login_throttle: no row for ${key}`);
  return row;
}

/** A successful sign-in gives its attempt back to these keys. */
export async function returnAttempt(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(loginThrottle)
    .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
    .where(inArray(loginThrottle.key, keys));
}

export async function deleteAttempts(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}

export async function deleteStaleAttempts(db: Executor, startedBefore: Date): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, startedBefore));
}

/** Whether the account with this e-mail signed in from this address since `since`. */
export async function isKnownAddress(
  db: Executor,
  email: string,
  address: string,
  since: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ staffId: loginKnownAddresses.staffId })
    .from(loginKnownAddresses)
    .innerJoin(staff, eq(staff.id, loginKnownAddresses.staffId))
    .where(
      and(
        eq(staff.email, email),
        eq(loginKnownAddresses.address, address),
        gt(loginKnownAddresses.lastSuccessAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function recordKnownAddress(
  db: Executor,
  staffId: string,
  address: string,
  at: Date,
): Promise<void> {
  await db
    .insert(loginKnownAddresses)
    .values({ staffId, address, lastSuccessAt: at })
    .onConflictDoUpdate({
      target: [loginKnownAddresses.staffId, loginKnownAddresses.address],
      set: { lastSuccessAt: at },
    });
}
