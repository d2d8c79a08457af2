import { asc, desc, gt, max, sql } from 'drizzle-orm';
import type { JournalEntry } from '../../../domain/schemas/journal';
import type { Executor, Tx } from '../../db/client';
import {
  invoices,
  journalClosures,
  journalEntries,
  payments,
  tillMovements,
} from '../../db/schema';

/*
 * The journal's queries (decision 0018): its head, taken under a lock until commit, the one
 * INSERT, pages in order for the verifier, the day closed last.
 */

/** Arbitrary constant: appends are serialised, so seq is gapless and in commit order. */
const JOURNAL_LOCK = 727_018;

export type JournalEntryRow = typeof journalEntries.$inferSelect;

export async function lockJournal(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${JOURNAL_LOCK})`);
}

export async function selectHead(db: Executor): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await db
    .select({ seq: journalEntries.seq, hash: journalEntries.hash })
    .from(journalEntries)
    .orderBy(desc(journalEntries.seq))
    .limit(1);
  return row;
}

export async function insertEntry(tx: Tx, row: JournalEntryRow): Promise<void> {
  await tx.insert(journalEntries).values(row);
}

export function toJournalEntry(row: JournalEntryRow): JournalEntry {
  return { ...row, recordedAt: row.recordedAt.toISOString() };
}

/**
 * A page of the journal in seq order, after `afterSeq`, as stored. The time is formatted by
 * the database as the canonical text has it (ISO, UTC, milliseconds): a million entries are
 * read without a million Dates made and printed again.
 */
export async function selectEntriesAfter(
  db: Executor,
  afterSeq: number,
  limit: number,
): Promise<JournalEntry[]> {
  return db
    .select({
      seq: journalEntries.seq,
      kind: journalEntries.kind,
      recordedAt: sql<string>`to_char(${journalEntries.recordedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      day: journalEntries.day,
      canonical: journalEntries.canonical,
      prevHash: journalEntries.prevHash,
      hash: journalEntries.hash,
      signature: journalEntries.signature,
      keyId: journalEntries.keyId,
    })
    .from(journalEntries)
    .where(gt(journalEntries.seq, afterSeq))
    .orderBy(asc(journalEntries.seq))
    .limit(limit);
}

/** The last day closed (by any closure), or null: entries of that day or before are refused. */
export async function selectClosedThrough(db: Executor): Promise<string | null> {
  const [row] = await db.select({ end: max(journalClosures.periodEnd) }).from(journalClosures);
  return row?.end ?? null;
}

/**
 * The highest seq the records point at: invoices, payments, cash movements and closures each
 * keep their entry's. A journal that ends before it lost its tail.
 */
export async function selectHighestReferencedSeq(db: Executor): Promise<number> {
  const highest = await Promise.all(
    [
      invoices.journalSeq,
      payments.journalSeq,
      tillMovements.journalSeq,
      journalClosures.journalSeq,
    ].map(async (column) => {
      const [row] = await db.select({ seq: max(column) }).from(column.table);
      return Number(row?.seq ?? 0);
    }),
  );
  return Math.max(0, ...highest);
}
