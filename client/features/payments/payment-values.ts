import { AppError } from '../../../domain/errors';
import { formatEuros, parseEurosToCents } from '../../../domain/money';
import { readDetails } from '../../../domain/refusals';
import { PAYMENT_MAX_CENTS, type Payment } from '../../../domain/schemas/payment';
import { formatCalendarDate } from '../../lib/format';

/** What the amount field says: cents, or why not (in French). */
export type AmountResult = { ok: true; cents: number } | { ok: false; message: string };

/**
 * An amount typed at the counter (`12,50`, `1 234,56 €`): positive, or zero where a till may
 * hold nothing (`allowZero`: its float, its count). Never rounded: parseEurosToCents refuses a
 * third decimal.
 */
export function parseAmount(text: string, options: { allowZero?: boolean } = {}): AmountResult {
  const parsed = parseEurosToCents(text);
  if (!parsed.ok) return parsed;
  if (parsed.cents < 0) return { ok: false, message: 'Le montant ne peut pas être négatif.' };
  if (parsed.cents === 0 && !options.allowZero) {
    return { ok: false, message: 'Le montant doit être positif.' };
  }
  if (parsed.cents > PAYMENT_MAX_CENTS) return { ok: false, message: 'Montant invraisemblable.' };
  return parsed;
}

export type OpenInvoice = { invoiceId: string; issueDate: string; balanceCents: number };
export type Allocation = { invoiceId: string; amountCents: number };

/**
 * One payment spread over a client's invoices: the oldest first, each up to what it still asks;
 * what is left over is the client's credit (the server keeps it unallocated). The order is the
 * issue date, then the order given (the server lists them oldest first, numbers ascending).
 */
export function allocateOldestFirst(
  invoices: readonly OpenInvoice[],
  amountCents: number,
): { allocations: Allocation[]; creditCents: number } {
  const ordered = invoices
    .map((invoice, index) => ({ invoice, index }))
    .sort((a, b) => a.invoice.issueDate.localeCompare(b.invoice.issueDate) || a.index - b.index);
  let left = amountCents;
  const allocations: Allocation[] = [];
  for (const { invoice } of ordered) {
    const amount = Math.min(left, Math.max(invoice.balanceCents, 0));
    if (amount <= 0) continue;
    allocations.push({ invoiceId: invoice.invoiceId, amountCents: amount });
    left -= amount;
  }
  return { allocations, creditCents: left };
}

/** What a payment still has to give back: itself less the refunds already made of it. */
export function refundableCents(payment: Payment, payments: readonly Payment[]): number {
  const refunded = payments
    .filter((other) => other.refundsPaymentId === payment.id)
    .reduce((sum, refund) => sum + refund.amountCents, 0);
  return Math.max(payment.amountCents + refunded, 0);
}

/** The part of a payment (or refund, negative) that went to this invoice. */
export function amountOnInvoice(payment: Payment, invoiceId: string): number {
  return payment.allocations
    .filter((allocation) => allocation.invoiceId === invoiceId)
    .reduce((sum, allocation) => sum + allocation.amountCents, 0);
}

/** Where a payment went: « FAC-2026-00001, crédit 5,00 € ». */
export function describeAllocations(payment: Payment): string {
  const parts = payment.allocations.map((allocation) => allocation.invoiceNumber);
  if (payment.unallocatedCents !== 0) {
    parts.push(`crédit ${formatEuros(Math.abs(payment.unallocatedCents))}`);
  }
  return parts.join(', ') || '—';
}

/** A refusal, said for the counter; `isTillClosed` asks the dialog for a link to the till. */
export type PaymentRefusal = { message: string; isTillClosed: boolean };

export function describePaymentError(error: unknown): PaymentRefusal {
  const refusal = (message: string) => ({ message, isTillClosed: false });
  const exceeds = readDetails(error, 'payment_exceeds_balance');
  if (exceeds) {
    return refusal(
      `Il ne reste que ${formatEuros(exceeds.balanceCents)} dû sur cette facture (un autre poste vient peut-être d’encaisser).`,
    );
  }
  const closed = readDetails(error, 'period_closed');
  if (closed) {
    return refusal(
      `La période est clôturée jusqu’au ${formatCalendarDate(closed.closedThrough)} inclus : choisissez une date postérieure.`,
    );
  }
  const refund = readDetails(error, 'refund_exceeds_payment');
  if (refund) {
    return refusal(
      `Il ne reste que ${formatEuros(refund.refundableCents)} à rembourser sur ce paiement.`,
    );
  }
  if (error instanceof AppError && error.code === 'till_not_open') {
    return {
      message: 'La caisse n’est pas ouverte : ouvrez-la avant un règlement en espèces.',
      isTillClosed: true,
    };
  }
  if (error instanceof AppError && error.code === 'cash_limit_exceeded') {
    return refusal(`${error.message} Choisissez un autre moyen de paiement.`);
  }
  return refusal(error instanceof AppError ? error.message : 'Une erreur est survenue.');
}
