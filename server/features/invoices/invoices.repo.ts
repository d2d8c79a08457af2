import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { InvoiceKind, InvoiceLine, InvoiceStatus } from '../../../domain/schemas/invoice';
import type { Executor } from '../../db/client';
import { invoiceLines, invoiceNumberSequences, invoices } from '../../db/schema';

/*
 * Invoices' queries (decision 0017, "Server"): the row and its lines, the list's page, the
 * numbering, and the sums the credit notes and deposits are checked against.
 */

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceRowValues = Partial<Omit<InvoiceRow, 'id' | 'version' | 'createdAt'>>;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
/** A line to write; `creditedLineId` on a credit note's line only. */
export type LineValues = InvoiceLine & { creditedLineId?: string | null };

/** Every write starts here: the row locked until commit (an issue and an edit never cross). */
export async function lockInvoice(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(eq(invoices.id, id))
    .for('update');
  return rows.length > 0;
}

/** Several rows locked in id order (two payments of the same invoices never deadlock). */
export async function lockInvoices(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(inArray(invoices.id, [...ids]))
    .orderBy(asc(invoices.id))
    .for('update');
  return rows.map((row) => row.id);
}

export async function selectInvoiceRows(
  db: Executor,
  ids: readonly string[],
): Promise<{ rows: InvoiceRow[]; lines: InvoiceLineRow[] }> {
  if (ids.length === 0) return { rows: [], lines: [] };
  const rows = await db
    .select()
    .from(invoices)
    .where(inArray(invoices.id, [...ids]));
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoiceId, [...ids]))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  return { rows, lines };
}

export async function insertInvoice(
  db: Executor,
  values: typeof invoices.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(invoices).values(values).returning({ id: invoices.id });
  return row!.id;
}

export async function replaceInvoiceLines(
  db: Executor,
  invoiceId: string,
  lines: readonly LineValues[],
): Promise<void> {
  await db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  if (lines.length === 0) return;
  await db.insert(invoiceLines).values(
    lines.map((line, position) => ({
      invoiceId,
      position,
      kind: line.kind,
      description: line.description,
      reference: line.reference,
      quantityMilli: Math.round(line.quantity * 1000),
      unit: line.unit,
      unitPriceCents: line.unitPriceCents,
      vatRateBp: line.vatRateBp,
      discountBp: line.discountBp,
      partCondition: line.partCondition,
      creditedLineId: line.creditedLineId ?? null,
    })),
  );
}

/** The next version, if the invoice is still at `version`. */
export async function updateInvoiceVersioned(
  db: Executor,
  id: string,
  version: number,
  values: InvoiceRowValues,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(invoices)
    .set({ ...values, version: sql`${invoices.version} + 1`, updatedAt: now })
    .where(and(eq(invoices.id, id), eq(invoices.version, version)))
    .returning({ id: invoices.id });
  return rows.length > 0;
}

/**
 * The next number of the series' year, gapless: the sequence row stays locked by this
 * transaction until it commits, and a rollback gives the number back (as ORs' and quotes').
 */
export async function takeNextInvoiceNumber(
  db: Executor,
  prefix: 'FAC' | 'AV',
  year: number,
): Promise<number> {
  const [row] = await db
    .insert(invoiceNumberSequences)
    .values({ prefix, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [invoiceNumberSequences.prefix, invoiceNumberSequences.year],
      set: { lastValue: sql`${invoiceNumberSequences.lastValue} + 1` },
    })
    .returning({ value: invoiceNumberSequences.lastValue });
  return row!.value;
}

/** The final invoice already made of that OR, or of that quote sold over the counter. */
export async function selectFinalInvoiceOf(
  db: Executor,
  origin: { repairOrderId: string } | { quoteId: string },
): Promise<{ id: string; number: string | null } | undefined> {
  const [row] = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        'repairOrderId' in origin
          ? eq(invoices.repairOrderId, origin.repairOrderId)
          : and(eq(invoices.quoteId, origin.quoteId), sql`${invoices.repairOrderId} is null`),
      ),
    )
    .limit(1);
  return row;
}

/**
 * How much of each line of the invoice the credit notes made of it already take back (drafts
 * included, so two drafts cannot credit the same line twice), in thousandths.
 */
export async function selectCreditedQuantities(
  db: Executor,
  invoiceId: string,
  exceptCreditNoteId: string | null,
): Promise<Map<string, number>> {
  const rows = await db
    .select({
      lineId: invoiceLines.creditedLineId,
      quantityMilli: sql<string>`sum(${invoiceLines.quantityMilli})`,
    })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoices.correctsInvoiceId, invoiceId),
        exceptCreditNoteId ? ne(invoices.id, exceptCreditNoteId) : undefined,
      ),
    )
    .groupBy(invoiceLines.creditedLineId);
  return new Map(
    rows.flatMap((row) => (row.lineId ? [[row.lineId, Number(row.quantityMilli)] as const] : [])),
  );
}

/**
 * The issued deposit invoices of that OR (or of the quote it came from) that no issued invoice
 * deducts yet, oldest first: what a final invoice deducts when it is issued.
 */
export async function selectDepositsToDeduct(
  db: Executor,
  origin: { repairOrderId: string | null; quoteId: string | null },
): Promise<Array<{ id: string; number: string; issueDate: string; grandTotalCents: number }>> {
  const of: SQL[] = [];
  if (origin.repairOrderId) of.push(eq(invoices.repairOrderId, origin.repairOrderId));
  if (origin.quoteId) of.push(eq(invoices.quoteId, origin.quoteId));
  if (of.length === 0) return [];
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      issueDate: invoices.issueDate,
      grandTotalCents: invoices.grandTotalCents,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, 'deposit'),
        eq(invoices.status, 'issued'),
        sql`(${sql.join(of, sql` or `)})`,
        sql`not exists (select 1 from ${invoices} as final
          where final.status = 'issued' and final.kind = 'invoice'
          and final.deducted_deposits @> jsonb_build_array(jsonb_build_object('invoiceId', ${invoices.id}::text)))`,
      ),
    )
    .orderBy(asc(invoices.issuedAt), asc(invoices.id));
  return rows.flatMap((row) =>
    row.number && row.issueDate ? [{ ...row, number: row.number, issueDate: row.issueDate }] : [],
  );
}

export type InvoiceFilters = {
  status?: InvoiceStatus;
  kind?: InvoiceKind;
  clientId?: string;
  repairOrderId?: string;
  issuedFrom?: string;
  issuedTo?: string;
};

/** A page of ids, newest first; the cursor is the last row's creation instant and id. */
export async function selectInvoicePageIds(
  db: Executor,
  query: InvoiceFilters & { cursor: { key: string; id: string } | null; limit: number },
): Promise<Array<{ id: string; createdAt: Date }>> {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(invoices.status, query.status));
  if (query.kind) filters.push(eq(invoices.kind, query.kind));
  if (query.clientId) filters.push(eq(invoices.clientId, query.clientId));
  if (query.repairOrderId) filters.push(eq(invoices.repairOrderId, query.repairOrderId));
  if (query.issuedFrom) filters.push(gte(invoices.issueDate, query.issuedFrom));
  if (query.issuedTo) filters.push(lte(invoices.issueDate, query.issuedTo));
  if (query.cursor) {
    filters.push(
      sql`(${invoices.createdAt}, ${invoices.id}) < (${query.cursor.key}::timestamptz, ${query.cursor.id})`,
    );
  }
  return db
    .select({ id: invoices.id, createdAt: invoices.createdAt })
    .from(invoices)
    .where(and(...filters))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(query.limit);
}

/**
 * Makes the drafts of one OR or quote queue until commit, so the "no invoice yet" check that
 * follows sees the one committed just before (the partial unique indexes stay the last word).
 */
export async function lockInvoicingOf(db: Executor, originId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`invoice-of:${originId}`}))`);
}

/** A draft deleted with its lines (an issued invoice is never deleted: the service checks). */
export async function deleteDraftInvoice(db: Executor, id: string): Promise<void> {
  await db.delete(invoices).where(and(eq(invoices.id, id), eq(invoices.status, 'draft')));
}
