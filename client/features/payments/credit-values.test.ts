import { describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors';
import type { Payment } from '../../../domain/schemas/payment';
import { describeCreditError, listPaymentCredits, planCreditUse } from './credit-values';

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

const paidA = { invoiceId: 'A', invoiceNumber: 'F-1', amountCents: 8_000 };

describe('a client’s credit', () => {
  it('lists the payments holding credit oldest first, refunds taken off', () => {
    const credits = listPaymentCredits([
      payment({ id: 'p3', journalSeq: 5, unallocatedCents: 500 }),
      payment({
        id: 'r1',
        kind: 'refund',
        amountCents: -1_500,
        unallocatedCents: -1_500,
        refundsPaymentId: 'p1',
        journalSeq: 4,
      }),
      payment({ id: 'p2', journalSeq: 3, unallocatedCents: 0 }),
      payment({ id: 'p1', journalSeq: 2, allocations: [paidA], unallocatedCents: 2_000 }),
    ]);
    expect(credits).toEqual([
      { paymentId: 'p1', creditCents: 500, paidInvoiceIds: new Set(['A']) },
      { paymentId: 'p3', creditCents: 500, paidInvoiceIds: new Set() },
    ]);
  });

  it('splits the amounts over the credits in order, never on an invoice a payment already settles', () => {
    const credits = [
      { paymentId: 'p1', creditCents: 1_000, paidInvoiceIds: new Set(['A']) },
      { paymentId: 'p2', creditCents: 3_000, paidInvoiceIds: new Set<string>() },
    ];
    expect(
      planCreditUse(credits, [
        { invoiceId: 'A', amountCents: 500 },
        { invoiceId: 'B', amountCents: 2_000 },
      ]),
    ).toEqual({
      requests: [
        { paymentId: 'p1', allocations: [{ invoiceId: 'B', amountCents: 1_000 }] },
        {
          paymentId: 'p2',
          allocations: [
            { invoiceId: 'A', amountCents: 500 },
            { invoiceId: 'B', amountCents: 1_000 },
          ],
        },
      ],
      unplacedCents: 0,
    });
  });

  it('says what no credit could take', () => {
    const credits = [{ paymentId: 'p1', creditCents: 1_000, paidInvoiceIds: new Set(['A']) }];
    expect(planCreditUse(credits, [{ invoiceId: 'A', amountCents: 300 }])).toEqual({
      requests: [],
      unplacedCents: 300,
    });
    expect(planCreditUse(credits, [{ invoiceId: 'B', amountCents: 1_200 }]).unplacedCents).toBe(
      200,
    );
  });

  it('says a refusal in French, the credit left when another counter used it', () => {
    const used = new AppError('allocation_exceeds_credit', 'x', { unallocatedCents: 250 });
    expect(describeCreditError(used)).toContain('2,50');
    expect(
      describeCreditError(new AppError('period_closed', 'x', { closedThrough: '2026-12-01' })),
    ).toBe('La journée est clôturée : le crédit pourra être utilisé demain.');
  });
});
