import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  like,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import type { RepairOrderLine } from '../../../domain/schemas/repair-order';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../db/like';
import {
  clients,
  repairOrderAmendments,
  repairOrderClockEvents,
  repairOrderJobs,
  repairOrderLines,
  repairOrderNumberSequences,
  repairOrderPhotos,
  repairOrderSignatures,
  repairOrders,
  vehicles,
} from '../../db/schema';

/*
 * Repair orders' writes, a part at a time, the board's page and the image bytes. Reading an OR
 * whole is repair-orders.read.repo.ts.
 */

type OrderRow = typeof repairOrders.$inferSelect;
export type OrderRowValues = Partial<Omit<OrderRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

export type LineValues = Omit<RepairOrderLine, 'id' | 'totalExclVatCents'> & {
  id?: string;
  quoteLineId?: string | null;
};
export type JobValues = {
  id?: string;
  title: string;
  technicianId: string | null;
  lines: LineValues[];
};

/**
 * Every write starts here: the OR's row locked until commit, so the rules a write checks on
 * what it read still hold when it writes (two signatures, a clock and a hand-back never cross).
 */
export async function lockRepairOrder(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: repairOrders.id })
    .from(repairOrders)
    .where(eq(repairOrders.id, id))
    .for('update');
  return rows.length > 0;
}

export async function insertRepairOrder(
  db: Executor,
  values: typeof repairOrders.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(repairOrders).values(values).returning({ id: repairOrders.id });
  return row!.id;
}

/** The next version, if the OR is still at `version`. */
export async function updateRepairOrderVersioned(
  db: Executor,
  id: string,
  version: number,
  values: OrderRowValues,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(repairOrders)
    .set({ ...values, version: sql`${repairOrders.version} + 1`, updatedAt: now })
    .where(and(eq(repairOrders.id, id), eq(repairOrders.version, version)))
    .returning({ id: repairOrders.id });
  return rows.length > 0;
}

/**
 * The next number of the year, gapless: the sequence row stays locked by this transaction until
 * it commits, and a rollback gives the number back (as `takeNextQuoteNumber`).
 */
export async function takeNextRepairOrderNumber(db: Executor, year: number): Promise<number> {
  const [row] = await db
    .insert(repairOrderNumberSequences)
    .values({ year, lastValue: 1 })
    .onConflictDoUpdate({
      target: repairOrderNumberSequences.year,
      set: { lastValue: sql`${repairOrderNumberSequences.lastValue} + 1` },
    })
    .returning({ value: repairOrderNumberSequences.lastValue });
  return row!.value;
}

export async function selectRepairOrderOfQuote(
  db: Executor,
  quoteId: string,
): Promise<{ id: string; number: string } | undefined> {
  const [row] = await db
    .select({ id: repairOrders.id, number: repairOrders.number })
    .from(repairOrders)
    .where(eq(repairOrders.quoteId, quoteId))
    .limit(1);
  return row;
}

/** Of the job and line ids an editor sent, those that belong to another OR. */
export async function selectIdsOfOtherRepairOrders(
  db: Executor,
  orderId: string | null,
  jobs: ReadonlyArray<{ id?: string; lines: ReadonlyArray<{ id?: string }> }>,
): Promise<string[]> {
  const jobIds = jobs.flatMap((job) => (job.id ? [job.id] : []));
  const lineIds = jobs.flatMap((job) => job.lines.flatMap((line) => (line.id ? [line.id] : [])));
  const others = (
    column: typeof repairOrderJobs.repairOrderId | typeof repairOrderLines.repairOrderId,
  ) => (orderId ? ne(column, orderId) : sql`true`);
  const taken: string[] = [];
  if (jobIds.length > 0) {
    const rows = await db
      .select({ id: repairOrderJobs.id })
      .from(repairOrderJobs)
      .where(and(inArray(repairOrderJobs.id, jobIds), others(repairOrderJobs.repairOrderId)));
    taken.push(...rows.map((row) => row.id));
  }
  if (lineIds.length > 0) {
    const rows = await db
      .select({ id: repairOrderLines.id })
      .from(repairOrderLines)
      .where(and(inArray(repairOrderLines.id, lineIds), others(repairOrderLines.repairOrderId)));
    taken.push(...rows.map((row) => row.id));
  }
  return taken;
}

/** The work ordered at opening, replaced whole (before the check-in is signed). */
export async function deleteOrderedJobs(db: Executor, orderId: string): Promise<void> {
  await db
    .delete(repairOrderJobs)
    .where(and(eq(repairOrderJobs.repairOrderId, orderId), isNull(repairOrderJobs.amendmentId)));
}

/** Jobs and their lines, from `firstPosition` on; ids the editor already has are kept. */
export async function insertRepairOrderJobs(
  db: Executor,
  orderId: string,
  jobs: JobValues[],
  options: { amendmentId: string | null; firstPosition: number },
): Promise<void> {
  const totals = computeQuoteTotals({ jobs, vatExempt: false });
  for (const [jobIndex, job] of jobs.entries()) {
    const [jobRow] = await db
      .insert(repairOrderJobs)
      .values({
        ...(job.id ? { id: job.id } : {}),
        repairOrderId: orderId,
        position: options.firstPosition + jobIndex,
        title: job.title,
        amendmentId: options.amendmentId,
        technicianId: job.technicianId,
      })
      .returning({ id: repairOrderJobs.id });
    if (job.lines.length === 0) continue;
    await db.insert(repairOrderLines).values(
      job.lines.map((line, lineIndex) => ({
        ...(line.id ? { id: line.id } : {}),
        repairOrderId: orderId,
        jobId: jobRow!.id,
        position: lineIndex,
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
        piecCategory: line.piecCategory,
        piecChoice: line.piecChoice,
        partCondition: line.partCondition,
        quoteLineId: line.quoteLineId ?? null,
      })),
    );
  }
}

export async function insertAmendment(
  db: Executor,
  values: typeof repairOrderAmendments.$inferInsert,
): Promise<string> {
  const [row] = await db
    .insert(repairOrderAmendments)
    .values(values)
    .returning({ id: repairOrderAmendments.id });
  return row!.id;
}

export async function updateAmendment(
  db: Executor,
  id: string,
  values: Partial<typeof repairOrderAmendments.$inferInsert>,
): Promise<void> {
  await db.update(repairOrderAmendments).set(values).where(eq(repairOrderAmendments.id, id));
}

export async function insertSignature(
  db: Executor,
  values: typeof repairOrderSignatures.$inferInsert,
): Promise<string> {
  const [row] = await db
    .insert(repairOrderSignatures)
    .values(values)
    .returning({ id: repairOrderSignatures.id });
  return row!.id;
}

export async function selectSignatureImage(
  db: Executor,
  orderId: string,
  signatureId: string,
): Promise<Uint8Array | undefined> {
  const [row] = await db
    .select({ image: repairOrderSignatures.image })
    .from(repairOrderSignatures)
    .where(
      and(
        eq(repairOrderSignatures.id, signatureId),
        eq(repairOrderSignatures.repairOrderId, orderId),
      ),
    )
    .limit(1);
  return row?.image;
}

export async function insertPhoto(
  db: Executor,
  values: typeof repairOrderPhotos.$inferInsert,
): Promise<void> {
  await db.insert(repairOrderPhotos).values(values);
}

export async function selectPhotoData(
  db: Executor,
  orderId: string,
  photoId: string,
): Promise<{ contentType: string; data: Uint8Array } | undefined> {
  const [row] = await db
    .select({ contentType: repairOrderPhotos.contentType, data: repairOrderPhotos.data })
    .from(repairOrderPhotos)
    .where(and(eq(repairOrderPhotos.id, photoId), eq(repairOrderPhotos.repairOrderId, orderId)))
    .limit(1);
  return row;
}

export async function insertClockEvents(
  db: Executor,
  rows: Array<typeof repairOrderClockEvents.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(repairOrderClockEvents).values(rows);
}

export type RepairOrderFilters = {
  terms: string[];
  status?: OrderRow['status'] | 'open';
  technicianId?: string;
  vehicleId?: string;
  clientId?: string;
  /** The board of a day: the open ORs, and those closed within [from, to). */
  day?: { from: Date; to: Date };
};

function filtersOf(query: RepairOrderFilters): SQL[] {
  const filters: SQL[] = [];
  for (const term of query.terms) {
    const pattern = containsPattern(term);
    filters.push(
      or(
        like(sql`lower(${repairOrders.number})`, pattern),
        like(vehicles.searchText, pattern),
        like(clients.searchText, pattern),
      )!,
    );
  }
  if (query.status === 'open') filters.push(ne(repairOrders.status, 'handed_back'));
  else if (query.status) filters.push(eq(repairOrders.status, query.status));
  if (query.technicianId) filters.push(eq(repairOrders.technicianId, query.technicianId));
  if (query.vehicleId) filters.push(eq(repairOrders.vehicleId, query.vehicleId));
  if (query.clientId) filters.push(eq(repairOrders.clientId, query.clientId));
  if (query.day) {
    filters.push(
      or(
        ne(repairOrders.status, 'handed_back'),
        and(gte(repairOrders.closedAt, query.day.from), lt(repairOrders.closedAt, query.day.to)),
      )!,
    );
  }
  return filters;
}

/** The ids of a page of ORs, newest first (keyset on created_at, id). */
export async function selectRepairOrderPageIds(
  db: Executor,
  query: RepairOrderFilters & { cursor: { key: string; id: string } | null; limit: number },
): Promise<Array<{ id: string; createdAt: Date }>> {
  const filters = filtersOf(query);
  if (query.cursor) {
    filters.push(
      sql`(${repairOrders.createdAt}, ${repairOrders.id}) < (${query.cursor.key}::timestamptz, ${query.cursor.id})`,
    );
  }
  return db
    .select({ id: repairOrders.id, createdAt: repairOrders.createdAt })
    .from(repairOrders)
    .innerJoin(clients, eq(clients.id, repairOrders.clientId))
    .innerJoin(vehicles, eq(vehicles.id, repairOrders.vehicleId))
    .where(and(...filters))
    .orderBy(desc(repairOrders.createdAt), desc(repairOrders.id))
    .limit(query.limit);
}

/** The wall's board of a day, oldest first, unpaged (a garage has tens of ORs open, not more). */
export async function selectDayBoardIds(
  db: Executor,
  day: { from: Date; to: Date },
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: repairOrders.id })
    .from(repairOrders)
    .where(and(...filtersOf({ terms: [], day })))
    .orderBy(asc(repairOrders.createdAt), asc(repairOrders.id))
    .limit(limit);
  return rows.map((row) => row.id);
}
