import { describe, expect, it } from 'vitest';
import type { B2cSummary } from '../../../domain/schemas/exports';
import { toB2cCsvRows, toB2cTable } from './b2c-summary';

const summary: B2cSummary = {
  from: '2026-12-01',
  to: '2026-12-03',
  days: [
    {
      day: '2026-12-03',
      invoiceCount: 1,
      creditNoteCount: 1,
      vat: [
        { vatRateBp: 2000, baseCents: 5000, vatCents: 1000 },
        { vatRateBp: 550, baseCents: 1000, vatCents: 55 },
      ],
      totalExclVatCents: 6000,
      totalVatCents: 1055,
      totalInclVatCents: 7055,
      depositsInclVatCents: 0,
      payments: [{ method: 'card', amountCents: 7055 }],
      paymentsTotalCents: 7055,
    },
    {
      day: '2026-12-01',
      invoiceCount: 2,
      creditNoteCount: 0,
      vat: [{ vatRateBp: 2000, baseCents: 10000, vatCents: 2000 }],
      totalExclVatCents: 10000,
      totalVatCents: 2000,
      totalInclVatCents: 12000,
      depositsInclVatCents: 0,
      payments: [
        { method: 'cash', amountCents: 2000 },
        { method: 'card', amountCents: 10000 },
      ],
      paymentsTotalCents: 12000,
    },
  ],
};

describe('the B2C summary as a table', () => {
  it('lists the days in order, the rates highest first and the methods met, with the totals', () => {
    const table = toB2cTable(summary);
    expect(table.rows.map((row) => row.day)).toEqual(['2026-12-01', '2026-12-03']);
    expect(table.rates).toEqual([2000, 550]);
    expect(table.methods).toEqual(['card', 'cash']);
    expect(table.total).toEqual({
      day: null,
      invoiceCount: 3,
      creditNoteCount: 1,
      byRate: {
        2000: { baseCents: 15000, vatCents: 3000 },
        550: { baseCents: 1000, vatCents: 55 },
      },
      totalInclVatCents: 19055,
      byMethod: { card: 17055, cash: 2000 },
      paymentsTotalCents: 19055,
    });
  });

  it('makes the CSV of the same rows, a rate or a method missing on a day counted zero', () => {
    const rows = toB2cCsvRows(toB2cTable(summary));
    expect(rows[0]).toEqual([
      'Jour',
      'Factures',
      'Avoirs',
      'Base HT 20\u00a0%',
      'TVA 20\u00a0%',
      'Base HT 5,5\u00a0%',
      'TVA 5,5\u00a0%',
      'Total TTC',
      'Carte bancaire',
      'Espèces',
      'Total encaissé',
    ]);
    expect(rows[1]).toEqual([
      '2026-12-01',
      '2',
      '0',
      '100,00',
      '20,00',
      '0,00',
      '0,00',
      '120,00',
      '100,00',
      '20,00',
      '120,00',
    ]);
    expect(rows.at(-1)?.[0]).toBe('Total');
    expect(rows.at(-1)?.[7]).toBe('190,55');
  });

  it('has no column to show for an empty range', () => {
    const table = toB2cTable({ ...summary, days: [] });
    expect(table).toMatchObject({ rates: [], methods: [], rows: [] });
    expect(toB2cCsvRows(table)).toHaveLength(2);
  });
});
