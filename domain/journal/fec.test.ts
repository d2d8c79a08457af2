import { describe, expect, it } from 'vitest';
import type { JournalContent, JournalEntry } from '../schemas/journal';
import { AccountingSchema, DEFAULT_ACCOUNTING } from '../schemas/settings';
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

  const clientId = '00000000-0000-4000-8000-0000000000c1';
  const deposit: JournalContent = {
    ...creditNote,
    invoiceId: '00000000-0000-4000-8000-000000000002',
    number: 'FAC-2026-00001',
    invoiceKind: 'deposit',
    clientId,
    buyerName: 'Hélène Test',
    vat: [{ vatRateBp: 2000, baseCents: 5_000, vatCents: 1_000 }],
    totalExclVatCents: 5_000,
    totalVatCents: 1_000,
    totalInclVatCents: 6_000,
    duePayableCents: 6_000,
  };
  // 142,41 € HT + 28,48 € TVA = 170,89 €, less the 60 € deposit: 110,89 € left to pay.
  const final: JournalContent = {
    ...deposit,
    invoiceId: '00000000-0000-4000-8000-000000000003',
    number: 'FAC-2026-00002',
    invoiceKind: 'invoice',
    vat: [{ vatRateBp: 2000, baseCents: 14_241, vatCents: 2_848 }],
    totalExclVatCents: 14_241,
    totalVatCents: 2_848,
    totalInclVatCents: 17_089,
    duePayableCents: 11_089,
  };

  /** Debit − credit per account, in cents, over every line. */
  function balances(lines: ReturnType<typeof buildFecLines>): Map<string, number> {
    const cents = (amount: string) => Number(amount.replace(',', ''));
    const sums = new Map<string, number>();
    for (const line of lines) {
      const signed = cents(line.Debit) - cents(line.Credit);
      sums.set(line.CompteNum, (sums.get(line.CompteNum) ?? 0) + signed);
    }
    return sums;
  }

  function expectBalanced(lines: ReturnType<typeof buildFecLines>): void {
    const cents = (amount: string) => Number(amount.replace(',', ''));
    const byNum = new Map<string, number>();
    for (const line of lines) {
      const signed = cents(line.Debit) - cents(line.Credit);
      byNum.set(line.EcritureNum, (byNum.get(line.EcritureNum) ?? 0) + signed);
    }
    expect([...byNum.values()].every((sum) => sum === 0)).toBe(true);
  }

  it('holds a deposit on 4191 and clears it with the final invoice: sales and VAT credited once', () => {
    const lines = buildFecLines(
      [
        { entry: entry(1), content: deposit },
        { entry: entry(2), content: final },
      ],
      DEFAULT_ACCOUNTING,
      () => 'x',
    );
    expect(
      lines.map((line) => [line.EcritureNum, line.CompteNum, line.Debit, line.Credit]),
    ).toEqual([
      ['1', '411000', '60,00', '0,00'],
      ['1', '419100', '0,00', '60,00'],
      ['2', '411000', '170,89', '0,00'],
      ['2', '706000', '0,00', '142,41'],
      ['2', '44571020', '0,00', '28,48'],
      ['2', '419100', '60,00', '0,00'],
      ['2', '411000', '0,00', '60,00'],
    ]);
    expectBalanced(lines);
    const sums = balances(lines);
    expect(sums.get('706000')).toBe(-14_241);
    expect(sums.get('44571020')).toBe(-2_848);
    expect(sums.get('419100')).toBe(0);
    // Deposit (60 €) and final invoice (110,89 € due): the customer owes 170,89 € in all.
    expect(sums.get('411000')).toBe(6_000 + 11_089);
    expect(lines[1]).toMatchObject({
      CompteLib: 'Clients – avances et acomptes reçus sur commandes',
      CompAuxNum: 'C00000000',
      EcritureLib: 'Facture d’acompte FAC-2026-00001 Hélène Test',
    });
  });

  it('gives a deposit back on 4191 when a credit note corrects it, never on sales', () => {
    const note: JournalContent = {
      ...deposit,
      invoiceId: '00000000-0000-4000-8000-000000000004',
      number: 'AV-2026-00002',
      invoiceKind: 'credit_note',
      vat: [{ vatRateBp: 2000, baseCents: -5_000, vatCents: -1_000 }],
      totalExclVatCents: -5_000,
      totalVatCents: -1_000,
      totalInclVatCents: -6_000,
      duePayableCents: -6_000,
    };
    const lines = buildFecLines(
      [
        { entry: entry(1), content: deposit },
        { entry: entry(2), content: note },
      ],
      DEFAULT_ACCOUNTING,
      () => 'x',
      new Set([note.invoiceId]),
    );
    expect(
      lines.map((line) => [line.EcritureNum, line.CompteNum, line.Debit, line.Credit]),
    ).toEqual([
      ['1', '411000', '60,00', '0,00'],
      ['1', '419100', '0,00', '60,00'],
      ['2', '411000', '0,00', '60,00'],
      ['2', '419100', '60,00', '0,00'],
    ]);
    expect(lines[2]?.EcritureLib).toBe('Avoir sur acompte AV-2026-00002 Hélène Test');
  });

  it('writes cash put in and taken out of the till against 58 « virements internes » in the cash journal', () => {
    const movement = (amountCents: number, reason: string): JournalContent => ({
      kind: 'cash_movement',
      tillSessionId: '00000000-0000-4000-8000-0000000000a1',
      movementId: '00000000-0000-4000-8000-0000000000b1',
      amountCents,
      reason,
    });
    const lines = buildFecLines(
      [
        { entry: entry(1), content: movement(5_000, 'Monnaie	apportée') },
        { entry: entry(2), content: movement(-12_000, 'Dépôt en banque') },
      ],
      DEFAULT_ACCOUNTING,
      () => 'x',
    );
    expect(
      lines.map((line) => [
        line.JournalCode,
        line.CompteNum,
        line.CompteLib,
        line.Debit,
        line.Credit,
      ]),
    ).toEqual([
      ['CA', '530000', 'Caisse', '50,00', '0,00'],
      ['CA', '580000', 'Virements internes', '0,00', '50,00'],
      ['CA', '530000', 'Caisse', '0,00', '120,00'],
      ['CA', '580000', 'Virements internes', '120,00', '0,00'],
    ]);
    expect(lines[0]?.EcritureLib).toBe('Apport en caisse Monnaie apportée');
    expect(lines[2]?.EcritureLib).toBe('Sortie de caisse Dépôt en banque');
    expectBalanced(lines);
  });

  it('books a till shortfall to 658 and a surplus to 758, and a count that matches to nothing', () => {
    const count = (expectedCents: number, countedCents: number): JournalContent => ({
      kind: 'till_counted',
      tillSessionId: '00000000-0000-4000-8000-0000000000a1',
      expectedCents,
      countedCents,
      differenceCents: countedCents - expectedCents,
    });
    const lines = buildFecLines(
      [
        { entry: entry(1), content: count(10_000, 9_750) },
        { entry: entry(2), content: count(10_000, 10_000) },
        { entry: entry(3), content: count(10_000, 10_120) },
      ],
      DEFAULT_ACCOUNTING,
      () => 'x',
    );
    expect(
      lines.map((line) => [line.EcritureNum, line.CompteNum, line.Debit, line.Credit]),
    ).toEqual([
      ['1', '530000', '0,00', '2,50'],
      ['1', '658000', '2,50', '0,00'],
      ['2', '530000', '1,20', '0,00'],
      ['2', '758000', '0,00', '1,20'],
    ]);
    expect(lines[1]?.CompteLib).toBe('Charges diverses de gestion courante');
    expect(lines[0]?.EcritureLib).toBe('Écart de caisse (manquant)');
    expectBalanced(lines);
  });

  it('writes no line for a credit put on a later invoice: the money came in with its payment', () => {
    const id = '00000000-0000-4000-8000-0000000000c1';
    const credit: JournalContent = {
      kind: 'credit_allocated',
      paymentId: id,
      clientId: id,
      isB2c: true,
      allocations: [{ invoiceId: id, number: 'F-2026-00002', amountCents: 2_911 }],
    };
    const lines = buildFecLines(
      [
        { entry: entry(1), content: creditNote },
        { entry: entry(2), content: credit },
      ],
      DEFAULT_ACCOUNTING,
      () => 'x',
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.EcritureNum))).toEqual(new Set(['1']));
    expectBalanced(lines);
  });

  it('gives accounting settings saved before the deposit and till accounts their defaults', () => {
    const {
      depositAccount: _,
      internalTransferAccount: __,
      tillShortfallAccount: ___,
      tillSurplusAccount: ____,
      ...older
    } = DEFAULT_ACCOUNTING;
    expect(AccountingSchema.parse({ ...older, customerAccount: '411100' })).toEqual({
      ...DEFAULT_ACCOUNTING,
      customerAccount: '411100',
    });
    expect(
      AccountingSchema.safeParse({ ...DEFAULT_ACCOUNTING, depositAccount: '0419' }).success,
    ).toBe(false);
  });

  it('names the file by the SIREN and the period’s last day', () => {
    expect(nameFecFile('73282932000074', '2026-12-31')).toBe('732829320FEC20261231.txt');
  });
});
