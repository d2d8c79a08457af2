import { z } from 'zod';
import { computeQuoteTotals, type TotalsLineInput } from '../quote/totals';

/**
 * An invoice's totals as EN 16931 computes them (decision 0017), by the quote's own arithmetic
 * so an invoice made from a quote or an OR comes to the same cent:
 * - each line's net amount (BT-131) is round_half_up(quantity × unit price × (1 − discount));
 * - VAT per category and rate (BG-23) is the rate applied to the sum of that group's line nets
 *   (BR-CO-17), rounded half-up once;
 * - BT-106 = Σ BT-131 (BR-CO-10), BT-109 = BT-106 − BT-107 + BT-108 (BR-CO-13),
 *   BT-110 = Σ BT-117 (BR-CO-14), BT-112 = BT-109 + BT-110 (BR-CO-15),
 *   BT-115 = BT-112 − BT-113 + BT-114 (BR-CO-16).
 * There are no document-level allowances or charges yet (BT-107 = BT-108 = 0, BR-CO-11/12) and no
 * rounding amount (BT-114 = 0). A credit note's amounts are positive: type 381 says it is a credit.
 */

/** BT-118 / BT-151, UNCL 5305 as France uses it: standard, zero rated, exempt (the franchise). */
export const VAT_CATEGORY_CODES = ['S', 'Z', 'E'] as const;
export type VatCategoryCode = (typeof VAT_CATEGORY_CODES)[number];

export const InvoiceTotalsSchema = z.object({
  lines: z.array(z.object({ netCents: z.int() })),
  /** BT-106 */
  lineTotalCents: z.int(),
  /** BT-107 */
  allowanceTotalCents: z.int(),
  /** BT-108 */
  chargeTotalCents: z.int(),
  /** BT-109 */
  taxBasisTotalCents: z.int(),
  /** BT-110 */
  vatTotalCents: z.int(),
  /** BT-112 */
  grandTotalCents: z.int(),
  /** BT-113: the deposits a final invoice deducts, VAT included. */
  prepaidCents: z.int(),
  /** BT-114 */
  roundingCents: z.int(),
  /** BT-115 */
  duePayableCents: z.int(),
  /** BG-23, highest rate first. */
  vatBreakdown: z.array(
    z.object({
      categoryCode: z.enum(VAT_CATEGORY_CODES),
      vatRateBp: z.int(),
      /** BT-116 */
      basisCents: z.int(),
      /** BT-117 */
      vatCents: z.int(),
    }),
  ),
});
export type InvoiceTotals = z.infer<typeof InvoiceTotalsSchema>;

export type InvoiceTotalsInput = {
  lines: ReadonlyArray<TotalsLineInput>;
  vatExempt: boolean;
  deductedDeposits: ReadonlyArray<{ amountInclVatCents: number }>;
};

export function getVatCategory(vatRateBp: number, vatExempt: boolean): VatCategoryCode {
  if (vatExempt) return 'E';
  return vatRateBp > 0 ? 'S' : 'Z';
}

export function computeInvoiceTotals(input: InvoiceTotalsInput): InvoiceTotals {
  const quoteTotals = computeQuoteTotals({
    vatExempt: input.vatExempt,
    jobs: [{ lines: input.lines }],
  });
  const prepaid = input.deductedDeposits.reduce(
    (total, deposit) => total + deposit.amountInclVatCents,
    0,
  );
  if (!Number.isSafeInteger(prepaid) || prepaid < 0) {
    throw new RangeError(`Prepaid amount must be non-negative integer cents, got ${prepaid}`);
  }
  const allowanceTotalCents = 0;
  const chargeTotalCents = 0;
  const roundingCents = 0;
  const taxBasisTotalCents = quoteTotals.exclVatCents - allowanceTotalCents + chargeTotalCents;
  const grandTotalCents = taxBasisTotalCents + quoteTotals.vatCents;
  return {
    lines: quoteTotals.lines.map((line) => ({ netCents: line.lineTotalCents })),
    lineTotalCents: quoteTotals.exclVatCents,
    allowanceTotalCents,
    chargeTotalCents,
    taxBasisTotalCents,
    vatTotalCents: quoteTotals.vatCents,
    grandTotalCents,
    prepaidCents: prepaid,
    roundingCents,
    duePayableCents: grandTotalCents - prepaid + roundingCents,
    vatBreakdown: quoteTotals.byRate.map((rate) => ({
      categoryCode: getVatCategory(rate.vatRateBp, input.vatExempt),
      vatRateBp: rate.vatRateBp,
      basisCents: rate.baseCents,
      vatCents: rate.vatCents,
    })),
  };
}

/**
 * BT-146, the net unit price, exact in millionths of a euro: cents × (10 000 − discount bp).
 * The CII carries it with up to 6 decimals, so BT-131 = round(BT-129 × BT-146) holds exactly.
 */
export function computeNetUnitPriceMicros(
  line: Pick<TotalsLineInput, 'unitPriceCents' | 'discountBp'>,
) {
  return line.unitPriceCents * (10_000 - line.discountBp);
}
