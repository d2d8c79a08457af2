import { formatVatRate } from '../../../domain/quote/vat';
import type { B2cSummary } from '../../../domain/schemas/exports';
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  type PaymentMethod,
} from '../../../domain/schemas/payment';
import { centsToCsv } from '../../lib/csv';

/*
 * The B2C summary as a table, pure: one row a day, a base and a VAT column per rate met, a
 * column per payment method met, and the range's totals; the same rows make the CSV.
 */

type Day = B2cSummary['days'][number];

export type B2cTable = {
  rates: number[];
  methods: PaymentMethod[];
  rows: B2cRow[];
  total: B2cRow;
};

export type B2cRow = {
  day: string | null;
  invoiceCount: number;
  creditNoteCount: number;
  byRate: Record<number, { baseCents: number; vatCents: number }>;
  totalInclVatCents: number;
  byMethod: Partial<Record<PaymentMethod, number>>;
  paymentsTotalCents: number;
};

function toRow(day: Day): B2cRow {
  const byRate: B2cRow['byRate'] = {};
  for (const line of day.vat)
    byRate[line.vatRateBp] = { baseCents: line.baseCents, vatCents: line.vatCents };
  const byMethod: B2cRow['byMethod'] = {};
  for (const line of day.payments) byMethod[line.method] = line.amountCents;
  return {
    day: day.day,
    invoiceCount: day.invoiceCount,
    creditNoteCount: day.creditNoteCount,
    byRate,
    totalInclVatCents: day.totalInclVatCents,
    byMethod,
    paymentsTotalCents: day.paymentsTotalCents,
  };
}

function addRow(total: B2cRow, row: B2cRow): B2cRow {
  const byRate = { ...total.byRate };
  for (const [rate, amounts] of Object.entries(row.byRate)) {
    const known = byRate[Number(rate)] ?? { baseCents: 0, vatCents: 0 };
    byRate[Number(rate)] = {
      baseCents: known.baseCents + amounts.baseCents,
      vatCents: known.vatCents + amounts.vatCents,
    };
  }
  const byMethod = { ...total.byMethod };
  for (const method of PAYMENT_METHODS) {
    const amount = row.byMethod[method];
    if (amount !== undefined) byMethod[method] = (byMethod[method] ?? 0) + amount;
  }
  return {
    day: null,
    invoiceCount: total.invoiceCount + row.invoiceCount,
    creditNoteCount: total.creditNoteCount + row.creditNoteCount,
    byRate,
    totalInclVatCents: total.totalInclVatCents + row.totalInclVatCents,
    byMethod,
    paymentsTotalCents: total.paymentsTotalCents + row.paymentsTotalCents,
  };
}

const EMPTY: B2cRow = {
  day: null,
  invoiceCount: 0,
  creditNoteCount: 0,
  byRate: {},
  totalInclVatCents: 0,
  byMethod: {},
  paymentsTotalCents: 0,
};

/** The days in order, the rates highest first, the methods in their usual order. */
export function toB2cTable(summary: B2cSummary): B2cTable {
  const rows = [...summary.days].sort((a, b) => a.day.localeCompare(b.day)).map(toRow);
  const total = rows.reduce(addRow, EMPTY);
  const rates = Object.keys(total.byRate)
    .map(Number)
    .sort((a, b) => b - a);
  const methods = PAYMENT_METHODS.filter((method) => total.byMethod[method] !== undefined);
  return { rates, methods, rows, total };
}

/** The table as a French spreadsheet reads it: the days, then the total line. */
export function toB2cCsvRows(table: B2cTable): string[][] {
  const header = [
    'Jour',
    'Factures',
    'Avoirs',
    ...table.rates.flatMap((rate) => [
      `Base HT ${formatVatRate(rate)}`,
      `TVA ${formatVatRate(rate)}`,
    ]),
    'Total TTC',
    ...table.methods.map((method) => PAYMENT_METHOD_LABELS[method]),
    'Total encaissé',
  ];
  const line = (row: B2cRow) => [
    row.day ?? 'Total',
    String(row.invoiceCount),
    String(row.creditNoteCount),
    ...table.rates.flatMap((rate) => [
      centsToCsv(row.byRate[rate]?.baseCents ?? 0),
      centsToCsv(row.byRate[rate]?.vatCents ?? 0),
    ]),
    centsToCsv(row.totalInclVatCents),
    ...table.methods.map((method) => centsToCsv(row.byMethod[method] ?? 0)),
    centsToCsv(row.paymentsTotalCents),
  ];
  return [header, ...table.rows.map(line), line(table.total)];
}
