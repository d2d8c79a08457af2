import { describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors';
import type { Payment } from '../../../domain/schemas/payment';
import {
  allocateOldestFirst,
  amountOnInvoice,
  describeAllocations,
  describePaymentError,
  parseAmount,
  refundableCents,
} from './payment-values';

const invoice = (invoiceId: string, issueDate: string, balanceCents: number) => ({
  invoiceId,
  issueDate,
  balanceCents,
});

function payment(overrides: Partial<Payment>): Payment {
  return {
    id: 'p1',
    kind: 'payment',
    method: 'card',
    amountCents: 10_000,
    receivedOn: '2026-12-01',
    reference: null,
    note: null,
    clientId: 'c1',
    clientName: 'Jean Martin',
    allocations: [],
    unallocatedCents: 0,
    refundsPaymentId: null,
    tillSessionId: null,
    journalSeq: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    createdByName: 'Marie',
    ...overrides,
  };
}

describe('parseAmount', () => {
  it('reads what the counter types, in cents', () => {
    expect(parseAmount('12,5')).toEqual({ ok: true, cents: 1250 });
    expect(parseAmount('1 234,56 €')).toEqual({ ok: true, cents: 123_456 });
    expect(parseAmount('80.00')).toEqual({ ok: true, cents: 8000 });
  });

  it('refuses nothing, zero, a negative amount or a third decimal, with a French reason', () => {
    expect(parseAmount('')).toMatchObject({ ok: false, message: 'Saisissez un montant.' });
    expect(parseAmount('0')).toMatchObject({ ok: false, message: 'Le montant doit être positif.' });
    expect(parseAmount('-5')).toMatchObject({
      ok: false,
      message: 'Le montant ne peut pas être négatif.',
    });
    expect(parseAmount('1,234')).toMatchObject({ ok: false });
    expect(parseAmount('abc')).toMatchObject({ ok: false });
    expect(parseAmount('20 000 000')).toMatchObject({
      ok: false,
      message: 'Montant invraisemblable.',
    });
  });

  it('accepts zero where the till may hold nothing', () => {
    expect(parseAmount('0', { allowZero: true })).toEqual({ ok: true, cents: 0 });
  });
});

describe('allocateOldestFirst', () => {
  const open = [
    invoice('b', '2026-11-20', 5000),
    invoice('a', '2026-10-01', 3000),
    invoice('c', '2026-11-20', 2000),
  ];

  it('pays the oldest invoice first, then the next, the same day in the order given', () => {
    expect(allocateOldestFirst(open, 6000)).toEqual({
      allocations: [
        { invoiceId: 'a', amountCents: 3000 },
        { invoiceId: 'b', amountCents: 3000 },
      ],
      creditCents: 0,
    });
  });

  it('pays every invoice in full when the amount is their total', () => {
    const { allocations, creditCents } = allocateOldestFirst(open, 10_000);
    expect(allocations.map((line) => line.amountCents)).toEqual([3000, 5000, 2000]);
    expect(creditCents).toBe(0);
  });

  it('leaves what is above the total as the client’s credit', () => {
    expect(allocateOldestFirst(open, 12_345).creditCents).toBe(2345);
  });

  it('allocates nothing to an invoice with nothing left, and all to credit without invoices', () => {
    expect(allocateOldestFirst([invoice('z', '2026-01-01', 0)], 500)).toEqual({
      allocations: [],
      creditCents: 500,
    });
  });

  it('never allocates more than the amount, whatever the balances', () => {
    for (let amount = 1; amount <= 11_000; amount += 997) {
      const { allocations, creditCents } = allocateOldestFirst(open, amount);
      const allocated = allocations.reduce((sum, line) => sum + line.amountCents, 0);
      expect(allocated + creditCents).toBe(amount);
      expect(allocations.every((line) => line.amountCents > 0)).toBe(true);
    }
  });
});

describe('refunds', () => {
  it('leaves to refund a payment less the refunds already made of it', () => {
    const paid = payment({ id: 'p1', amountCents: 10_000 });
    const refund = payment({
      id: 'r1',
      kind: 'refund',
      amountCents: -2500,
      refundsPaymentId: 'p1',
    });
    const other = payment({ id: 'r2', kind: 'refund', amountCents: -900, refundsPaymentId: 'p9' });
    expect(refundableCents(paid, [paid, refund, other])).toBe(7500);
  });

  it('reads the part of a payment that went to one invoice', () => {
    const paid = payment({
      allocations: [
        { invoiceId: 'i1', invoiceNumber: 'FAC-2026-00001', amountCents: 4000 },
        { invoiceId: 'i2', invoiceNumber: 'FAC-2026-00002', amountCents: 6000 },
      ],
    });
    expect(amountOnInvoice(paid, 'i2')).toBe(6000);
    expect(amountOnInvoice(paid, 'i3')).toBe(0);
  });

  it('says where a payment went: its invoices, then the credit it left', () => {
    const paid = payment({
      amountCents: 10_500,
      allocations: [{ invoiceId: 'i1', invoiceNumber: 'FAC-2026-00001', amountCents: 10_000 }],
      unallocatedCents: 500,
    });
    expect(describeAllocations(paid)).toBe('FAC-2026-00001, crédit 5,00\u00a0€');
    expect(describeAllocations(payment({ allocations: [], unallocatedCents: 0 }))).toBe('—');
  });
});

describe('describePaymentError', () => {
  const refused = (code: string, details?: unknown) =>
    AppError.fromBody(code, 'Refusé.', details, 409);

  it('says what is left due when another counter was faster', () => {
    expect(
      describePaymentError(
        refused('payment_exceeds_balance', { invoiceId: 'i', balanceCents: 1250 }),
      ).message,
    ).toContain('12,50');
  });

  it('names the last closed day, and asks for the till when it is closed', () => {
    expect(
      describePaymentError(refused('period_closed', { closedThrough: '2026-11-30' })).message,
    ).toContain('30/11/2026');
    expect(describePaymentError(refused('till_not_open'))).toMatchObject({ isTillClosed: true });
  });

  it('keeps the server’s own message for the cash ceiling, with what to do', () => {
    const said = describePaymentError(refused('cash_limit_exceeded'));
    expect(said.message).toMatch(/^Refusé\. Choisissez un autre moyen de paiement\.$/);
    expect(said.isTillClosed).toBe(false);
  });
});
