import type { jsPDF } from 'jspdf';
import { computeInvoiceTotals, type InvoiceTotals } from '../../../../domain/invoice/totals';
import {
  INVOICE_KIND_LABELS,
  type Invoice,
  type InvoiceLine,
} from '../../../../domain/schemas/invoice';
import { PART_CONDITION_LABELS } from '../../../../domain/schemas/repair-order';
import {
  createDocument,
  drawBoxPair,
  drawCompanyHeader,
  drawFooters,
  drawParagraphs,
  drawRunningHeaders,
  drawSectionTitle,
  drawWideBox,
  type EmbeddedFonts,
  ensureSpace,
  MARGIN,
  MUTED,
  PAGE_WIDTH,
} from '../../../lib/pdf/document-kit';
import {
  drawLinesTable,
  type LineColumn,
  type PricedLine,
  pricedLineColumns,
} from '../../../lib/pdf/lines-table';
import { drawAmountRows, drawTotalsBlock, TOTALS_LABEL_X } from '../../../lib/pdf/totals-block';
import {
  describeBuyer,
  describeDeliveryAddress,
  describeInvoiceDates,
  describeInvoiceVehicle,
  describeOperation,
  describePaymentNotes,
  describePrepaidRows,
  describeSellerFooter,
  toHeaderCompany,
} from './describe-invoice';

export type InvoicePdfInput = {
  invoice: Invoice;
  /** Embedded, as PDF/A asks: `loadEmbeddedFonts()` in the browser. */
  fonts: EmbeddedFonts;
};

type PrintedLine = PricedLine & Pick<InvoiceLine, 'kind' | 'partCondition'>;

const TITLES: Record<Invoice['kind'], string> = {
  invoice: 'FACTURE',
  credit_note: 'AVOIR',
  deposit: 'FACTURE D’ACOMPTE',
};

/** The downloaded file's name: the number, or a draft's marker. */
export function invoicePdfFileName(invoice: Pick<Invoice, 'number' | 'id' | 'kind'>): string {
  if (invoice.number) return `${invoice.number}.pdf`;
  const prefix = invoice.kind === 'credit_note' ? 'avoir' : 'facture';
  return `${prefix}-brouillon-${invoice.id.slice(0, 8)}.pdf`;
}

/**
 * The printed invoice, credit note or deposit invoice, every mention French law asks of it
 * (decision 0017), drawn from the invoice alone: its snapshots say who the parties were on its
 * date. Pure, like the quote's: the browser loads it on demand, a node test reads it back.
 */
export function buildInvoicePdf(input: InvoicePdfInput): jsPDF {
  const { invoice } = input;
  const { seller, buyer } = invoice;
  const label = INVOICE_KIND_LABELS[invoice.kind];
  const reference = invoice.number ?? 'BROUILLON';
  const doc = createDocument(
    {
      title: `${label} ${reference}`,
      subject: `${label} pour ${buyer.name}`,
    },
    { fonts: input.fonts },
  );
  // The same bytes for the same invoice: its dates and id, not the clock, go into the file.
  doc.setCreationDate(new Date(invoice.issuedAt ?? invoice.updatedAt));
  doc.setFileId(invoice.id.replaceAll('-', '').toUpperCase());

  const totals = computeInvoiceTotals({
    lines: invoice.lines,
    vatExempt: seller.vatExempt,
    deductedDeposits: invoice.deductedDeposits,
  });

  // The VAT number prints under the franchise too: the CII carries it (BR-E-02).
  let y = drawCompanyHeader(doc, toHeaderCompany(seller), false, {
    title: TITLES[invoice.kind],
    titleSize: invoice.kind === 'deposit' ? 16 : 20,
    reference,
    details: describeInvoiceDates(invoice),
  });

  y = drawBoxPair(
    doc,
    y,
    { title: 'Véhicule', lines: describeInvoiceVehicle(invoice.vehicle) },
    { title: 'Client', lines: describeBuyer(buyer), isFirstLineBold: true },
  );
  const delivery = describeDeliveryAddress(buyer);
  const operation = { title: 'Opération', lines: describeOperation(invoice) };
  y = delivery
    ? drawBoxPair(doc, y - 3, operation, {
        title: 'Adresse de livraison',
        lines: delivery,
        isFirstLineBold: true,
      })
    : drawWideBox(doc, y - 3, operation);

  const printed: PrintedLine[] = invoice.lines.map((line, index) => ({
    ...line,
    totalExclVatCents: totals.lines[index]!.netCents,
  }));
  y =
    drawLinesTable<PrintedLine>(doc, {
      startY: y,
      fontSize: 8,
      cellPadding: 1.3,
      columns: widenDiscountColumn(
        pricedLineColumns<PrintedLine>({
          vatExempt: seller.vatExempt,
          compact: true,
          extra: [
            {
              header: 'État',
              width: 24,
              cell: (line) => (line.partCondition ? PART_CONDITION_LABELS[line.partCondition] : ''),
            },
          ],
        }),
      ),
      sections: [
        {
          groups: [
            {
              title: invoice.kind === 'credit_note' ? 'Lignes de l’avoir' : 'Détail',
              totalExclVatCents: totals.lineTotalCents,
              lines: printed,
            },
          ],
        },
      ],
    }) + 6;

  y = drawTotals(doc, y, invoice, totals);

  y = drawSectionTitle(doc, y + 2, 'Paiement', 20);
  drawParagraphs(doc, y, describePaymentNotes(invoice, totals));

  drawRunningHeaders(doc, `${label} ${reference} — ${buyer.name}`);
  drawFooters(doc, describeSellerFooter(seller));
  return doc;
}

/** DejaVu is wider than Helvetica: the compact width would break « Remise » in two. */
function widenDiscountColumn<L>(columns: Array<LineColumn<L>>): Array<LineColumn<L>> {
  return columns.map((column) => (column.header === 'Remise' ? { ...column, width: 15 } : column));
}

/** HT, VAT per rate and TTC (or the franchise's net and mention), then the deposits deducted. */
function drawTotals(doc: jsPDF, y: number, invoice: Invoice, totals: InvoiceTotals): number {
  const next = drawTotalsBlock(doc, y, {
    vatExempt: invoice.seller.vatExempt,
    totals: {
      exclVatCents: totals.taxBasisTotalCents,
      inclVatCents: totals.grandTotalCents,
      byRate: totals.vatBreakdown.map((rate) => ({
        vatRateBp: rate.vatRateBp,
        baseCents: rate.basisCents,
        vatCents: rate.vatCents,
      })),
    },
  });
  const prepaid = describePrepaidRows(invoice, totals);
  if (prepaid.length === 0) return next;
  const top = ensureSpace(doc, next + 4, prepaid.length * 6 + 6);
  // The kit's rule sits 3 mm above the baseline, on the caps of a label this long.
  doc.setDrawColor(...MUTED);
  doc.setLineWidth(0.2);
  doc.line(TOTALS_LABEL_X - 70, top - 5, PAGE_WIDTH - MARGIN, top - 5);
  return drawAmountRows(doc, top, prepaid);
}
