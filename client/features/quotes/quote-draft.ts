import { formatQuantity, parseEurosToCents } from '../../../domain/money';
import { computeQuoteTotals, type QuoteTotals } from '../../../domain/quote/totals';
import type { Quote, QuoteLine } from '../../../domain/schemas/quote';
import type { QuotePackage } from '../../../domain/schemas/settings';

/**
 * What the editor holds: the text the user types (French decimals, euros), parsed into the API's
 * integers only when needed. Totals are recomputed from it on every keystroke with the same
 * `computeQuoteTotals` as the server.
 */
export type DraftLine = {
  key: string;
  id?: string;
  kind: QuoteLine['kind'];
  description: string;
  reference: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discount: string;
  vatRateBp: number;
};
export type DraftJob = { key: string; id?: string; title: string; lines: DraftLine[] };

export type ApiLine = {
  id?: string;
  kind: QuoteLine['kind'];
  description: string;
  reference: string | null;
  quantity: number;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
  discountBp: number;
};

let keys = 0;
export const newKey = () => `k${++keys}`;

const CENTS_FORMAT = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});

export function centsToText(cents: number): string {
  return CENTS_FORMAT.format(cents / 100);
}

export function emptyLine(vatRateBp: number, overrides: Partial<DraftLine> = {}): DraftLine {
  return {
    key: newKey(),
    kind: 'part',
    description: '',
    reference: '',
    quantity: '1',
    unit: 'pièce',
    unitPrice: '',
    discount: '0',
    vatRateBp,
    ...overrides,
  };
}

export function toDraft(quote: Pick<Quote, 'jobs'>): DraftJob[] {
  return quote.jobs.map((job) => ({
    key: newKey(),
    id: job.id,
    title: job.title,
    lines: job.lines.map((line) => ({
      key: newKey(),
      id: line.id,
      kind: line.kind,
      description: line.description,
      reference: line.reference ?? '',
      quantity: formatQuantity(line.quantity).replace(/\s/g, ''),
      unit: line.unit,
      unitPrice: centsToText(line.unitPriceCents),
      discount: String(line.discountBp / 100).replace('.', ','),
      vatRateBp: line.vatRateBp,
    })),
  }));
}

export function packageToLines(pack: QuotePackage): DraftLine[] {
  return pack.lines.map((line) => ({
    key: newKey(),
    kind: line.kind,
    description: line.description,
    reference: line.reference ?? '',
    quantity: formatQuantity(line.quantity).replace(/\s/g, ''),
    unit: line.unit,
    unitPrice: centsToText(line.unitPriceCents),
    discount: String(line.discountBp / 100).replace('.', ','),
    vatRateBp: line.vatRateBp,
  }));
}

/** "1,5" → 1.5; at most 3 decimals, > 0. */
export function parseQuantity(text: string): number | null {
  const normalized = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value > 0 && value <= 100_000 ? value : null;
}

/** "10" or "12,5" (%) → basis points. */
export function parseDiscount(text: string): number | null {
  const normalized = text.replace(/\s|%/g, '').replace(',', '.') || '0';
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  const bp = Math.round(Number(normalized) * 100);
  return bp <= 10_000 ? bp : null;
}

export type LineField = 'description' | 'quantity' | 'unitPrice' | 'discount';

/** Parses one line; the errors say which cell is wrong, in French. */
export function parseLine(line: DraftLine): {
  value: ApiLine | null;
  errors: Partial<Record<LineField, string>>;
} {
  const errors: Partial<Record<LineField, string>> = {};
  const quantity = parseQuantity(line.quantity);
  if (quantity === null) errors.quantity = 'Quantité invalide (ex. 1,5 ; 3 décimales au plus).';
  const price = parseEurosToCents(line.unitPrice || '0');
  if (!price.ok) errors.unitPrice = price.message;
  else if (price.cents < 0) errors.unitPrice = 'Le prix ne peut pas être négatif.';
  const discountBp = parseDiscount(line.discount);
  if (discountBp === null) errors.discount = 'Remise entre 0 et 100 %.';
  if (!line.description.trim()) errors.description = 'Saisissez une description.';
  if (Object.keys(errors).length > 0 || quantity === null || !price.ok || discountBp === null) {
    return { value: null, errors };
  }
  return {
    value: {
      ...(line.id ? { id: line.id } : {}),
      kind: line.kind,
      description: line.description.trim(),
      reference: line.reference.trim() || null,
      quantity,
      unit: line.unit,
      unitPriceCents: price.cents,
      vatRateBp: line.vatRateBp,
      discountBp,
    },
    errors,
  };
}

/** Live totals: lines that do not parse yet count as zero. */
export function computeDraftTotals(jobs: DraftJob[], vatExempt: boolean): QuoteTotals {
  return computeQuoteTotals({
    vatExempt,
    jobs: jobs.map((job) => ({
      lines: job.lines.map((line) => {
        const parsed = parseLine({ ...line, description: line.description || '—' }).value;
        return (
          parsed ?? { quantity: 0, unitPriceCents: 0, discountBp: 0, vatRateBp: line.vatRateBp }
        );
      }),
    })),
  });
}

/** The API's `jobs`, or the cells to fix. */
export function toApiJobs(jobs: DraftJob[]): {
  jobs: Array<{ id?: string; title: string; lines: ApiLine[] }> | null;
  errors: Record<string, Partial<Record<LineField | 'title', string>>>;
} {
  const errors: Record<string, Partial<Record<LineField | 'title', string>>> = {};
  const result = jobs.map((job) => {
    if (!job.title.trim()) errors[job.key] = { title: 'Saisissez un intitulé de prestation.' };
    return {
      ...(job.id ? { id: job.id } : {}),
      title: job.title.trim(),
      lines: job.lines.flatMap((line) => {
        const parsed = parseLine(line);
        if (Object.keys(parsed.errors).length > 0) errors[line.key] = parsed.errors;
        return parsed.value ? [parsed.value] : [];
      }),
    };
  });
  return { jobs: Object.keys(errors).length > 0 ? null : result, errors };
}
