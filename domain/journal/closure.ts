import type { ClosureTotals, JournalContent, PerpetualTotals, VatAmount } from '../schemas/journal';
import type { PaymentMethod } from '../schemas/payment';
import { PAYMENT_METHODS } from '../schemas/payment';
import { isDepositDocument } from './contents';

/*
 * Closure arithmetic (docs/decisions/0018-journal.md): what a day, a month or a year sums, from
 * the entries themselves, and the perpetual totals carried from one closure to the next. Pure:
 * the server sums what it appends, the verifier sums what it reads, and both must agree.
 */

export const EMPTY_TOTALS: ClosureTotals = {
  entryCount: 0,
  invoiceCount: 0,
  creditNoteCount: 0,
  vat: [],
  totalExclVatCents: 0,
  totalVatCents: 0,
  totalInclVatCents: 0,
  depositsInclVatCents: 0,
  payments: [],
  paymentsTotalCents: 0,
  cashMovementsCents: 0,
};

export const ZERO_PERPETUAL: PerpetualTotals = {
  totalInclVatCents: 0,
  absoluteInclVatCents: 0,
  paymentsTotalCents: 0,
};

function mergeVat(into: Map<number, VatAmount>, vat: readonly VatAmount[]): void {
  for (const line of vat) {
    const current = into.get(line.vatRateBp) ?? {
      vatRateBp: line.vatRateBp,
      baseCents: 0,
      vatCents: 0,
    };
    into.set(line.vatRateBp, {
      vatRateBp: line.vatRateBp,
      baseCents: current.baseCents + line.baseCents,
      vatCents: current.vatCents + line.vatCents,
    });
  }
}

/** Highest rate first, as invoices print them; payment methods in their declared order. */
function toTotals(
  base: Omit<ClosureTotals, 'vat' | 'payments'>,
  vat: Map<number, VatAmount>,
  payments: Map<PaymentMethod, number>,
): ClosureTotals {
  return {
    ...base,
    vat: [...vat.values()].sort((a, b) => b.vatRateBp - a.vatRateBp),
    payments: PAYMENT_METHODS.filter((method) => payments.has(method)).map((method) => ({
      method,
      amountCents: payments.get(method) ?? 0,
    })),
  };
}

/** What a set of entries sums. A closure's own entry, and the lower closures, add nothing. */
export function sumEntries(contents: Iterable<JournalContent>): ClosureTotals {
  const base = { ...EMPTY_TOTALS };
  const vat = new Map<number, VatAmount>();
  const payments = new Map<PaymentMethod, number>();
  for (const content of contents) {
    base.entryCount += 1;
    switch (content.kind) {
      case 'invoice_issued':
        if (content.invoiceKind === 'credit_note') base.creditNoteCount += 1;
        else base.invoiceCount += 1;
        // Sold once, by the final invoice: a deposit is an advance (decision 0018).
        if (isDepositDocument(content)) {
          base.depositsInclVatCents += content.totalInclVatCents;
          break;
        }
        mergeVat(vat, content.vat);
        base.totalExclVatCents += content.totalExclVatCents;
        base.totalVatCents += content.totalVatCents;
        base.totalInclVatCents += content.totalInclVatCents;
        break;
      case 'payment':
      case 'refund':
        payments.set(content.method, (payments.get(content.method) ?? 0) + content.amountCents);
        base.paymentsTotalCents += content.amountCents;
        break;
      case 'cash_movement':
        base.cashMovementsCents += content.amountCents;
        break;
      default:
        break;
    }
  }
  return toTotals(base, vat, payments);
}

/** Several closures' totals as one (a month from its days, a year from its months). */
export function addTotals(parts: readonly ClosureTotals[]): ClosureTotals {
  const base = { ...EMPTY_TOTALS };
  const vat = new Map<number, VatAmount>();
  const payments = new Map<PaymentMethod, number>();
  for (const part of parts) {
    base.entryCount += part.entryCount;
    base.invoiceCount += part.invoiceCount;
    base.creditNoteCount += part.creditNoteCount;
    base.totalExclVatCents += part.totalExclVatCents;
    base.totalVatCents += part.totalVatCents;
    base.totalInclVatCents += part.totalInclVatCents;
    base.depositsInclVatCents += part.depositsInclVatCents;
    base.paymentsTotalCents += part.paymentsTotalCents;
    base.cashMovementsCents += part.cashMovementsCents;
    mergeVat(vat, part.vat);
    for (const line of part.payments) {
      payments.set(line.method, (payments.get(line.method) ?? 0) + line.amountCents);
    }
  }
  return toTotals(base, vat, payments);
}

/**
 * The perpetual totals after `contents`, from those before. Sales count signed (a credit note
 * takes off) and in absolute value (it only grows: a total that went down was tampered with).
 */
export function advancePerpetual(
  previous: PerpetualTotals,
  contents: Iterable<JournalContent>,
): PerpetualTotals {
  const next = { ...previous };
  for (const content of contents) {
    if (content.kind === 'invoice_issued' && !isDepositDocument(content)) {
      next.totalInclVatCents += content.totalInclVatCents;
      next.absoluteInclVatCents += Math.abs(content.totalInclVatCents);
    } else if (content.kind === 'payment' || content.kind === 'refund') {
      next.paymentsTotalCents += content.amountCents;
    }
  }
  return next;
}
