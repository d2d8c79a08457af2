import { randomUUID } from 'node:crypto';
import { addDays, formatDateFr, todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { advancePerpetual, sumEntries, ZERO_PERPETUAL } from '../../../domain/journal/closure';
import { describeClosurePeriod, periodOf } from '../../../domain/journal/periods';
import {
  type Closure,
  type ClosureCreate,
  type ClosureListQuery,
  type JournalContent,
  JournalContentSchema,
  type JournalEntry,
} from '../../../domain/schemas/journal';
import { ADMINS, READERS, requireRole } from '../../access';
import type { Executor, Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { appendJournalEntry } from './journal.append';
import {
  insertClosure,
  selectClosureCovering,
  selectClosureOf,
  selectClosures,
  selectClosuresWithin,
  selectEntriesOfDays,
  selectFirstDayWithEntries,
  selectLastClosureThrough,
  toClosure,
} from './journal.closures.repo';
import { lockJournal, selectClosedThrough, toJournalEntry } from './journal.repo';

/*
 * Day, month and year closures (docs/decisions/0018-journal.md). A closure sums the entries of
 * its period, carries the perpetual totals on, and is itself an entry of the journal; from then
 * on its days refuse entries (appendJournalEntry checks the last day closed).
 */

export type DatedEntry = { entry: JournalEntry; content: JournalContent };

/**
 * The entries (closures aside) whose Paris day is in (afterDay, toDay], in seq order, a page at
 * a time, each with its content read back from the canonical text it was hashed from.
 */
export async function* readEntriesOfDays(
  db: Executor,
  range: { afterDay: string | null; toDay: string },
  pageSize = 5_000,
): AsyncGenerator<DatedEntry> {
  let after = 0;
  for (;;) {
    const rows = await selectEntriesOfDays(db, range, after, pageSize);
    for (const row of rows) {
      const entry = toJournalEntry(row);
      const record: unknown = JSON.parse(entry.canonical);
      const content = JournalContentSchema.parse((record as { content: unknown }).content);
      yield { entry, content };
    }
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.seq;
  }
}

async function collect(tx: Tx, afterDay: string | null, toDay: string): Promise<DatedEntry[]> {
  const entries: DatedEntry[] = [];
  for await (const dated of readEntriesOfDays(tx, { afterDay, toDay })) entries.push(dated);
  return entries;
}

/** Refusals, in the order a user can act on them: closed already, not over, an earlier open. */
async function checkClosable(
  tx: Tx,
  input: ClosureCreate,
  today: string,
): Promise<{ start: string; end: string; coverAfter: string | null }> {
  const period = periodOf(input.level, input.date);
  const closedThrough = await selectClosedThrough(tx);
  const existing =
    input.level === 'day'
      ? closedThrough !== null && period.end <= closedThrough
        ? await selectClosureCovering(tx, period.end)
        : undefined
      : await selectClosureOf(tx, input.level, period.start);
  if (existing) {
    throw new AppError(
      'closure_exists',
      `Période déjà clôturée (${describeClosurePeriod(input.level, period.start)}).`,
      { closureId: existing.id },
    );
  }
  if (period.end > today) {
    throw new AppError(
      'closure_not_due',
      `Période pas encore terminée (${describeClosurePeriod(input.level, period.start)}) : elle se clôture à partir du ${formatDateFr(period.end)}.`,
    );
  }
  // A day closes everything open before it; a month or a year needs the earlier ones closed.
  if (input.level === 'day') return { ...period, coverAfter: closedThrough };
  const last = await selectLastClosureThrough(tx, addDays(period.start, -1), input.level);
  const open = await selectFirstDayWithEntries(
    tx,
    last?.periodEnd ?? null,
    addDays(period.start, -1),
  );
  if (open !== null) {
    const earlier = periodOf(input.level, open);
    throw new AppError(
      'closure_out_of_order',
      `Clôturez d’abord la période précédente (${describeClosurePeriod(input.level, earlier.start)}).`,
      { level: input.level, periodStart: earlier.start },
    );
  }
  return { ...period, coverAfter: addDays(period.start, -1) };
}

/**
 * Closes a day, a month or a year (admins). Under the journal's lock taken first, so the
 * entries summed are exactly those before the closure's own entry, and no entry of the period
 * can slip in between the sums and the closure.
 */
export async function closePeriod(
  deps: Deps,
  actor: Actor,
  input: ClosureCreate,
): Promise<Closure> {
  requireRole(actor, ADMINS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    await lockJournal(tx);
    const { start, end, coverAfter } = await checkClosable(tx, input, todayInParis(deps.now()));
    const covered = await collect(tx, coverAfter, end);
    // Perpetual totals through a day are the same whichever level closed it: start from the
    // closure ending last before this period ends, and add what came after it.
    const base = await selectLastClosureThrough(tx, end);
    const since =
      (base?.periodEnd ?? null) === coverAfter
        ? covered
        : await collect(tx, base?.periodEnd ?? null, end);
    const contents = covered.map((dated) => dated.content);
    const id = randomUUID();
    const content = {
      kind: 'closure' as const,
      closureId: id,
      level: input.level,
      periodStart: start,
      periodEnd: end,
      firstSeq: covered[0]?.entry.seq ?? null,
      lastSeq: covered.at(-1)?.entry.seq ?? null,
      totals: sumEntries(contents),
      perpetual: advancePerpetual(
        base?.perpetual ?? ZERO_PERPETUAL,
        since.map((dated) => dated.content),
      ),
    };
    const entry = await appendJournalEntry(tx, deps, actor, content);
    const row = {
      id,
      level: input.level,
      periodStart: start,
      periodEnd: end,
      firstSeq: content.firstSeq,
      lastSeq: content.lastSeq,
      totals: content.totals,
      perpetual: content.perpetual,
      journalSeq: entry.seq,
      closedAt: entry.recordedAt,
      closedById: actor.id,
      closedByName: actor.name,
    };
    await insertClosure(tx, row);
    const closure = toClosure(row);
    record({ entity: 'closure', action: 'created', id, data: closure });
    return closure;
  });
}

/** Every closure, the latest period first (the counter reads them: its day's Z report). */
export async function listClosures(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: ClosureListQuery,
): Promise<Closure[]> {
  requireRole(actor, READERS);
  return (await selectClosures(deps.db, query.level)).map(toClosure);
}

/** The closure of that period, if it is closed (the archive is of closed periods only). */
export async function findClosure(
  db: Executor,
  level: Closure['level'],
  periodStart: string,
): Promise<Closure | undefined> {
  const row = await selectClosureOf(db, level, periodStart);
  return row ? toClosure(row) : undefined;
}

/** The closure itself and those of the days or months inside its period. */
export async function readClosuresWithin(
  db: Executor,
  start: string,
  end: string,
): Promise<Closure[]> {
  return (await selectClosuresWithin(db, start, end)).map(toClosure);
}

/** The first seq a closure's stretch of the chain starts at: its first entry, or itself. */
export async function readClosureRange(
  db: Executor,
  closure: Closure,
): Promise<{ firstSeq: number; lastSeq: number }> {
  const row = await selectClosureOf(db, closure.level, closure.periodStart);
  return { firstSeq: row?.firstSeq ?? closure.journalSeq, lastSeq: closure.journalSeq };
}
