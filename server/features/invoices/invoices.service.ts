import type { z } from 'zod';
import type {
  Invoice,
  InvoiceContent,
  InvoiceListQuerySchema,
  InvoiceUpdateSchema,
} from '../../../domain/schemas/invoice';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import { encodeCursor } from '../../db/cursor';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import {
  checkDraft,
  checkVersion,
  fieldError,
  lockAndRead,
  requireInvoice,
  saveInvoice,
  selectInvoicesByIds,
  toContentColumns,
} from './invoices.records';
import {
  deleteDraftInvoice,
  lockInvoices,
  replaceInvoiceLines,
  selectInvoicePageIds,
} from './invoices.repo';

/*
 * Invoices, credit notes and deposit invoices (decision 0017, "Server"): the list, reading one,
 * editing a draft. Making one is invoices.creation.ts, issuing it invoices.issue.ts, exported
 * from here: the routes (and any feature above) import this file only.
 */

export async function listInvoices(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof InvoiceListQuerySchema>,
): Promise<{ items: Invoice[]; nextCursor: string | null }> {
  requireRole(actor, READERS);
  const rows = await selectInvoicePageIds(deps.db, {
    status: query.status,
    kind: query.kind,
    clientId: query.clientId,
    repairOrderId: query.repairOrderId,
    issuedFrom: query.issuedFrom,
    issuedTo: query.issuedTo,
    cursor: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const found = await selectInvoicesByIds(
    deps.db,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    items: found.map((entry) => entry.invoice),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(last.createdAt.toISOString(), last.id)
        : null,
  };
}

export async function getInvoice(deps: Deps, actor: Actor, id: string): Promise<Invoice> {
  requireRole(actor, READERS);
  return requireInvoice(deps.db, id);
}

/** A draft's fields; an issued invoice takes no write (409 `invoice_locked`). */
export async function updateInvoice(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof InvoiceUpdateSchema>,
): Promise<Invoice> {
  requireRole(actor, WRITERS);
  const { version, payment, mileageKm, deliveryAddress, ...fields } = patch;
  return writeWithChanges(deps, actor, async (tx, record) => {
    const { invoice: current } = await lockAndRead(tx, id);
    await checkVersion(tx, current, version);
    checkDraft(current);
    if (current.kind === 'credit_note' && fields.lines) {
      // Each line points at the invoice's line it credits (never more than it left).
      throw fieldError('lines', 'Les lignes d’un avoir se choisissent à sa création.');
    }
    if (mileageKm !== undefined && !current.vehicle) {
      throw fieldError('mileageKm', 'Cette facture ne porte sur aucun véhicule.');
    }
    const content: InvoiceContent = {
      ...current,
      ...fields,
      payment: { ...current.payment, ...payment },
      vehicle:
        current.vehicle && mileageKm !== undefined
          ? { ...current.vehicle, mileageKm }
          : current.vehicle,
      buyer: deliveryAddress === undefined ? current.buyer : { ...current.buyer, deliveryAddress },
    };
    const values = toContentColumns(content);
    if (fields.lines) await replaceInvoiceLines(tx, id, fields.lines);
    return saveInvoice(tx, deps, record, current, values, 'updated');
  });
}

/**
 * A draft thrown away, never numbered so leaving no gap; a credit note's draft gives back the
 * quantities it held. An issued invoice is final: 409 `invoice_locked`.
 */
export async function deleteInvoice(deps: Deps, actor: Actor, id: string): Promise<Invoice> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const { invoice } = await lockAndRead(tx, id);
    checkDraft(invoice);
    await deleteDraftInvoice(tx, id);
    record({ entity: 'invoice', action: 'deleted', id, data: invoice });
    return invoice;
  });
}

/**
 * For the payments feature, inside its transaction: the invoices a payment or a refund settles,
 * locked until commit as an edit or an issue locks one, so two payments of the same invoice
 * check its balance one after the other. Answers the ids found.
 */
export function lockInvoicesForPayment(tx: Executor, ids: readonly string[]): Promise<string[]> {
  return lockInvoices(tx, ids);
}

/**
 * Of these credit notes, the ones correcting a deposit invoice: the FEC reverses those on the
 * deposits' account, not on sales (their journal entry does not say what they correct).
 */
export async function findDepositCreditNotes(
  db: Executor,
  creditNoteIds: readonly string[],
): Promise<Set<string>> {
  const notes = (await selectInvoicesByIds(db, creditNoteIds)).map(({ invoice }) => invoice);
  const correctedIds = [
    ...new Set(notes.flatMap((note) => (note.corrects ? [note.corrects.invoiceId] : []))),
  ];
  const deposits = new Set(
    (await selectInvoicesByIds(db, correctedIds))
      .filter(({ invoice }) => invoice.kind === 'deposit')
      .map(({ invoice }) => invoice.id),
  );
  return new Set(
    notes
      .filter((note) => note.corrects && deposits.has(note.corrects.invoiceId))
      .map((note) => note.id),
  );
}

export { createInvoice } from './invoices.creation';
export { createCreditNote } from './invoices.credit-notes';
export { issueInvoice, readInvoiceCii } from './invoices.issue';
