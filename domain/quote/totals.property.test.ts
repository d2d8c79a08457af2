import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeQuoteTotals,
  QuoteLineInputSchema,
  type QuoteTotalsInput,
  type TotalsLineInput,
} from './totals';
import { VAT_RATES_BP } from './vat';

// Every value QuoteLineInputSchema accepts: 0,001 to 100 000 units, 0 to 100 000 €, 0 to 100 %.
const lineArbitrary = fc.record({
  quantity: fc.integer({ min: 1, max: 100_000_000 }).map((thousandths) => thousandths / 1000),
  unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
  vatRateBp: fc.constantFrom(...VAT_RATES_BP),
  discountBp: fc.integer({ min: 0, max: 10_000 }),
});

const quoteArbitrary = fc.record({
  jobs: fc.array(fc.record({ lines: fc.array(lineArbitrary, { maxLength: 12 }) }), {
    maxLength: 6,
  }),
  vatExempt: fc.boolean(),
});

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The quote-level amounts, without the per-line and per-job breakdown. */
function computeAmounts(input: QuoteTotalsInput) {
  const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals(input);
  return { exclVatCents, vatCents, inclVatCents, byRate };
}

function exactLineTotalTimesScale(line: TotalsLineInput): bigint {
  const thousandths = BigInt(Math.round(line.quantity * 1000));
  return thousandths * BigInt(line.unitPriceCents) * BigInt(10_000 - line.discountBp);
}

describe('computeQuoteTotals properties', () => {
  it('accepts every line the schema accepts', () => {
    fc.assert(
      fc.property(lineArbitrary, (line) => {
        const parsed = QuoteLineInputSchema.safeParse({
          ...line,
          kind: 'part',
          description: 'Pièce',
          unit: 'pièce',
        });
        expect(parsed.success).toBe(true);
      }),
    );
  });

  it('returns only safe integers', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        const totals = computeQuoteTotals(input);
        const amounts = [
          totals.exclVatCents,
          totals.vatCents,
          totals.inclVatCents,
          ...totals.lines.map((line) => line.lineTotalCents),
          ...totals.jobs.map((job) => job.totalExclVatCents),
          ...totals.byRate.flatMap((rate) => [rate.baseCents, rate.vatCents]),
        ];
        for (const amount of amounts) expect(Number.isSafeInteger(amount)).toBe(true);
      }),
    );
  });

  it('adds excl. VAT and VAT up to incl. VAT', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        const totals = computeQuoteTotals(input);
        expect(totals.exclVatCents + totals.vatCents).toBe(totals.inclVatCents);
      }),
    );
  });

  it('makes the rates’ bases and VAT add up to the quote’s', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        const totals = computeQuoteTotals(input);
        expect(sum(totals.byRate.map((rate) => rate.baseCents))).toBe(totals.exclVatCents);
        expect(sum(totals.byRate.map((rate) => rate.vatCents))).toBe(totals.vatCents);
      }),
    );
  });

  it('makes line totals add up to their job and to the quote', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        const totals = computeQuoteTotals(input);
        expect(sum(totals.lines.map((line) => line.lineTotalCents))).toBe(totals.exclVatCents);
        expect(sum(totals.jobs.map((job) => job.totalExclVatCents))).toBe(totals.exclVatCents);
        totals.jobs.forEach((job, jobIndex) => {
          const jobLines = totals.lines.filter((line) => line.jobIndex === jobIndex);
          expect(sum(jobLines.map((line) => line.lineTotalCents))).toBe(job.totalExclVatCents);
        });
      }),
    );
  });

  it('does not depend on the order of lines or how they are grouped in jobs', () => {
    const placedLine = fc.record({ line: lineArbitrary, job: fc.nat(3), sortKey: fc.integer() });
    fc.assert(
      fc.property(fc.array(placedLine, { maxLength: 30 }), fc.boolean(), (placed, vatExempt) => {
        const grouped = [0, 1, 2, 3].map((job) => ({
          lines: placed.filter((entry) => entry.job === job).map((entry) => entry.line),
        }));
        const shuffled = [...placed].sort((a, b) => a.sortKey - b.sortKey);
        const first = computeAmounts({ jobs: grouped, vatExempt });
        const second = computeAmounts({
          jobs: [{ lines: shuffled.map((e) => e.line) }],
          vatExempt,
        });
        expect(second).toEqual(first);
      }),
    );
  });

  it('rounds each line to the nearest cent, halves up', () => {
    const scale = 10_000_000n;
    fc.assert(
      fc.property(lineArbitrary, (line) => {
        const [result] = computeQuoteTotals({ jobs: [{ lines: [line] }], vatExempt: false }).lines;
        const error = exactLineTotalTimesScale(line) - BigInt(result!.lineTotalCents) * scale;
        expect(-scale / 2n <= error && error < scale / 2n).toBe(true);
      }),
    );
  });

  it('rounds an exact half cent up', () => {
    const oddArbitrary = fc.integer({ min: 0, max: 4_999_999 }).map((n) => 2 * n + 1);
    fc.assert(
      fc.property(oddArbitrary, fc.integer({ min: 0, max: 99_999 }), (price, units) => {
        const line = { quantity: units + 0.5, unitPriceCents: price, vatRateBp: 0, discountBp: 0 };
        const expected = ((2 * units + 1) * price + 1) / 2;
        expect(
          computeQuoteTotals({ jobs: [{ lines: [line] }], vatExempt: false }).exclVatCents,
        ).toBe(expected);
      }),
    );
  });

  it('rounds each rate’s VAT to the nearest cent, halves up', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        for (const rate of computeQuoteTotals(input).byRate) {
          const error =
            BigInt(rate.baseCents) * BigInt(rate.vatRateBp) - BigInt(rate.vatCents) * 10_000n;
          expect(-5000n <= error && error < 5000n).toBe(true);
        }
      }),
    );
  });

  it('lists rates once each, highest first', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        const rates = computeQuoteTotals(input).byRate.map((rate) => rate.vatRateBp);
        expect(rates).toEqual([...new Set(rates)].sort((a, b) => b - a));
      }),
    );
  });

  it('charges no VAT at all when exempt under art. 293 B', () => {
    fc.assert(
      fc.property(quoteArbitrary, (input) => {
        const totals = computeQuoteTotals({ ...input, vatExempt: true });
        expect(totals.vatCents).toBe(0);
        expect(totals.inclVatCents).toBe(totals.exclVatCents);
        expect(totals.byRate.every((rate) => rate.vatRateBp === 0)).toBe(true);
      }),
    );
  });

  it('never charges more for a larger discount', () => {
    fc.assert(
      fc.property(lineArbitrary, fc.integer({ min: 0, max: 10_000 }), (line, otherDiscount) => {
        const [low, high] = [line.discountBp, otherDiscount].sort((a, b) => a - b);
        const total = (discountBp: number) =>
          computeQuoteTotals({ jobs: [{ lines: [{ ...line, discountBp }] }], vatExempt: false })
            .exclVatCents;
        expect(total(high!)).toBeLessThanOrEqual(total(low!));
      }),
    );
  });
});
