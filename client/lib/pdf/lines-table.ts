import type { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type RowInput } from 'jspdf-autotable';
import { formatQuantity } from '../../../domain/money';
import { formatVatRate } from '../../../domain/quote/vat';
import {
  ACCENT,
  BAND,
  euros,
  FOOTER_SPACE,
  getFontFamily,
  INK,
  lastTableBottom,
  MARGIN,
  MUTED,
  percent,
  RULE,
  safe,
} from './document-kit';

/** A column of the lines table: its header, its width in mm (`auto` takes what is left). */
export type LineColumn<L> = {
  header: string;
  width: number | 'auto';
  align?: 'right';
  cell: (line: L) => string;
};

/** A job: a band with its title and total, then its lines. */
export type LineGroup<L> = { title: string; totalExclVatCents: number; lines: readonly L[] };

/**
 * A run of jobs under an optional heading across the table (an amendment, say) with a detail
 * line under it; a muted section draws its lines in grey (work not authorised).
 */
export type LineSection<L> = {
  heading?: string;
  detail?: string;
  isMuted?: boolean;
  groups: readonly LineGroup<L>[];
};

/** What the quote, the repair order and the invoice print of a priced line. */
export type PricedLine = {
  description: string;
  reference: string | null;
  quantity: number;
  unit: string;
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
  totalExclVatCents: number;
};

/**
 * The standard columns, the total last (the job's band puts its total under it): Désignation,
 * Réf., Qté, Unité, PU HT, Remise, TVA (blank under the franchise), Total HT. `extra` columns go
 * before the total; `compact` writes the unit with the quantity and narrows the columns, to
 * leave the designation room beside them.
 */
export function pricedLineColumns<L extends PricedLine>(options: {
  vatExempt: boolean;
  /** The designation as printed (the quote adds each line's acceptance). */
  describe?: (line: L) => string;
  extra?: ReadonlyArray<LineColumn<L>>;
  compact?: boolean;
}): Array<LineColumn<L>> {
  const isCompact = Boolean(options.compact);
  const quantity: Array<LineColumn<L>> = isCompact
    ? [
        {
          header: 'Qté',
          width: 14,
          align: 'right',
          cell: (line) =>
            `${formatQuantity(line.quantity)} ${pluralUnit(line.unit, line.quantity)}`,
        },
      ]
    : [
        {
          header: 'Qté',
          width: 12,
          align: 'right',
          cell: (line) => formatQuantity(line.quantity),
        },
        { header: 'Unité', width: 14, cell: (line) => line.unit },
      ];
  return [
    {
      header: 'Désignation',
      width: 'auto',
      cell: options.describe ?? ((line) => line.description),
    },
    { header: 'Réf.', width: isCompact ? 18 : 24, cell: (line) => line.reference ?? '' },
    ...quantity,
    {
      header: 'PU HT',
      width: isCompact ? 18 : 20,
      align: 'right',
      cell: (line) => euros(line.unitPriceCents),
    },
    {
      header: 'Remise',
      width: isCompact ? 13 : 14,
      align: 'right',
      cell: (line) => (line.discountBp ? percent(line.discountBp) : ''),
    },
    {
      header: options.vatExempt ? '' : 'TVA',
      width: isCompact ? 11 : 13,
      align: 'right',
      cell: (line) => (options.vatExempt ? '' : formatVatRate(line.vatRateBp)),
    },
    ...(options.extra ?? []),
    {
      header: 'Total HT',
      width: isCompact ? 19 : 22,
      align: 'right',
      cell: (line) => euros(line.totalExclVatCents),
    },
  ];
}

/** `2 pièces`, `1,5 h`: the counted units agree with their quantity (French plural from 2). */
function pluralUnit(unit: string, quantity: number): string {
  return quantity >= 2 && (unit === 'pièce' || unit === 'forfait') ? `${unit}s` : unit;
}

/**
 * The lines, job by job, section by section, as one table whose header row repeats on every
 * page. Returns where the table ended.
 */
export function drawLinesTable<L>(
  doc: jsPDF,
  input: {
    startY: number;
    columns: ReadonlyArray<LineColumn<L>>;
    sections: ReadonlyArray<LineSection<L>>;
    fontSize?: number;
    cellPadding?: number;
  },
): number {
  const { columns } = input;
  const body: RowInput[] = [];
  for (const section of input.sections) {
    if (section.heading) {
      body.push([
        {
          content: safe(section.heading),
          colSpan: columns.length,
          styles: { fontStyle: 'bold', textColor: section.isMuted ? MUTED : ACCENT },
        } as CellDef,
      ]);
    }
    if (section.detail) {
      body.push([
        {
          content: safe(section.detail),
          colSpan: columns.length,
          styles: { fontStyle: 'italic', textColor: MUTED },
        } as CellDef,
      ]);
    }
    for (const group of section.groups) {
      body.push([
        {
          content: safe(group.title),
          colSpan: columns.length - 1,
          styles: {
            fontStyle: 'bold',
            fillColor: BAND,
            textColor: section.isMuted ? MUTED : ACCENT,
          },
        } as CellDef,
        {
          content: euros(group.totalExclVatCents),
          styles: {
            fontStyle: 'bold',
            fillColor: BAND,
            halign: 'right',
            ...(section.isMuted ? { textColor: MUTED } : {}),
          },
        } as CellDef,
      ]);
      for (const line of group.lines) {
        const cells = columns.map((column) => safe(column.cell(line)));
        body.push(
          section.isMuted
            ? cells.map((content) => ({ content, styles: { textColor: MUTED } }) as CellDef)
            : cells,
        );
      }
    }
  }
  autoTable(doc, {
    startY: input.startY,
    head: [columns.map((column) => column.header)],
    body,
    theme: 'grid',
    showHead: 'everyPage',
    margin: { left: MARGIN, right: MARGIN, bottom: FOOTER_SPACE, top: MARGIN },
    styles: {
      font: getFontFamily(doc),
      fontSize: input.fontSize ?? 8.5,
      cellPadding: input.cellPadding ?? 1.6,
      textColor: INK,
      lineColor: RULE,
      lineWidth: 0.1,
    },
    headStyles: { fillColor: ACCENT, textColor: [255, 255, 255], fontStyle: 'bold' },
    columnStyles: Object.fromEntries(
      columns.map((column, index) => [
        index,
        { cellWidth: column.width, ...(column.align ? { halign: column.align } : {}) },
      ]),
    ),
  });
  return lastTableBottom(doc);
}
