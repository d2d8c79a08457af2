import { describe, expect, it } from 'vitest';
import { computeQuoteTotals } from '../quote/totals';
import { BUSINESS_INVOICE, DEPOSIT_INVOICE } from '../testing/invoice-samples';
import { computeInvoiceTotals, computeNetUnitPriceMicros, getVatCategory } from './totals';

describe('computeInvoiceTotals', () => {
  it('computes the sample repair invoice as worked by hand', () => {
    const totals = computeInvoiceTotals({
      lines: BUSINESS_INVOICE.lines,
      vatExempt: false,
      deductedDeposits: [],
    });
    expect(totals.lines.map((line) => line.netCents)).toEqual([
      22750, 26091, 19841, 4500, 3299, 450, 4875,
    ]);
    expect(totals.vatBreakdown).toEqual([
      { categoryCode: 'S', vatRateBp: 2000, basisCents: 76931, vatCents: 15386 },
      { categoryCode: 'S', vatRateBp: 1000, basisCents: 4875, vatCents: 488 },
    ]);
    expect(totals).toMatchObject({
      lineTotalCents: 81806,
      allowanceTotalCents: 0,
      chargeTotalCents: 0,
      taxBasisTotalCents: 81806,
      vatTotalCents: 15874,
      grandTotalCents: 97680,
      prepaidCents: 0,
      roundingCents: 0,
      duePayableCents: 97680,
    });
  });

  it('agrees with the quote totals to the cent on the same lines', () => {
    const quote = computeQuoteTotals({
      vatExempt: false,
      jobs: [{ lines: BUSINESS_INVOICE.lines }],
    });
    const invoice = computeInvoiceTotals({
      lines: BUSINESS_INVOICE.lines,
      vatExempt: false,
      deductedDeposits: [],
    });
    expect([invoice.lineTotalCents, invoice.vatTotalCents, invoice.grandTotalCents]).toEqual([
      quote.exclVatCents,
      quote.vatCents,
      quote.inclVatCents,
    ]);
  });

  it('deducts the deposits, VAT included, from the amount due only', () => {
    const totals = computeInvoiceTotals({
      lines: BUSINESS_INVOICE.lines,
      vatExempt: false,
      deductedDeposits: [{ amountInclVatCents: 25200 }, { amountInclVatCents: 10000 }],
    });
    expect(totals.grandTotalCents).toBe(97680);
    expect(totals.prepaidCents).toBe(35200);
    expect(totals.duePayableCents).toBe(62480);
  });

  it('puts every line of a franchised garage in category E at 0 %', () => {
    const totals = computeInvoiceTotals({
      lines: BUSINESS_INVOICE.lines,
      vatExempt: true,
      deductedDeposits: [],
    });
    expect(totals.vatBreakdown).toEqual([
      { categoryCode: 'E', vatRateBp: 0, basisCents: 81806, vatCents: 0 },
    ]);
    expect(totals.grandTotalCents).toBe(81806);
  });

  it('names the categories: S for a positive rate, Z for 0 %, E under the franchise', () => {
    expect(getVatCategory(2000, false)).toBe('S');
    expect(getVatCategory(0, false)).toBe('Z');
    expect(getVatCategory(2000, true)).toBe('E');
  });

  it('computes a deposit invoice like any other', () => {
    const totals = computeInvoiceTotals({
      lines: DEPOSIT_INVOICE.lines,
      vatExempt: false,
      deductedDeposits: [],
    });
    expect(totals.grandTotalCents).toBe(25200);
  });

  it('refuses a negative prepaid amount', () => {
    expect(() =>
      computeInvoiceTotals({
        lines: [],
        vatExempt: false,
        deductedDeposits: [{ amountInclVatCents: -1 }],
      }),
    ).toThrow(RangeError);
  });

  it('gives the net unit price exactly, in millionths of a euro', () => {
    expect(computeNetUnitPriceMicros({ unitPriceCents: 21450, discountBp: 750 })).toBe(198_412_500);
    expect(computeNetUnitPriceMicros({ unitPriceCents: 1, discountBp: 9999 })).toBe(1);
  });
});
