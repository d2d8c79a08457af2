import { describe, expect, it } from 'vitest';
import type { JournalContent } from '../schemas/journal';
import { addTotals, advancePerpetual, sumEntries, ZERO_PERPETUAL } from './closure';

const ID = '6f1c2b5e-0d4a-4c8e-9b7a-2f3e4d5c6b7a';

function invoice(kind: 'invoice' | 'credit_note', ttc: number): JournalContent {
  const sign = kind === 'credit_note' ? -1 : 1;
  return {
    kind: 'invoice_issued',
    invoiceId: ID,
    number: kind === 'invoice' ? 'FAC-2026-00001' : 'AV-2026-00001',
    invoiceKind: kind,
    issueDate: '2026-12-01',
    clientId: null,
    buyerName: 'Jeanne Martin',
    isB2c: true,
    vat: [
      { vatRateBp: 2000, baseCents: sign * (ttc / 1.2), vatCents: sign * (ttc - ttc / 1.2) },
      { vatRateBp: 550, baseCents: sign * 0, vatCents: 0 },
    ],
    totalExclVatCents: (sign * ttc) / 1.2,
    totalVatCents: sign * (ttc - ttc / 1.2),
    totalInclVatCents: sign * ttc,
    duePayableCents: sign * ttc,
    ciiSha256: null,
  };
}

function payment(method: 'card' | 'cash', amountCents: number): JournalContent {
  return {
    kind: amountCents < 0 ? 'refund' : 'payment',
    paymentId: ID,
    method,
    amountCents,
    receivedOn: '2026-12-01',
    reference: null,
    clientId: null,
    isB2c: true,
    allocations: [],
    refundsPaymentId: null,
    tillSessionId: null,
  };
}

describe('closure arithmetic', () => {
  const day = [invoice('invoice', 12_000), invoice('credit_note', 2_400), payment('card', 6_000)];

  it('sums sales per VAT rate, credit notes taken off, and payments per method', () => {
    const totals = sumEntries([...day, payment('cash', 3_600), payment('cash', -600)]);
    expect(totals).toMatchObject({
      entryCount: 5,
      invoiceCount: 1,
      creditNoteCount: 1,
      totalInclVatCents: 9_600,
      totalExclVatCents: 8_000,
      totalVatCents: 1_600,
      paymentsTotalCents: 9_000,
    });
    expect(totals.vat).toEqual([
      { vatRateBp: 2000, baseCents: 8_000, vatCents: 1_600 },
      { vatRateBp: 550, baseCents: 0, vatCents: 0 },
    ]);
    expect(totals.payments).toEqual([
      { method: 'card', amountCents: 6_000 },
      { method: 'cash', amountCents: 3_000 },
    ]);
  });

  it('counts a credit put on a later invoice as an entry, never as money taken', () => {
    const credit: JournalContent = {
      kind: 'credit_allocated',
      paymentId: ID,
      clientId: ID,
      isB2c: true,
      allocations: [{ invoiceId: ID, number: 'F-2026-00002', amountCents: 2_911 }],
    };
    const totals = sumEntries([...day, credit]);
    expect(totals).toEqual({ ...sumEntries(day), entryCount: day.length + 1 });
    expect(totals.paymentsTotalCents).toBe(6_000);
  });

  it('makes a month of its days what the month’s entries make at once', () => {
    const second = [invoice('invoice', 24_000), payment('cash', 1_000)];
    expect(addTotals([sumEntries(day), sumEntries(second)])).toEqual(
      sumEntries([...day, ...second]),
    );
  });

  it('carries the perpetual totals, the absolute one never going down', () => {
    const after = advancePerpetual(ZERO_PERPETUAL, day);
    expect(after).toEqual({
      totalInclVatCents: 9_600,
      absoluteInclVatCents: 14_400,
      paymentsTotalCents: 6_000,
    });
    expect(advancePerpetual(after, [invoice('credit_note', 9_600)])).toMatchObject({
      totalInclVatCents: 0,
      absoluteInclVatCents: 24_000,
    });
  });
});

describe('deposits in the closures', () => {
  const deposit: JournalContent = {
    ...(invoice('invoice', 6_000) as Extract<JournalContent, { kind: 'invoice_issued' }>),
    invoiceKind: 'deposit',
    duePayableCents: 6_000,
  };
  const final: JournalContent = {
    ...(invoice('invoice', 12_000) as Extract<JournalContent, { kind: 'invoice_issued' }>),
    duePayableCents: 6_000,
  };
  const depositCredit: JournalContent = {
    ...(invoice('credit_note', 6_000) as Extract<JournalContent, { kind: 'invoice_issued' }>),
    correctsKind: 'deposit',
  };

  it('sells the job once, on the final invoice: the deposit is an advance, counted apart', () => {
    const totals = sumEntries([deposit, final]);
    expect(totals).toMatchObject({
      invoiceCount: 2,
      totalInclVatCents: 12_000,
      totalVatCents: 2_000,
      depositsInclVatCents: 6_000,
    });
    expect(totals.vat).toEqual([
      { vatRateBp: 2000, baseCents: 10_000, vatCents: 2_000 },
      { vatRateBp: 550, baseCents: 0, vatCents: 0 },
    ]);
    expect(advancePerpetual(ZERO_PERPETUAL, [deposit, final]).totalInclVatCents).toBe(12_000);
  });

  it('takes a deposit’s credit note off the advances, not off the sales', () => {
    const totals = sumEntries([deposit, depositCredit]);
    expect(totals).toMatchObject({ totalInclVatCents: 0, depositsInclVatCents: 0, vat: [] });
  });
});
