import { AppError } from '../../../domain/errors';
import { formatEuros } from '../../../domain/money';
import { readDetails } from '../../../domain/refusals';
import type { Payment } from '../../../domain/schemas/payment';
import { type Allocation, describePaymentError } from './payment-values';

/*
 * « Utiliser le crédit » (decision 0018): a client's credit is what its payments left
 * unallocated, refunds taken off; the server puts one payment's credit at a time on invoices
 * (POST /payments/{id}/allocate), so the amounts typed per invoice are split over the payments
 * holding credit, the oldest first.
 */

export type PaymentCredit = {
  paymentId: string;
  creditCents: number;
  /** Invoices this payment already settles: one allocation row per payment and invoice. */
  paidInvoiceIds: ReadonlySet<string>;
};

/** The payments still holding credit, oldest first (the journal's order). */
export function listPaymentCredits(payments: readonly Payment[]): PaymentCredit[] {
  return payments
    .filter((payment) => payment.kind === 'payment')
    .map((payment) => {
      // A refund's unallocated part is negative: the credit it gave back.
      const refunded = payments
        .filter((other) => other.refundsPaymentId === payment.id)
        .reduce((sum, refund) => sum + refund.unallocatedCents, 0);
      return {
        paymentId: payment.id,
        journalSeq: payment.journalSeq,
        creditCents: payment.unallocatedCents + refunded,
        paidInvoiceIds: new Set(payment.allocations.map((line) => line.invoiceId)),
      };
    })
    .filter((credit) => credit.creditCents > 0)
    .sort((a, b) => a.journalSeq - b.journalSeq)
    .map(({ journalSeq: _, ...credit }) => credit);
}

export type CreditRequest = { paymentId: string; allocations: Allocation[] };

/**
 * The requests that put `allocations` (per invoice) on the credits, each credit used up in
 * order and never on an invoice its payment already settles; `unplacedCents` is what no
 * credit could take (more than the credit, or only payments that already settle the invoice).
 */
export function planCreditUse(
  credits: readonly PaymentCredit[],
  allocations: readonly Allocation[],
): { requests: CreditRequest[]; unplacedCents: number } {
  const left = credits.map((credit) => credit.creditCents);
  const byPayment = credits.map((): Allocation[] => []);
  let unplacedCents = 0;
  for (const line of allocations) {
    let wanted = line.amountCents;
    for (const [index, credit] of credits.entries()) {
      if (wanted <= 0) break;
      if (credit.paidInvoiceIds.has(line.invoiceId)) continue;
      const amount = Math.min(wanted, left[index]!);
      if (amount <= 0) continue;
      byPayment[index]!.push({ invoiceId: line.invoiceId, amountCents: amount });
      left[index] = left[index]! - amount;
      wanted -= amount;
    }
    unplacedCents += Math.max(wanted, 0);
  }
  const requests = credits.flatMap((credit, index) =>
    byPayment[index]!.length > 0
      ? [{ paymentId: credit.paymentId, allocations: byPayment[index]! }]
      : [],
  );
  return { requests, unplacedCents };
}

/** A refusal of « Utiliser le crédit », said for the counter. */
export function describeCreditError(error: unknown): string {
  const credit = readDetails(error, 'allocation_exceeds_credit');
  if (credit) {
    return credit.unallocatedCents > 0
      ? `Il ne reste que ${formatEuros(credit.unallocatedCents)} de crédit sur ce paiement (un autre poste vient peut-être de l’utiliser).`
      : 'Ce crédit vient d’être utilisé ou remboursé à un autre poste.';
  }
  if (error instanceof AppError && error.code === 'period_closed') {
    // The allocation is dated today, not a date the counter chose.
    return 'La journée est clôturée : le crédit pourra être utilisé demain.';
  }
  return describePaymentError(error).message;
}
