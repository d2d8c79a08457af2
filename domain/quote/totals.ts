import { z } from 'zod';
import { JOB_LINES_MAX } from '../schemas/bounds';
import { text } from '../schemas/common';
import { VatRateBpSchema } from './vat';

/**
 * The one implementation of a quote's totals, run by the server and live in the editor, so both
 * agree to the cent. All arithmetic is on BigInt: quantity in thousandths × price in cents ×
 * (10 000 − discount in basis points) is exact, and rounding happens once, at the end.
 */

export const QUOTE_LINE_KINDS = ['labour', 'part', 'fee'] as const;
export const QUOTE_UNITS = ['h', 'pièce', 'forfait', 'L', 'm'] as const;
export const QUANTITY_MAX = 100_000;
/** 100 000 € per unit: with QUANTITY_MAX, a line stays below 10^12 cents, far from 2^53. */
export const UNIT_PRICE_MAX_CENTS = 10_000_000;

const QUANTITY_PATTERN = /^(-?)(\d+)(?:\.(\d{1,3}))?$/;
const SCALE = 1000n * 10_000n; // quantity in thousandths × discount in basis points

/** `1.005` → `1005n`, read from the number's shortest decimal form so no float rounding creeps in. */
function toThousandths(quantity: number): bigint | undefined {
  const match = QUANTITY_PATTERN.exec(String(quantity));
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const value = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
  return sign === '-' ? -value : value;
}

/** Half-up (away from zero for negatives), the commercial rounding. */
function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  return (sign * (2n * magnitude + denominator)) / (2n * denominator);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Amount out of the safe integer range: ${value}`);
  }
  return Number(value);
}

export function hasAtMostThreeDecimals(quantity: number): boolean {
  return toThousandths(quantity) !== undefined;
}

export const QuoteLineInputSchema = z.object({
  kind: z.enum(QUOTE_LINE_KINDS, {
    error: 'Type de ligne inconnu (main-d’œuvre, pièce ou frais).',
  }),
  description: text({ error: 'Saisissez une description.' })
    .trim()
    .min(1, 'Saisissez une description.')
    .max(500, 'La description ne doit pas dépasser 500 caractères.'),
  reference: text()
    .trim()
    .max(60, 'La référence ne doit pas dépasser 60 caractères.')
    .nullish()
    .transform((value) => (value ? value : null)),
  quantity: z
    .number({ error: 'Saisissez une quantité.' })
    .positive('La quantité doit être supérieure à zéro.')
    .max(QUANTITY_MAX, 'La quantité ne doit pas dépasser 100 000.')
    .refine(hasAtMostThreeDecimals, 'La quantité accepte au plus trois décimales.'),
  unit: z.enum(QUOTE_UNITS, { error: 'Unité inconnue (h, pièce, forfait, L ou m).' }),
  unitPriceCents: z
    .number({ error: 'Saisissez un prix unitaire.' })
    .int('Le prix unitaire doit être un nombre entier de centimes.')
    .min(0, 'Le prix unitaire ne peut pas être négatif : utilisez la remise.')
    .max(UNIT_PRICE_MAX_CENTS, 'Le prix unitaire ne doit pas dépasser 100 000 €.'),
  vatRateBp: VatRateBpSchema,
  discountBp: z
    .number({ error: 'Saisissez une remise.' })
    .int('La remise doit être un nombre entier de points de base.')
    .min(0, 'La remise ne peut pas être négative.')
    .max(10_000, 'La remise ne peut pas dépasser 100 %.'),
});

export type QuoteLineInput = z.infer<typeof QuoteLineInputSchema>;

export const JobInputSchema = z.object({
  title: text({ error: 'Saisissez un intitulé de prestation.' })
    .trim()
    .min(1, 'Saisissez un intitulé de prestation.')
    .max(200, "L'intitulé ne doit pas dépasser 200 caractères."),
  lines: z
    .array(QuoteLineInputSchema)
    .max(JOB_LINES_MAX, `Une prestation compte au plus ${JOB_LINES_MAX} lignes.`),
});

export type JobInput = z.infer<typeof JobInputSchema>;

/** The amounts a quote carries in API responses (`quote.totals`). */
export const QuoteTotalsSchema = z.object({
  exclVatCents: z.number().int(),
  vatCents: z.number().int(),
  inclVatCents: z.number().int(),
  byRate: z.array(
    z.object({
      vatRateBp: z.number().int(),
      baseCents: z.number().int(),
      vatCents: z.number().int(),
    }),
  ),
});

export type TotalsLineInput = Pick<QuoteLineInput, 'quantity' | 'unitPriceCents' | 'discountBp'> & {
  vatRateBp: number;
};

export type QuoteTotalsInput = {
  jobs: ReadonlyArray<{ lines: ReadonlyArray<TotalsLineInput> }>;
  /** Franchise en base (CGI, art. 293 B): no VAT at all, every line falls under 0 %. */
  vatExempt: boolean;
};

export type QuoteTotals = z.infer<typeof QuoteTotalsSchema> & {
  /** Every line in job order, then line order. */
  lines: Array<{ jobIndex: number; lineIndex: number; lineTotalCents: number }>;
  jobs: Array<{ totalExclVatCents: number }>;
};

/** round_half_up(quantity × unit price × (1 − discount)), in cents. */
function computeLineTotal(line: TotalsLineInput): bigint {
  const thousandths = toThousandths(line.quantity);
  if (thousandths === undefined) {
    throw new RangeError(`Quantity must have at most 3 decimals, got ${line.quantity}`);
  }
  if (!Number.isSafeInteger(line.unitPriceCents)) {
    throw new RangeError(`Unit price must be integer cents, got ${line.unitPriceCents}`);
  }
  if (!Number.isInteger(line.discountBp) || line.discountBp < 0 || line.discountBp > 10_000) {
    throw new RangeError(`Discount must be 0..10000 basis points, got ${line.discountBp}`);
  }
  const exact = thousandths * BigInt(line.unitPriceCents) * BigInt(10_000 - line.discountBp);
  return divideRoundingHalfUp(exact, SCALE);
}

/**
 * Line totals rounded to the cent, then VAT per rate on the sum of that rate's line totals,
 * rounded half-up (design brief, "Quote"): per-line VAT rounding would drift by a cent per line.
 * `byRate` lists every rate used by at least one line, highest rate first.
 */
export function computeQuoteTotals(input: QuoteTotalsInput): QuoteTotals {
  const lines: QuoteTotals['lines'] = [];
  const jobs: QuoteTotals['jobs'] = [];
  const baseByRate = new Map<number, bigint>();
  let exclVat = 0n;

  input.jobs.forEach((job, jobIndex) => {
    let jobTotal = 0n;
    job.lines.forEach((line, lineIndex) => {
      const vatRateBp = input.vatExempt ? 0 : line.vatRateBp;
      if (!Number.isSafeInteger(vatRateBp) || vatRateBp < 0) {
        throw new RangeError(`VAT rate must be non-negative basis points, got ${vatRateBp}`);
      }
      const lineTotal = computeLineTotal(line);
      lines.push({ jobIndex, lineIndex, lineTotalCents: toSafeNumber(lineTotal) });
      baseByRate.set(vatRateBp, (baseByRate.get(vatRateBp) ?? 0n) + lineTotal);
      jobTotal += lineTotal;
    });
    jobs.push({ totalExclVatCents: toSafeNumber(jobTotal) });
    exclVat += jobTotal;
  });

  let vat = 0n;
  const byRate = [...baseByRate]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, base]) => {
      const rateVat = divideRoundingHalfUp(base * BigInt(vatRateBp), 10_000n);
      vat += rateVat;
      return { vatRateBp, baseCents: toSafeNumber(base), vatCents: toSafeNumber(rateVat) };
    });

  return {
    lines,
    jobs,
    exclVatCents: toSafeNumber(exclVat),
    vatCents: toSafeNumber(vat),
    inclVatCents: toSafeNumber(exclVat + vat),
    byRate,
  };
}

/**
 * What the client agreed to: the totals of the accepted lines (all of them for a full
 * acceptance), VAT computed on those lines alone, as the partial "bon pour accord" prints it.
 * Null while the quote is not accepted.
 */
export function computeAcceptedTotals(quote: {
  status: string;
  vatExempt: boolean;
  jobs: ReadonlyArray<{ lines: ReadonlyArray<TotalsLineInput & { accepted: boolean | null }> }>;
}): z.infer<typeof QuoteTotalsSchema> | null {
  if (quote.status !== 'accepted' && quote.status !== 'partially_accepted') return null;
  const isFull = quote.status === 'accepted';
  const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals({
    vatExempt: quote.vatExempt,
    jobs: quote.jobs.map((job) => ({
      lines: job.lines.filter((line) => isFull || line.accepted === true),
    })),
  });
  return { exclVatCents, vatCents, inclVatCents, byRate };
}
