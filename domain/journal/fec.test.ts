import { describe, expect, it } from 'vitest';
import type { JournalContent, JournalEntry } from '../schemas/journal';
import { DEFAULT_ACCOUNTING } from '../schemas/settings';
import { buildFecLines, formatFecAmount, nameFecFile, serializeFec } from './fec';

const entry = (seq: number): JournalEntry => ({
  seq,
  kind: 'invoice_issued',
  recordedAt: '2026-11-24T09:00:00.000Z',
  day: '2026-11-24',
  canonical: '{}',
  prevHash: '',
  hash: '',
  signature: '',
  keyId: '',
});

const creditNote: JournalContent = {
  kind: 'invoice_issued',
  invoiceId: '00000000-0000-4000-8000-000000000001',
  number: 'AV-2026-00001',
  invoiceKind: 'credit_note',
  issueDate: '2026-11-24',
  clientId: null,
  buyerName: 'Jean\tMartin',
  isB2c: true,
  vat: [
    { vatRateBp: 2000, baseCents: -10_000, vatCents: -2_000 },
    { vatRateBp: 1000, baseCents: -5_000, vatCents: -500 },
  ],
  totalExclVatCents: -15_000,
  totalVatCents: -2_500,
  totalInclVatCents: -17_500,
  duePayableCents: -17_500,
  ciiSha256: null,
};

describe('the FEC', () => {
  it('writes amounts with a decimal comma, no thousands separator, never a sign', () => {
    expect(formatFecAmount(123_456)).toBe('1234,56');
    expect(formatFecAmount(-5)).toBe('0,05');
    expect(formatFecAmount(0)).toBe('0,00');
    expect(formatFecAmount(100_000_000)).toBe('1000000,00');
  });

  it('reverses a credit note: the customer credited, sales and VAT debited per rate, balanced', () => {
    const lines = buildFecLines(
      [{ entry: entry(1), content: creditNote }],
      DEFAULT_ACCOUNTING,
      () => 'x',
    );
    expect(lines.map((line) => [line.CompteNum, line.Debit, line.Credit])).toEqual([
      ['411000', '0,00', '175,00'],
      ['706000', '100,00', '0,00'],
      ['44571020', '20,00', '0,00'],
      ['706000', '50,00', '0,00'],
      ['44571010', '5,00', '0,00'],
    ]);
    expect(lines[0]).toMatchObject({
      CompAuxNum: 'CDIVERS',
      CompAuxLib: 'Jean Martin',
      EcritureNum: '1',
    });
    const text = serializeFec(lines);
    expect(text.split('\r\n').every((row) => row === '' || row.split('\t').length === 18)).toBe(
      true,
    );
  });

  it('names the file by the SIREN and the period’s last day', () => {
    expect(nameFecFile('73282932000074', '2026-12-31')).toBe('732829320FEC20261231.txt');
  });
});
