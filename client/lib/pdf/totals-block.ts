import type { jsPDF } from 'jspdf';
import type { QuoteTotals } from '../../../domain/quote/totals';
import { formatVatRate, VAT_EXEMPTION_MENTION } from '../../../domain/quote/vat';
import { ensureSpace, euros, getFontFamily, MARGIN, MUTED, PAGE_WIDTH, safe } from './document-kit';

type Totals = Pick<QuoteTotals, 'exclVatCents' | 'inclVatCents' | 'byRate'>;

/** A label and its amount; the grand one (the total to pay) in bold and larger. */
export type AmountRow = [label: string, amount: string, isGrand?: boolean];

/** Where the labels of the totals end (right-aligned), the amounts ending at the margin. */
export const TOTALS_LABEL_X = PAGE_WIDTH - MARGIN - 45;

/**
 * The totals, right-aligned: HT, the VAT of each rate on its base, TTC; or under the franchise
 * the net to pay and the art. 293 B mention. Returns where what follows starts.
 */
export function drawTotalsBlock(
  doc: jsPDF,
  y: number,
  input: { totals: Totals; vatExempt: boolean },
): number {
  const { totals } = input;
  const rows: AmountRow[] = [['Total HT', euros(totals.exclVatCents)]];
  if (input.vatExempt) {
    rows.push(['Net à payer', euros(totals.inclVatCents), true]);
  } else {
    for (const rate of totals.byRate) {
      if (rate.baseCents === 0 && rate.vatCents === 0) continue;
      rows.push([
        `TVA ${safe(formatVatRate(rate.vatRateBp))} sur ${euros(rate.baseCents)}`,
        euros(rate.vatCents),
      ]);
    }
    rows.push(['Total TTC', euros(totals.inclVatCents), true]);
  }
  let next = drawAmountRows(doc, ensureSpace(doc, y, rows.length * 6 + 10), rows);
  if (input.vatExempt) {
    doc.setFont(getFontFamily(doc), 'italic');
    doc.setFontSize(9);
    doc.text(VAT_EXEMPTION_MENTION, PAGE_WIDTH - MARGIN, next, { align: 'right' });
    next += 6;
  }
  return next;
}

/**
 * Amount rows from `y`, the labels right-aligned on TOTALS_LABEL_X; `rule` draws a line above
 * them (a second block of amounts under the first). The caller makes room first.
 */
export function drawAmountRows(
  doc: jsPDF,
  y: number,
  rows: readonly AmountRow[],
  options: { grandFontSize?: number; rule?: boolean } = {},
): number {
  if (options.rule) {
    doc.setDrawColor(...MUTED);
    doc.setLineWidth(0.2);
    doc.line(TOTALS_LABEL_X - 50, y - 3, PAGE_WIDTH - MARGIN, y - 3);
  }
  let next = y;
  for (const [label, amount, isGrand] of rows) {
    doc.setFont(getFontFamily(doc), isGrand ? 'bold' : 'normal');
    doc.setFontSize(isGrand ? (options.grandFontSize ?? 11) : 9);
    doc.text(safe(label), TOTALS_LABEL_X, next, { align: 'right' });
    doc.text(amount, PAGE_WIDTH - MARGIN, next, { align: 'right' });
    next += isGrand ? 7 : 5;
  }
  return next;
}
