import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { payments, tillMovements, tillSessions } from '../../db/schema';

/*
 * The till's queries (decision 0018): the session open (one at most, a unique index says so),
 * its cash and movements; a session's row is updated once, when it is counted.
 */

export type TillSessionRow = typeof tillSessions.$inferSelect;
export type TillMovementRow = typeof tillMovements.$inferSelect;

/**
 * Arbitrary constant: opening, moving cash, counting and taking cash are serialised, so a count
 * sees every cash payment of its session and a payment never lands in a session being closed.
 * Taken after the invoices' row locks and before the journal's.
 */
const TILL_LOCK = 727_019;

export async function lockTill(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${TILL_LOCK})`);
}

export async function selectOpenSession(db: Executor): Promise<TillSessionRow | undefined> {
  const [row] = await db.select().from(tillSessions).where(isNull(tillSessions.closedAt));
  return row;
}

export async function selectSession(db: Executor, id: string): Promise<TillSessionRow | undefined> {
  const [row] = await db.select().from(tillSessions).where(eq(tillSessions.id, id));
  return row;
}

export async function insertSession(tx: Tx, values: typeof tillSessions.$inferInsert) {
  await tx.insert(tillSessions).values(values);
}

export async function insertMovement(tx: Tx, values: typeof tillMovements.$inferInsert) {
  await tx.insert(tillMovements).values(values);
}

export async function closeSession(
  tx: Tx,
  id: string,
  values: Pick<
    TillSessionRow,
    'countedCents' | 'expectedCents' | 'closedAt' | 'closedById' | 'closedByName'
  >,
): Promise<void> {
  await tx
    .update(tillSessions)
    .set(values)
    .where(and(eq(tillSessions.id, id), isNull(tillSessions.closedAt)));
}

export function selectMovements(db: Executor, sessionId: string): Promise<TillMovementRow[]> {
  return db
    .select()
    .from(tillMovements)
    .where(eq(tillMovements.tillSessionId, sessionId))
    .orderBy(asc(tillMovements.at), asc(tillMovements.journalSeq));
}

/** The cash taken and given back in the session: payments positive, refunds negative. */
export async function selectCashPaymentsCents(db: Executor, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${payments.amountCents}), 0)` })
    .from(payments)
    .where(and(eq(payments.tillSessionId, sessionId), eq(payments.method, 'cash')));
  return Number(row?.total ?? 0);
}
