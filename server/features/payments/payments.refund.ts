import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { formatEuros } from '../../../domain/money';
import type { Payment, RefundCreateSchema } from '../../../domain/schemas/payment';
import { requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { lockInvoicesForPayment } from '../invoices/invoices.service';
import { appendJournalEntry } from '../journal/journal.service';
import { recordPayment } from './payments.create';
import {
  checkReceivedOn,
  fieldError,
  isPrivateCustomer,
  PAYMENT_NOT_FOUND,
} from './payments.records';
import {
  type InvoiceBalanceRow,
  insertPayment,
  lockRefundsOf,
  selectAllocations,
  selectInvoiceBalances,
  selectPaymentById,
  selectRefundsOf,
} from './payments.repo';
import { takeOpenTill } from './payments.till';

/*
 * A refund (decision 0018) is a new, negative payment pointing at the one it refunds, never an
 * edit of it; its allocations are negative, on the refunded payment's invoices.
 */

type Allocation = { invoiceId: string; number: string; amountCents: number };

/**
 * Where `amountCents` of a payment goes back from, most owed to the customer first: an invoice
 * its credit notes took below zero (up to that), then what the payment left unallocated (the
 * credit), then its invoices latest first, never more than is still allocated on each.
 */
export function planRefund(
  amountCents: number,
  unallocatedCents: number,
  invoices: readonly (InvoiceBalanceRow & { allocatedCents: number })[],
): Allocation[] {
  let left = amountCents;
  const taken = new Map<string, number>();
  const take = (invoice: (typeof invoices)[number], ceiling: number) => {
    const already = taken.get(invoice.id) ?? 0;
    const amount = Math.min(left, ceiling, invoice.allocatedCents - already);
    if (amount <= 0) return;
    taken.set(invoice.id, already + amount);
    left -= amount;
  };
  for (const invoice of invoices) {
    const balance = invoice.duePayableCents - invoice.creditedCents - invoice.paidCents;
    if (balance < 0) take(invoice, -balance);
  }
  left -= Math.min(left, Math.max(0, unallocatedCents));
  for (const invoice of [...invoices].reverse()) take(invoice, left);
  return invoices.flatMap((invoice) => {
    const amount = taken.get(invoice.id);
    return amount ? [{ invoiceId: invoice.id, number: invoice.number!, amountCents: -amount }] : [];
  });
}

export async function refundPayment(
  deps: Deps,
  actor: Actor,
  paymentId: string,
  input: z.output<typeof RefundCreateSchema>,
): Promise<Payment> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const original = await selectPaymentById(tx, paymentId);
    if (!original) throw new AppError('not_found', PAYMENT_NOT_FOUND);
    if (original.kind !== 'payment') {
      throw new AppError('validation_failed', 'Un remboursement ne se rembourse pas.');
    }
    await checkReceivedOn(tx, deps, input.receivedOn);
    if (input.receivedOn < original.receivedOn) {
      throw fieldError('receivedOn', 'Un remboursement ne précède pas le paiement remboursé.');
    }
    // Two refunds of one payment are checked one after the other, each seeing the other.
    await lockRefundsOf(tx, paymentId);
    const refunds = await selectRefundsOf(tx, paymentId);
    const refundableCents = refunds.reduce(
      (sum, row) => sum + row.amountCents,
      original.amountCents,
    );
    if (input.amountCents > refundableCents) {
      throw new AppError(
        'refund_exceeds_payment',
        refundableCents > 0
          ? `Il reste ${formatEuros(refundableCents)} remboursables sur ce paiement.`
          : 'Ce paiement est déjà entièrement remboursé.',
        { refundableCents },
      );
    }
    const lines = await selectAllocations(tx, [paymentId, ...refunds.map((row) => row.id)]);
    const allocatedByInvoice = new Map<string, number>();
    for (const line of lines) {
      allocatedByInvoice.set(
        line.invoiceId,
        (allocatedByInvoice.get(line.invoiceId) ?? 0) + line.amountCents,
      );
    }
    const ids = [...allocatedByInvoice.keys()];
    await lockInvoicesForPayment(tx, ids);
    const invoices = (await selectInvoiceBalances(tx, ids)).map((row) => ({
      ...row,
      allocatedCents: allocatedByInvoice.get(row.id) ?? 0,
    }));
    const stillAllocated = invoices.reduce((sum, row) => sum + row.allocatedCents, 0);
    const allocations = planRefund(input.amountCents, refundableCents - stillAllocated, invoices);
    const isB2c = await isPrivateCustomer(tx, invoices[0]?.buyer, original.clientId);
    const tillSessionId = input.method === 'cash' ? await takeOpenTill(tx) : null;
    const id = randomUUID();
    const entry = await appendJournalEntry(tx, deps, actor, {
      kind: 'refund',
      paymentId: id,
      method: input.method,
      amountCents: -input.amountCents,
      receivedOn: input.receivedOn,
      reference: input.reference,
      clientId: original.clientId,
      isB2c,
      allocations,
      refundsPaymentId: paymentId,
      tillSessionId,
    });
    await insertPayment(
      tx,
      {
        id,
        kind: 'refund',
        method: input.method,
        amountCents: -input.amountCents,
        receivedOn: input.receivedOn,
        reference: input.reference,
        note: input.note,
        clientId: original.clientId,
        refundsPaymentId: paymentId,
        tillSessionId,
        journalSeq: entry.seq,
        createdAt: entry.recordedAt,
        createdById: actor.id,
        createdByName: actor.name,
      },
      allocations.map(({ invoiceId, amountCents }) => ({ invoiceId, amountCents })),
    );
    return recordPayment(tx, record, id, tillSessionId);
  });
}
