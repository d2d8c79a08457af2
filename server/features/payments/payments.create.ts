import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { formatEuros } from '../../../domain/money';
import {
  CASH_LIMIT_CENTS,
  type Payment,
  type PaymentCreateSchema,
} from '../../../domain/schemas/payment';
import { requireRole, WRITERS } from '../../access';
import type { Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { type RecordChange, writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { lockInvoicesForPayment } from '../invoices/invoices.service';
import { appendJournalEntry } from '../journal/journal.service';
import { checkReceivedOn, fieldError, isPrivateCustomer, toPayments } from './payments.records';
import {
  type InvoiceBalanceRow,
  insertPayment,
  selectCashAllocated,
  selectInvoiceBalances,
  selectPaymentById,
} from './payments.repo';
import { recordTill, takeOpenTill } from './payments.till';

/*
 * Taking a payment (decision 0018): against one or several issued invoices of one customer,
 * each allocation within what is left due on its invoice, the rest the customer's credit; one
 * journal entry, in the same transaction as the rows.
 */

type PaymentInput = z.output<typeof PaymentCreateSchema>;
/** What the invoice checks read: a payment's, or a credit's put on invoices (payments.allocate.ts). */
type AllocationInput = Pick<PaymentInput, 'clientId' | 'allocations'>;

/** Each allocated invoice: found, issued, an invoice or a deposit, of the one customer. */
export function checkInvoices(
  input: AllocationInput,
  found: readonly InvoiceBalanceRow[],
): string | null {
  const byId = new Map(found.map((row) => [row.id, row]));
  let clientId: string | null | undefined;
  for (const [index, line] of input.allocations.entries()) {
    const invoice = byId.get(line.invoiceId);
    if (!invoice) throw new AppError('not_found', 'Cette facture est introuvable.');
    if (invoice.status !== 'issued') {
      throw new AppError(
        'invoice_not_issued',
        'Une facture brouillon ne se règle pas : émettez-la d’abord.',
      );
    }
    if (invoice.kind === 'credit_note') {
      throw fieldError(
        `allocations.${index}.invoiceId`,
        `${invoice.number} est un avoir : il se rembourse, il ne se règle pas.`,
      );
    }
    if (clientId !== undefined && invoice.clientId !== clientId) {
      throw fieldError(
        `allocations.${index}.invoiceId`,
        'Un paiement règle les factures d’un seul client.',
      );
    }
    clientId = invoice.clientId;
  }
  if (clientId === undefined) return input.clientId;
  if (input.clientId && input.clientId !== clientId) {
    throw fieldError('clientId', 'Ce client n’est pas celui des factures réglées.');
  }
  return clientId;
}

/** 409 `payment_exceeds_balance` on the first allocation above what is left on its invoice. */
export function checkBalances(input: AllocationInput, found: readonly InvoiceBalanceRow[]): void {
  for (const line of input.allocations) {
    const invoice = found.find((row) => row.id === line.invoiceId)!;
    const balanceCents = invoice.duePayableCents - invoice.creditedCents - invoice.paidCents;
    if (line.amountCents > balanceCents) {
      throw new AppError(
        'payment_exceeds_balance',
        balanceCents > 0
          ? `Il reste ${formatEuros(balanceCents)} à régler sur ${invoice.number}.`
          : `${invoice.number} est déjà réglée.`,
        { invoiceId: invoice.id, balanceCents },
      );
    }
  }
}

/**
 * Cash from a private customer above CASH_LIMIT_CENTS is refused (CMF L112-6): 409
 * `cash_limit_exceeded`, for the payment and for each debt, what was already paid of it in cash
 * counted (a bill is not split into cash payments under the ceiling). A business customer
 * (SIREN or VAT number on the invoice, or a company) is let through, as the garage asked: the
 * ceiling is then the customer's to keep, not checked here (decision 0018).
 */
async function checkCashLimit(tx: Tx, input: PaymentInput, isB2c: boolean): Promise<void> {
  if (input.method !== 'cash' || !isB2c) return;
  const paid = await selectCashAllocated(
    tx,
    input.allocations.map((line) => line.invoiceId),
  );
  const isAbove =
    input.amountCents > CASH_LIMIT_CENTS ||
    input.allocations.some(
      (line) => (paid.get(line.invoiceId) ?? 0) + line.amountCents > CASH_LIMIT_CENTS,
    );
  if (isAbove) {
    throw new AppError(
      'cash_limit_exceeded',
      `Un particulier ne peut pas régler plus de ${formatEuros(CASH_LIMIT_CENTS)} en espèces pour une même dette.`,
    );
  }
}

/** The stored payment, read back and recorded as a change (and the till's, for cash). */
export async function recordPayment(
  tx: Tx,
  record: RecordChange,
  id: string,
  tillSessionId: string | null,
  action: 'created' | 'updated' = 'created',
): Promise<Payment> {
  const [payment] = await toPayments(tx, [(await selectPaymentById(tx, id))!]);
  record({ entity: 'payment', action, id, data: payment! });
  if (tillSessionId) await recordTill(tx, record, tillSessionId, 'updated');
  return payment!;
}

export async function createPayment(
  deps: Deps,
  actor: Actor,
  input: PaymentInput,
): Promise<Payment> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    await checkReceivedOn(tx, deps, input.receivedOn);
    const ids = input.allocations.map((line) => line.invoiceId);
    // Refused before any lock, so only invoices and deposits are locked here: issuing a credit
    // note locks its own row then its invoice's, and the two orders never cross.
    checkInvoices(input, await selectInvoiceBalances(tx, ids));
    // Then locked: a concurrent payment of the same invoice waits, then sees this one.
    await lockInvoicesForPayment(tx, ids);
    const found = await selectInvoiceBalances(tx, ids);
    const clientId = checkInvoices(input, found);
    if (input.allocations.length === 0 && clientId && !(await readClient(tx, clientId))) {
      throw new AppError('not_found', 'Ce client est introuvable.');
    }
    checkBalances(input, found);
    const allocated = input.allocations.reduce((sum, line) => sum + line.amountCents, 0);
    if (!clientId && allocated < input.amountCents) {
      // A credit belongs to someone: an invoice made out to no client is paid exactly.
      throw fieldError('amountCents', 'Le trop-perçu n’aurait pas de client à qui revenir.');
    }
    const isB2c = await isPrivateCustomer(tx, found[0]?.buyer, clientId);
    await checkCashLimit(tx, input, isB2c);
    const tillSessionId = input.method === 'cash' ? await takeOpenTill(tx) : null;
    const id = randomUUID();
    const allocations = input.allocations.map((line) => {
      const invoice = found.find((row) => row.id === line.invoiceId)!;
      return { invoiceId: line.invoiceId, number: invoice.number!, amountCents: line.amountCents };
    });
    const entry = await appendJournalEntry(tx, deps, actor, {
      kind: 'payment',
      paymentId: id,
      method: input.method,
      amountCents: input.amountCents,
      receivedOn: input.receivedOn,
      reference: input.reference,
      clientId,
      isB2c,
      allocations,
      refundsPaymentId: null,
      tillSessionId,
    });
    await insertPayment(
      tx,
      {
        id,
        kind: 'payment',
        method: input.method,
        amountCents: input.amountCents,
        receivedOn: input.receivedOn,
        reference: input.reference,
        note: input.note,
        clientId,
        refundsPaymentId: null,
        tillSessionId,
        journalSeq: entry.seq,
        createdAt: entry.recordedAt,
        createdById: actor.id,
        createdByName: actor.name,
      },
      allocations.map(({ invoiceId, amountCents }) => ({ invoiceId, amountCents })),
    );
    // An invoice paid off has its overdue alert resolved in this transaction (decision 0018).
    for (const { invoiceId } of allocations) {
      await deps.hooks.invoicePaid(tx, record, { invoiceId, at: entry.recordedAt });
    }
    return recordPayment(tx, record, id, tillSessionId);
  });
}
