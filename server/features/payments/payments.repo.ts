import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { creditedCentsSql, paidCentsSql } from '../../db/invoice-balance';
import { invoices, paymentAllocations, payments } from '../../db/schema';

/*
 * Payments' queries (decision 0018). Rows are only inserted: the database refuses the rest.
 * Balances are a read model over invoices, their credit notes and the allocations, so they are
 * summed here in one query (with server/db/invoice-balance.ts, the alerts' and the dashboard's
 * definition) rather than assembled from the invoices feature's records; the
 * invoices' rows are locked through that feature's service before a write reads them.
 */

export type PaymentRow = typeof payments.$inferSelect;
export type AllocationRow = {
  paymentId: string;
  invoiceId: string;
  invoiceNumber: string;
  amountCents: number;
};

/** Arbitrary constant: the refunds of one payment are checked one after the other. */
const REFUND_LOCK = 727_020;

export async function lockRefundsOf(tx: Tx, paymentId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${REFUND_LOCK}, hashtext(${paymentId}))`);
}

export async function insertPayment(
  tx: Tx,
  values: typeof payments.$inferInsert,
  allocations: readonly { invoiceId: string; amountCents: number }[],
): Promise<void> {
  await tx.insert(payments).values(values);
  if (allocations.length === 0) return;
  await tx
    .insert(paymentAllocations)
    .values(allocations.map((line) => ({ paymentId: values.id!, ...line })));
}

/** Allocations added later to a stored payment: its credit put on invoices. */
export async function insertAllocations(
  tx: Tx,
  paymentId: string,
  allocations: readonly { invoiceId: string; amountCents: number }[],
): Promise<void> {
  await tx.insert(paymentAllocations).values(allocations.map((line) => ({ paymentId, ...line })));
}

async function selectPayments(db: Executor, where: SQL | undefined): Promise<PaymentRow[]> {
  // Newest first: the journal's seq is the commit order, unique, whatever the clock says.
  return db.select().from(payments).where(where).orderBy(desc(payments.journalSeq));
}

export function selectPaymentById(db: Executor, id: string): Promise<PaymentRow | undefined> {
  return selectPayments(db, eq(payments.id, id)).then((rows) => rows[0]);
}

export function selectPaymentsOfClient(db: Executor, clientId: string): Promise<PaymentRow[]> {
  return selectPayments(db, eq(payments.clientId, clientId));
}

export function selectPaymentsOfInvoice(db: Executor, invoiceId: string): Promise<PaymentRow[]> {
  const allocated = db
    .select({ id: paymentAllocations.paymentId })
    .from(paymentAllocations)
    .where(eq(paymentAllocations.invoiceId, invoiceId));
  return selectPayments(db, inArray(payments.id, allocated));
}

export function selectRefundsOf(db: Executor, paymentId: string): Promise<PaymentRow[]> {
  return selectPayments(db, eq(payments.refundsPaymentId, paymentId));
}

/** The payments' allocations with their invoice's number, in the invoices' issue order. */
export async function selectAllocations(
  db: Executor,
  paymentIds: readonly string[],
): Promise<AllocationRow[]> {
  if (paymentIds.length === 0) return [];
  const rows = await db
    .select({
      paymentId: paymentAllocations.paymentId,
      invoiceId: paymentAllocations.invoiceId,
      invoiceNumber: invoices.number,
      amountCents: paymentAllocations.amountCents,
    })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .where(inArray(paymentAllocations.paymentId, [...paymentIds]))
    .orderBy(asc(invoices.issuedAt), asc(invoices.number));
  // Only issued invoices take allocations: each has its number.
  return rows.map((row) => ({ ...row, invoiceNumber: row.invoiceNumber ?? '' }));
}

export type InvoiceBalanceRow = {
  id: string;
  kind: (typeof invoices.$inferSelect)['kind'];
  status: (typeof invoices.$inferSelect)['status'];
  number: string | null;
  issueDate: string | null;
  issuedAt: Date | null;
  clientId: string | null;
  buyer: (typeof invoices.$inferSelect)['buyer'];
  dueDate: string | null;
  duePayableCents: number;
  creditedCents: number;
  paidCents: number;
};

// Qualified by the table's name: Drizzle writes a lone table's columns unqualified, and
// inside the subquery `id` would be the credit note's own.
const creditedCents = sql<string>`${creditedCentsSql('invoices')}`;
const paidCents = sql<string>`${paidCentsSql('invoices')}`;

async function selectBalanceRows(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({
      id: invoices.id,
      kind: invoices.kind,
      status: invoices.status,
      number: invoices.number,
      issueDate: invoices.issueDate,
      issuedAt: invoices.issuedAt,
      clientId: invoices.clientId,
      buyer: invoices.buyer,
      payment: invoices.payment,
      duePayableCents: invoices.duePayableCents,
      creditedCents,
      paidCents,
    })
    .from(invoices)
    .where(where)
    .orderBy(asc(invoices.issuedAt), asc(invoices.number));
  return rows.map(
    ({ payment, ...row }): InvoiceBalanceRow => ({
      ...row,
      dueDate: payment.dueDate,
      creditedCents: Number(row.creditedCents),
      paidCents: Number(row.paidCents),
    }),
  );
}

/** What each invoice asks, what its issued credit notes took off, what was allocated to it. */
export function selectInvoiceBalances(
  db: Executor,
  ids: readonly string[],
): Promise<InvoiceBalanceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectBalanceRows(db, inArray(invoices.id, [...ids]));
}

/** A client's issued invoices and deposits (credit notes aside), oldest first. */
export function selectClientInvoiceBalances(
  db: Executor,
  clientId: string,
): Promise<InvoiceBalanceRow[]> {
  return selectBalanceRows(
    db,
    and(
      eq(invoices.clientId, clientId),
      eq(invoices.status, 'issued'),
      ne(invoices.kind, 'credit_note'),
    ),
  );
}

/** Paid by the client and not allocated: sum(payments) − sum(their allocations), refunds in. */
export async function selectClientCredit(db: Executor, clientId: string): Promise<number> {
  const [row] = await db
    .select({
      credit: sql<string>`coalesce(sum(${payments.amountCents}), 0) - coalesce((
        select sum(allocations.amount_cents) from payment_allocations allocations
        join payments paid on paid.id = allocations.payment_id
        where paid.client_id = ${clientId}
      ), 0)`,
    })
    .from(payments)
    .where(eq(payments.clientId, clientId));
  return Number(row?.credit ?? 0);
}

/** Cash already allocated to each invoice, refunds in cash netted: the ceiling is per debt. */
export async function selectCashAllocated(
  db: Executor,
  invoiceIds: readonly string[],
): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .select({
      invoiceId: paymentAllocations.invoiceId,
      total: sql<string>`sum(${paymentAllocations.amountCents})`,
    })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(and(inArray(paymentAllocations.invoiceId, [...invoiceIds]), eq(payments.method, 'cash')))
    .groupBy(paymentAllocations.invoiceId);
  return new Map(rows.map((row) => [row.invoiceId, Number(row.total)]));
}
