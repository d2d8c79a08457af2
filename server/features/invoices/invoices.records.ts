import { AppError } from '../../../domain/errors';
import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import {
  type Invoice,
  type InvoiceContent,
  InvoiceContentCheckedSchema,
  type InvoiceLine,
} from '../../../domain/schemas/invoice';
import type { Executor } from '../../db/client';
import type { Deps } from '../../deps';
import { type RecordChange, staleVersionError } from '../changes/changes.service';
import {
  type InvoiceLineRow,
  type InvoiceRow,
  type InvoiceRowValues,
  lockInvoice,
  selectInvoiceRows,
  updateInvoiceVersioned,
} from './invoices.repo';

/*
 * What every operation on an invoice shares: the row mapped to the API's record, reading it
 * (locked, inside a write), the version and lock checks, the content's columns, the change.
 */

const NOT_FOUND = 'Cette facture est introuvable.';

export function toInvoiceLine(line: InvoiceLineRow): InvoiceLine {
  return {
    kind: line.kind,
    description: line.description,
    reference: line.reference,
    quantity: line.quantityMilli / 1000,
    unit: line.unit,
    unitPriceCents: line.unitPriceCents,
    vatRateBp: line.vatRateBp,
    discountBp: line.discountBp,
    partCondition: line.partCondition,
  };
}

export function toInvoice(row: InvoiceRow, lines: readonly InvoiceLineRow[]): Invoice {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    kind: row.kind,
    status: row.status,
    number: row.number,
    issueDate: row.issueDate,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    seller: row.seller,
    buyer: row.buyer,
    vehicle: row.vehicle,
    serviceDate: row.serviceDate,
    operationCategory: row.operationCategory,
    lines: lines.map(toInvoiceLine),
    payment: row.payment,
    corrects: row.corrects,
    deductedDeposits: row.deductedDeposits,
    origin: {
      repairOrderId: row.repairOrderId,
      repairOrderNumber: row.repairOrderNumber,
      quoteId: row.quoteId,
      quoteNumber: row.quoteNumber,
    },
    note: row.note,
  };
}

export async function selectInvoicesByIds(db: Executor, ids: readonly string[]) {
  const { rows, lines } = await selectInvoiceRows(db, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const own = lines.filter((line) => line.invoiceId === id);
    return [{ row, lines: own, invoice: toInvoice(row, own) }];
  });
}

/** The invoice with its rows (the line ids a credit note points at are only there). */
export async function requireInvoiceRows(
  db: Executor,
  id: string,
): Promise<{ row: InvoiceRow; lines: InvoiceLineRow[]; invoice: Invoice }> {
  const [found] = await selectInvoicesByIds(db, [id]);
  if (!found) throw new AppError('not_found', NOT_FOUND);
  return found;
}

export async function requireInvoice(db: Executor, id: string): Promise<Invoice> {
  return (await requireInvoiceRows(db, id)).invoice;
}

/** The invoice, its row locked by the transaction until it commits. */
export async function lockAndRead(tx: Executor, id: string) {
  if (!(await lockInvoice(tx, id))) throw new AppError('not_found', NOT_FOUND);
  return requireInvoiceRows(tx, id);
}

/** 409 `stale_version` unless the screen wrote from the current version. */
export async function checkVersion(tx: Executor, current: Invoice, version: number) {
  if (current.version !== version) {
    throw await staleVersionError(tx, 'invoice', current.id, current);
  }
}

/** An issued invoice is final: any write is 409 `invoice_locked` (a credit note corrects it). */
export function checkDraft(invoice: Pick<Invoice, 'status'>): void {
  if (invoice.status !== 'draft') throw new AppError('invoice_locked');
}

/** `path` as the form names it: `lines.0.partCondition`. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [
    { path: path.split('.'), code: 'custom', message },
  ]);
}

/**
 * The content checked by the rules between fields (a part's condition, a credit note's
 * reference), as a 400 naming each field, and the columns it is stored in with its totals.
 */
export function toContentColumns(content: InvoiceContent): InvoiceRowValues {
  const checked = InvoiceContentCheckedSchema.safeParse(content);
  if (!checked.success) {
    throw new AppError(
      'validation_failed',
      checked.error.issues[0]?.message ?? 'Facture invalide.',
      checked.error.issues.map((issue) => ({
        path: issue.path.map(String),
        code: issue.code,
        message: issue.message,
      })),
    );
  }
  const totals = computeInvoiceTotals({
    lines: content.lines,
    vatExempt: content.seller.vatExempt,
    deductedDeposits: content.deductedDeposits,
  });
  return {
    kind: content.kind,
    seller: content.seller,
    buyer: content.buyer,
    vehicle: content.vehicle,
    serviceDate: content.serviceDate,
    operationCategory: content.operationCategory,
    payment: content.payment,
    clientId: content.buyer.clientId,
    repairOrderId: content.origin.repairOrderId,
    repairOrderNumber: content.origin.repairOrderNumber,
    quoteId: content.origin.quoteId,
    quoteNumber: content.origin.quoteNumber,
    correctsInvoiceId: content.corrects?.invoiceId ?? null,
    corrects: content.corrects,
    deductedDeposits: content.deductedDeposits,
    note: content.note,
    lineTotalCents: totals.lineTotalCents,
    vatTotalCents: totals.vatTotalCents,
    grandTotalCents: totals.grandTotalCents,
    prepaidCents: totals.prepaidCents,
    duePayableCents: totals.duePayableCents,
  };
}

/** Writes the row (its version moves on), reads it back and records its change. */
export async function saveInvoice(
  tx: Executor,
  deps: Pick<Deps, 'now'>,
  record: RecordChange,
  current: Invoice,
  values: InvoiceRowValues,
  action: 'updated' | 'transitioned',
): Promise<Invoice> {
  if (!(await updateInvoiceVersioned(tx, current.id, current.version, values, deps.now()))) {
    throw await staleVersionError(tx, 'invoice', current.id, current);
  }
  return recordInvoice(tx, record, current.id, action);
}

export async function recordInvoice(
  tx: Executor,
  record: RecordChange,
  id: string,
  action: 'created' | 'updated' | 'transitioned',
): Promise<Invoice> {
  const invoice = await requireInvoice(tx, id);
  record({ entity: 'invoice', action, id, data: invoice });
  return invoice;
}
