import { computeInvoiceTotals } from '../invoice/totals';
import type { IssuedInvoice } from '../schemas/invoice';
import type { JournalContentOf } from '../schemas/journal';

/*
 * What the journal records of the facts other features write (decision 0018): the figures a
 * closure sums and an auditor checks, signed as the garage's sales (a credit note negative).
 */

/** A private customer: what the B2C summary (e-reporting) counts. */
export function isPrivateBuyer(buyer: IssuedInvoice['buyer']): boolean {
  return buyer.kind === 'person' && !buyer.siret && !buyer.vatNumber;
}

/** A deposit invoice, or the credit note of one: an advance received or given back, no sale. */
export function isDepositDocument(content: JournalContentOf<'invoice_issued'>): boolean {
  return (
    content.invoiceKind === 'deposit' ||
    (content.invoiceKind === 'credit_note' && content.correctsKind === 'deposit')
  );
}

export function toInvoiceIssuedContent(
  invoice: IssuedInvoice,
  ciiSha256: string | null,
  correctsKind: IssuedInvoice['kind'] | null = null,
): JournalContentOf<'invoice_issued'> {
  const totals = computeInvoiceTotals({
    lines: invoice.lines,
    vatExempt: invoice.seller.vatExempt,
    deductedDeposits: invoice.deductedDeposits,
  });
  const sign = invoice.kind === 'credit_note' ? -1 : 1;
  return {
    kind: 'invoice_issued',
    invoiceId: invoice.id,
    number: invoice.number,
    invoiceKind: invoice.kind,
    issueDate: invoice.issueDate,
    clientId: invoice.buyer.clientId,
    buyerName: invoice.buyer.name,
    isB2c: isPrivateBuyer(invoice.buyer),
    vat: totals.vatBreakdown.map((line) => ({
      vatRateBp: line.vatRateBp,
      baseCents: sign * line.basisCents,
      vatCents: sign * line.vatCents,
    })),
    totalExclVatCents: sign * totals.taxBasisTotalCents,
    totalVatCents: sign * totals.vatTotalCents,
    totalInclVatCents: sign * totals.grandTotalCents,
    duePayableCents: sign * totals.duePayableCents,
    ciiSha256,
    correctsKind,
  };
}
