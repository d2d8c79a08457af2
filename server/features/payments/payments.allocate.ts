import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { formatEuros } from '../../../domain/money';
import type { CreditAllocateSchema, Payment } from '../../../domain/schemas/payment';
import { requireRole, WRITERS } from '../../access';
import type { Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { lockInvoicesForPayment } from '../invoices/invoices.service';
import { appendJournalEntry } from '../journal/journal.service';
import { checkBalances, checkInvoices, recordPayment } from './payments.create';
import { fieldError, isPrivateCustomer, PAYMENT_NOT_FOUND } from './payments.records';
import {
  insertAllocations,
  lockRefundsOf,
  selectAllocations,
  selectInvoiceBalances,
  selectPaymentById,
  selectRefundsOf,
} from './payments.repo';

/*
 * « Utiliser le crédit » (decision 0018): what a payment left unallocated, its refunds taken
 * off, put on later issued invoices of its client. No money changes hands: the payment keeps
 * its amount, day and method, and gains allocation rows (insert-only, as every allocation);
 * one `credit_allocated` entry in the journal, which closures and the FEC count nothing for.
 */

type CreditInput = z.output<typeof CreditAllocateSchema>;

/**
 * What is left of the payment to allocate: its amount, less its refunds, less what it and its
 * refunds allocated (a refund's allocations are negative: what it took back from invoices).
 */
async function selectUnallocated(tx: Tx, payment: { id: string; amountCents: number }) {
  const refunds = await selectRefundsOf(tx, payment.id);
  const lines = await selectAllocations(tx, [payment.id, ...refunds.map((row) => row.id)]);
  const refunded = refunds.reduce((sum, row) => sum + row.amountCents, 0);
  const allocated = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return {
    unallocatedCents: payment.amountCents + refunded - allocated,
    paidInvoiceIds: new Set(
      lines.filter((line) => line.paymentId === payment.id).map((line) => line.invoiceId),
    ),
  };
}

export async function allocateCredit(
  deps: Deps,
  actor: Actor,
  paymentId: string,
  input: CreditInput,
): Promise<Payment> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const payment = await selectPaymentById(tx, paymentId);
    if (!payment) throw new AppError('not_found', PAYMENT_NOT_FOUND);
    if (payment.kind !== 'payment' || !payment.clientId) {
      throw new AppError('validation_failed', 'Ce mouvement ne laisse aucun crédit à affecter.');
    }
    const ids = input.allocations.map((line) => line.invoiceId);
    const check = { clientId: null, allocations: input.allocations };
    // Refused before any lock, as createPayment does: only invoices and deposits get locked.
    checkInvoices(check, await selectInvoiceBalances(tx, ids));
    // The same order as a refund of this payment (its refunds, then the invoices, then the
    // journal): a refund and an allocation of one credit see each other, never deadlock.
    await lockRefundsOf(tx, paymentId);
    await lockInvoicesForPayment(tx, ids);
    const found = await selectInvoiceBalances(tx, ids);
    const clientId = checkInvoices(check, found);
    if (clientId !== payment.clientId) {
      throw fieldError(
        'allocations.0.invoiceId',
        'Le crédit d’un client ne règle que ses propres factures.',
      );
    }
    const { unallocatedCents, paidInvoiceIds } = await selectUnallocated(tx, payment);
    // One allocation row per payment and invoice (the key): a credit does not top up an
    // invoice its own payment already settles in part; another payment's credit can.
    for (const [index, line] of input.allocations.entries()) {
      if (paidInvoiceIds.has(line.invoiceId)) {
        throw fieldError(
          `allocations.${index}.invoiceId`,
          'Ce paiement règle déjà cette facture : son crédit va sur une autre facture.',
        );
      }
    }
    const askedCents = input.allocations.reduce((sum, line) => sum + line.amountCents, 0);
    if (askedCents > unallocatedCents) {
      throw new AppError(
        'allocation_exceeds_credit',
        unallocatedCents > 0
          ? `Il reste ${formatEuros(unallocatedCents)} de crédit sur ce paiement.`
          : 'Ce paiement n’a plus de crédit à affecter.',
        { unallocatedCents: Math.max(0, unallocatedCents) },
      );
    }
    checkBalances(check, found);
    const allocations = input.allocations.map((line) => ({
      invoiceId: line.invoiceId,
      number: found.find((row) => row.id === line.invoiceId)!.number!,
      amountCents: line.amountCents,
    }));
    const entry = await appendJournalEntry(tx, deps, actor, {
      kind: 'credit_allocated',
      paymentId,
      clientId: payment.clientId,
      isB2c: await isPrivateCustomer(tx, found[0]?.buyer, payment.clientId),
      allocations,
    });
    await insertAllocations(
      tx,
      paymentId,
      allocations.map(({ invoiceId, amountCents }) => ({ invoiceId, amountCents })),
    );
    for (const { invoiceId } of allocations) {
      await deps.hooks.invoicePaid(tx, record, { invoiceId, at: entry.recordedAt });
    }
    return recordPayment(tx, record, paymentId, null, 'updated');
  });
}
