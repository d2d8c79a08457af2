import { and, asc, desc, eq, gt, gte, lte, min, ne, type SQL } from 'drizzle-orm';
import type { Closure, ClosureLevel } from '../../../domain/schemas/journal';
import type { Executor, Tx } from '../../db/client';
import { journalClosures, journalEntries } from '../../db/schema';
import type { JournalEntryRow } from './journal.repo';

/* The closures' queries (decision 0018): the closures themselves, and the entries by Paris day. */

export type ClosureRow = typeof journalClosures.$inferSelect;

export function toClosure(row: ClosureRow): Closure {
  return {
    id: row.id,
    level: row.level,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    journalSeq: row.journalSeq,
    totals: row.totals,
    perpetual: row.perpetual,
    closedAt: row.closedAt.toISOString(),
    closedByName: row.closedByName,
  };
}

export async function insertClosure(tx: Tx, row: ClosureRow): Promise<void> {
  await tx.insert(journalClosures).values(row);
}

export async function selectClosureOf(
  db: Executor,
  level: ClosureLevel,
  periodStart: string,
): Promise<ClosureRow | undefined> {
  const [row] = await db
    .select()
    .from(journalClosures)
    .where(and(eq(journalClosures.level, level), eq(journalClosures.periodStart, periodStart)));
  return row;
}

/** The first closure reaching `day` or later: the one that closed it. */
export async function selectClosureCovering(
  db: Executor,
  day: string,
): Promise<ClosureRow | undefined> {
  const [row] = await db
    .select()
    .from(journalClosures)
    .where(gte(journalClosures.periodEnd, day))
    .orderBy(asc(journalClosures.periodEnd), asc(journalClosures.journalSeq))
    .limit(1);
  return row;
}

/** The closure ending last on or before `day`, of one level or any: perpetual totals start there. */
export async function selectLastClosureThrough(
  db: Executor,
  day: string,
  level?: ClosureLevel,
): Promise<ClosureRow | undefined> {
  const where = [lte(journalClosures.periodEnd, day)];
  if (level) where.push(eq(journalClosures.level, level));
  const [row] = await db
    .select()
    .from(journalClosures)
    .where(and(...where))
    .orderBy(desc(journalClosures.periodEnd), desc(journalClosures.journalSeq))
    .limit(1);
  return row;
}

export async function selectClosures(db: Executor, level?: ClosureLevel): Promise<ClosureRow[]> {
  return db
    .select()
    .from(journalClosures)
    .where(level ? eq(journalClosures.level, level) : undefined)
    .orderBy(desc(journalClosures.periodEnd), desc(journalClosures.journalSeq));
}

/** Closures of a period: the period's own and those of the days or months inside it. */
export async function selectClosuresWithin(
  db: Executor,
  start: string,
  end: string,
): Promise<ClosureRow[]> {
  return db
    .select()
    .from(journalClosures)
    .where(and(gte(journalClosures.periodStart, start), lte(journalClosures.periodEnd, end)))
    .orderBy(asc(journalClosures.journalSeq));
}

function dayRange(afterDay: string | null, toDay: string): SQL | undefined {
  return and(
    ne(journalEntries.kind, 'closure'),
    afterDay ? gt(journalEntries.day, afterDay) : undefined,
    lte(journalEntries.day, toDay),
  );
}

/** The earliest day after `afterDay` and up to `toDay` with an entry (a closure's aside). */
export async function selectFirstDayWithEntries(
  db: Executor,
  afterDay: string | null,
  toDay: string,
): Promise<string | null> {
  const [row] = await db
    .select({ day: min(journalEntries.day) })
    .from(journalEntries)
    .where(dayRange(afterDay, toDay));
  return row?.day ?? null;
}

/** A page of the entries (closures aside) whose day is in (afterDay, toDay], in seq order. */
export async function selectEntriesOfDays(
  db: Executor,
  range: { afterDay: string | null; toDay: string },
  afterSeq: number,
  limit: number,
): Promise<JournalEntryRow[]> {
  return db
    .select()
    .from(journalEntries)
    .where(and(dayRange(range.afterDay, range.toDay), gt(journalEntries.seq, afterSeq)))
    .orderBy(asc(journalEntries.seq))
    .limit(limit);
}
