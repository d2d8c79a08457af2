import { todayInParis } from '../../domain/dates';
import { isPrivateBuyer } from '../../domain/journal/contents';
import type { Invoice } from '../../domain/schemas/invoice';
import type { PaymentMethod } from '../../domain/schemas/payment';
import { paymentAllocations, payments } from '../db/schema';
import type { Deps } from '../deps';
import { writeWithChanges } from '../features/changes/changes.service';
import { appendJournalEntry } from '../features/journal/journal.service';

/**
 * A payment as the payments API will record it, for tests written before that API exists on
 * this branch: its journal entry, the payment row and its allocation, in one transaction, then
 * the `invoicePaid` hook the payments feature is to call. Rows are only ever inserted (the
 * tables refuse updates and deletes), so each test pays its own invoices.
 */
export async function recordTestPayment(
  deps: Deps,
  invoice: Invoice,
  payment: { amountCents: number; method?: PaymentMethod },
): Promise<void> {
  const method = payment.method ?? 'card';
  const at = deps.now();
  await writeWithChanges(deps, null, async (tx, record) => {
    const paymentId = crypto.randomUUID();
    const receivedOn = todayInParis(at);
    const { seq } = await appendJournalEntry(tx, deps, null, {
      kind: 'payment',
      paymentId,
      method,
      amountCents: payment.amountCents,
      receivedOn,
      reference: null,
      clientId: invoice.buyer.clientId,
      isB2c: isPrivateBuyer(invoice.buyer),
      allocations: [
        { invoiceId: invoice.id, number: invoice.number ?? '', amountCents: payment.amountCents },
      ],
      refundsPaymentId: null,
      tillSessionId: null,
    });
    await tx.insert(payments).values({
      id: paymentId,
      kind: 'payment',
      method,
      amountCents: payment.amountCents,
      receivedOn,
      clientId: invoice.buyer.clientId,
      journalSeq: seq,
      createdAt: at,
    });
    await tx.insert(paymentAllocations).values({
      paymentId,
      invoiceId: invoice.id,
      amountCents: payment.amountCents,
    });
    await deps.hooks.invoicePaid(tx, record, { invoiceId: invoice.id, at });
  });
}
