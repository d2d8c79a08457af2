import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import type { Quote, QuoteLine } from '../../../domain/schemas/quote';
import type { Executor } from '../../db/client';
import {
  declinedWork,
  quoteJobs,
  quoteLines,
  quoteNumberSequences,
  quoteRevisions,
  quotes,
} from '../../db/schema';

/* Writing quotes (the reads are quotes.read.repo.ts). */

type QuoteRow = typeof quotes.$inferSelect;
export type QuoteRowValues = Partial<Omit<QuoteRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

export type JobValues = {
  id?: string;
  title: string;
  lines: Array<{
    id?: string;
    kind: 'labour' | 'part' | 'fee';
    description: string;
    reference?: string | null;
    quantity: number;
    unit: QuoteLine['unit'];
    unitPriceCents: number;
    vatRateBp: QuoteLine['vatRateBp'];
    discountBp: number;
    accepted?: boolean | null;
  }>;
};

export async function insertQuote(
  db: Executor,
  values: typeof quotes.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(quotes).values(values).returning({ id: quotes.id });
  return row!.id;
}

export async function updateQuoteVersioned(
  db: Executor,
  id: string,
  version: number,
  values: QuoteRowValues,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(quotes)
    .set({ ...values, version: sql`${quotes.version} + 1`, updatedAt: now })
    .where(and(eq(quotes.id, id), eq(quotes.version, version)))
    .returning({ id: quotes.id });
  return rows.length > 0;
}

/**
 * Of the job and line ids an editor sent, those that belong to another quote: ids are born in
 * the browser (so two versions name a line alike), and one of another quote's is refused.
 */
export async function selectIdsOfOtherQuotes(
  db: Executor,
  quoteId: string | null,
  jobs: ReadonlyArray<{ id?: string; lines: ReadonlyArray<{ id?: string }> }>,
): Promise<string[]> {
  const jobIds = jobs.flatMap((job) => (job.id ? [job.id] : []));
  const lineIds = jobs.flatMap((job) => job.lines.flatMap((line) => (line.id ? [line.id] : [])));
  const others = (column: typeof quoteJobs.quoteId | typeof quoteLines.quoteId) =>
    quoteId ? sql`${column} <> ${quoteId}` : sql`true`;
  const taken: string[] = [];
  if (jobIds.length > 0) {
    const rows = await db
      .select({ id: quoteJobs.id })
      .from(quoteJobs)
      .where(and(inArray(quoteJobs.id, jobIds), others(quoteJobs.quoteId)));
    taken.push(...rows.map((row) => row.id));
  }
  if (lineIds.length > 0) {
    const rows = await db
      .select({ id: quoteLines.id })
      .from(quoteLines)
      .where(and(inArray(quoteLines.id, lineIds), others(quoteLines.quoteId)));
    taken.push(...rows.map((row) => row.id));
  }
  return taken;
}

/** Replaces a draft's jobs and lines; ids the editor already has are kept. */
export async function replaceQuoteJobs(
  db: Executor,
  quoteId: string,
  jobs: JobValues[],
  vatExempt: boolean,
): Promise<{ exclVatCents: number; vatCents: number; inclVatCents: number }> {
  const totals = computeQuoteTotals({ jobs, vatExempt });
  await db.delete(quoteJobs).where(eq(quoteJobs.quoteId, quoteId));
  let linePosition = 0;
  for (const [jobIndex, job] of jobs.entries()) {
    const [jobRow] = await db
      .insert(quoteJobs)
      .values({ ...(job.id ? { id: job.id } : {}), quoteId, position: jobIndex, title: job.title })
      .returning({ id: quoteJobs.id });
    if (job.lines.length === 0) continue;
    await db.insert(quoteLines).values(
      job.lines.map((line, lineIndex) => ({
        ...(line.id ? { id: line.id } : {}),
        quoteId,
        jobId: jobRow!.id,
        position: linePosition++,
        kind: line.kind,
        description: line.description,
        reference: line.reference ?? null,
        quantityMilli: Math.round(line.quantity * 1000),
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBp: line.vatRateBp,
        discountBp: line.discountBp,
        totalExclVatCents:
          totals.lines.find((total) => total.jobIndex === jobIndex && total.lineIndex === lineIndex)
            ?.lineTotalCents ?? 0,
        accepted: line.accepted ?? null,
      })),
    );
  }
  return {
    exclVatCents: totals.exclVatCents,
    vatCents: totals.vatCents,
    inclVatCents: totals.inclVatCents,
  };
}

export async function updateLineAcceptance(
  db: Executor,
  quoteId: string,
  acceptedLineIds: string[] | 'all' | 'none',
): Promise<void> {
  if (acceptedLineIds === 'all' || acceptedLineIds === 'none') {
    await db
      .update(quoteLines)
      .set({ accepted: acceptedLineIds === 'all' })
      .where(eq(quoteLines.quoteId, quoteId));
    return;
  }
  await db
    .update(quoteLines)
    .set({
      accepted: acceptedLineIds.length > 0 ? inArray(quoteLines.id, acceptedLineIds) : sql`false`,
    })
    .where(eq(quoteLines.quoteId, quoteId));
}

export async function clearLineAcceptance(db: Executor, quoteId: string): Promise<void> {
  await db.update(quoteLines).set({ accepted: null }).where(eq(quoteLines.quoteId, quoteId));
}

/**
 * The next number of the year, gapless: the sequence row stays locked by this transaction until
 * it commits, and a rollback gives the number back.
 */
export async function takeNextQuoteNumber(db: Executor, year: number): Promise<number> {
  const [row] = await db
    .insert(quoteNumberSequences)
    .values({ year, lastValue: 1 })
    .onConflictDoUpdate({
      target: quoteNumberSequences.year,
      set: { lastValue: sql`${quoteNumberSequences.lastValue} + 1` },
    })
    .returning({ value: quoteNumberSequences.lastValue });
  return row!.value;
}

export async function insertRevision(
  db: Executor,
  quoteId: string,
  revision: number,
  snapshot: Quote,
): Promise<void> {
  await db.insert(quoteRevisions).values({ quoteId, revision, snapshot });
}

export async function selectRevision(
  db: Executor,
  quoteId: string,
  revision: number,
): Promise<Quote | undefined> {
  const [row] = await db
    .select({ snapshot: quoteRevisions.snapshot })
    .from(quoteRevisions)
    .where(and(eq(quoteRevisions.quoteId, quoteId), eq(quoteRevisions.revision, revision)))
    .limit(1);
  return row?.snapshot as Quote | undefined;
}

/** Declined lines onto their vehicle, each quote or repair-order line once. */
export async function insertDeclinedWork(
  db: Executor,
  rows: Array<typeof declinedWork.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  const quoteLineIds = rows.flatMap((row) => (row.quoteLineId ? [row.quoteLineId] : []));
  const orderLineIds = rows.flatMap((row) =>
    row.repairOrderLineId ? [row.repairOrderLineId] : [],
  );
  const known = new Set<string>();
  if (quoteLineIds.length > 0) {
    const existing = await db
      .select({ lineId: declinedWork.quoteLineId })
      .from(declinedWork)
      .where(inArray(declinedWork.quoteLineId, quoteLineIds));
    for (const row of existing) if (row.lineId) known.add(row.lineId);
  }
  if (orderLineIds.length > 0) {
    const existing = await db
      .select({ lineId: declinedWork.repairOrderLineId })
      .from(declinedWork)
      .where(inArray(declinedWork.repairOrderLineId, orderLineIds));
    for (const row of existing) if (row.lineId) known.add(row.lineId);
  }
  const fresh = rows.filter((row) => {
    const lineId = row.repairOrderLineId ?? row.quoteLineId;
    return !lineId || !known.has(lineId);
  });
  if (fresh.length > 0) await db.insert(declinedWork).values(fresh);
}

/**
 * Expires, in one statement, up to `limit` sent quotes whose last valid day is before `today`
 * (Europe/Paris); returns their ids. A quote answered meanwhile is no longer `sent`: untouched.
 */
export async function expireQuotesDue(
  db: Executor,
  today: string,
  now: Date,
  limit: number,
): Promise<string[]> {
  const due = db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.status, 'sent'), lt(quotes.validUntil, today), isNull(quotes.archivedAt)))
    .limit(limit);
  const rows = await db
    .update(quotes)
    .set({ status: 'expired', version: sql`${quotes.version} + 1`, updatedAt: now })
    .where(and(inArray(quotes.id, due), eq(quotes.status, 'sent')))
    .returning({ id: quotes.id });
  return rows.map((row) => row.id);
}
