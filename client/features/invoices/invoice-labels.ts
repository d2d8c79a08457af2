import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import type { Invoice, InvoiceKind, InvoiceStatus } from '../../../domain/schemas/invoice';

/** The list's and the page's short words for a kind (the PDF has its own titles). */
export const KIND_SHORT_LABELS: Record<InvoiceKind, string> = {
  invoice: 'Facture',
  credit_note: 'Avoir',
  deposit: 'Acompte',
};

export const STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Brouillon',
  issued: 'Émise',
};

export const STATUS_TONES = { draft: 'warning', issued: 'success' } as const;

/** BT-112, the total incl. VAT, from the lines (the PDF's and the XML's arithmetic). */
export function getInvoiceTotal(invoice: Invoice): number {
  return computeInvoiceTotals({
    lines: invoice.lines,
    vatExempt: invoice.seller.vatExempt,
    deductedDeposits: invoice.deductedDeposits,
  }).grandTotalCents;
}

export function formatQuantity(quantity: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }).format(quantity);
}

export function formatRate(bp: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(bp / 100)} %`;
}
