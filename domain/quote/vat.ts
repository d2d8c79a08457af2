import { z } from 'zod';

/**
 * The French VAT rates a garage can invoice, in basis points (2000 = 20 %): normal 20 %,
 * intermediate 10 %, reduced 5,5 %, special 2,1 %, and 0 % (exports, exempt operations).
 */
export const VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const;

export type VatRateBp = (typeof VAT_RATES_BP)[number];

/**
 * The same rates by name, for `z.enum`: the OpenAPI generator documents a multi-valued
 * `z.literal` by its first value only (vatRateBp was `enum: [2000]`), an enum by all of them.
 */
const VAT_RATES = {
  normal: 2000,
  intermediate: 1000,
  reduced: 550,
  special: 210,
  zero: 0,
} as const satisfies Record<string, VatRateBp>;

export const DEFAULT_VAT_RATE_BP: VatRateBp = 2000;

/** Printed instead of any VAT amount when the company uses the franchise en base (CGI, art. 293 B). */
export const VAT_EXEMPTION_MENTION = 'TVA non applicable, art. 293 B du CGI';

export const VatRateBpSchema = z.enum(VAT_RATES, {
  error: 'Taux de TVA non autorisé : choisissez 20 %, 10 %, 5,5 %, 2,1 % ou 0 %.',
});

export function isVatRateBp(value: unknown): value is VatRateBp {
  return VatRateBpSchema.safeParse(value).success;
}

/**
 * `550` → `5,5 %`, `2000` → `20 %`. A no-break space (U+00A0) keeps the number and `%` together
 * and, unlike U+202F, is drawable by the PDF's standard fonts.
 */
export function formatVatRate(vatRateBp: number): string {
  if (!Number.isSafeInteger(vatRateBp) || vatRateBp < 0) {
    throw new RangeError(`Expected a VAT rate in basis points, got ${vatRateBp}`);
  }
  const whole = Math.trunc(vatRateBp / 100);
  const hundredths = vatRateBp % 100;
  const decimals =
    hundredths === 0 ? '' : `,${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${decimals}\u00a0%`;
}

export const VAT_RATE_OPTIONS: ReadonlyArray<{ value: VatRateBp; label: string }> =
  VAT_RATES_BP.map((value) => ({ value, label: formatVatRate(value) }));
