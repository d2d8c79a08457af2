import type { z } from 'zod';
import { isDeepEqual } from '../../../domain/merge/deep-equal';
import {
  formatCentsForInput,
  formatPercentBp,
  formatQuantity,
  parseEurosToCents,
} from '../../../domain/money';
import {
  computeQuoteTotals,
  type QUOTE_UNITS,
  type QuoteTotals,
} from '../../../domain/quote/totals';
import type { VatRateBp } from '../../../domain/quote/vat';
import type {
  Quote,
  QuoteLine,
  QuoteLineEditSchema,
  QuoteUpdate,
} from '../../../domain/schemas/quote';
import type { QuotePackage } from '../../../domain/schemas/settings';

/**
 * What the editor holds: the text the user types (French decimals, euros), parsed into the API's
 * integers only when needed. Totals are recomputed from it on every keystroke with the same
 * `computeQuoteTotals` as the server.
 *
 * `key` is the line's id for good: a saved line's server id, or a new line's
 * `crypto.randomUUID()`, which the server keeps. Two versions of a quote thus name the same
 * line the same way, which is what the three-way merge lines them up by.
 */
type QuoteUnit = (typeof QUOTE_UNITS)[number];

export type DraftLine = {
  key: string;
  kind: QuoteLine['kind'];
  description: string;
  reference: string;
  quantity: string;
  unit: QuoteUnit;
  unitPrice: string;
  discount: string;
  vatRateBp: VatRateBp;
};
export type DraftJob = { key: string; title: string; lines: DraftLine[] };

/** The quote-level fields the editor edits, as typed. */
export type DraftFields = { validUntil: string; mileageKm: string; notes: string };

/** The editor's whole document: what the editable record holds and merges. */
export type QuoteDraft = { fields: DraftFields; jobs: DraftJob[] };

/** A line as the API takes it (id kept: see DraftLine). */
export type ApiLine = z.input<typeof QuoteLineEditSchema> & { id: string };

/** A new line's or job's id, born in the browser (see DraftLine). */
export const newKey = (): string => crypto.randomUUID();

/** `1250` → `12,50` in a price cell. */
export const centsToText = formatCentsForInput;

export function emptyLine(vatRateBp: VatRateBp, overrides: Partial<DraftLine> = {}): DraftLine {
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
    key: job.id,
    title: job.title,
    lines: job.lines.map((line) => ({
      key: line.id,
      kind: line.kind,
      description: line.description,
      reference: line.reference ?? '',
      quantity: formatQuantity(line.quantity).replace(/\s/g, ''),
      unit: line.unit,
      unitPrice: centsToText(line.unitPriceCents),
      discount: formatPercentBp(line.discountBp),
      vatRateBp: line.vatRateBp,
    })),
  }));
}

/** The editor's document for a saved quote. */
export function toQuoteDraft(quote: Quote): QuoteDraft {
  return {
    fields: {
      validUntil: quote.validUntil,
      mileageKm: quote.mileageKm === null ? '' : String(quote.mileageKm),
      notes: quote.notes ?? '',
    },
    jobs: toDraft(quote),
  };
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
    discount: formatPercentBp(line.discountBp),
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
      id: line.key,
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

/** The API's `jobs`, or the cells to fix, by `<line or job key>.<field>`. */
export function toApiJobs(jobs: DraftJob[]): {
  jobs: Array<{ id: string; title: string; lines: ApiLine[] }> | null;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const result = jobs.map((job) => {
    if (!job.title.trim()) errors[`${job.key}.title`] = 'Saisissez un intitulé de prestation.';
    return {
      id: job.key,
      title: job.title.trim(),
      lines: job.lines.flatMap((line) => {
        const parsed = parseLine(line);
        for (const [field, message] of Object.entries(parsed.errors)) {
          errors[`${line.key}.${field}`] = message;
        }
        return parsed.value ? [parsed.value] : [];
      }),
    };
  });
  return { jobs: Object.keys(errors).length > 0 ? null : result, errors };
}

/** "123 456" → 123456; "" → null; anything else is not a mileage. */
export function parseMileage(text: string): number | null | undefined {
  const digits = text.replace(/\s/g, '');
  if (!digits) return null;
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Every cell to fix before saving, by `<key>.<field>` (and `fields.mileageKm`). */
export function validateDraft(draft: QuoteDraft): Record<string, string> {
  const errors = toApiJobs(draft.jobs).errors;
  if (parseMileage(draft.fields.mileageKm) === undefined) {
    errors['fields.mileageKm'] = 'Kilométrage : un nombre entier de km.';
  }
  if (!draft.fields.validUntil) errors['fields.validUntil'] = 'Indiquez une date de validité.';
  return errors;
}

/** The PATCH of a draft: what changed since `base` (the whole jobs list if any line did). */
export function toQuotePatch(base: QuoteDraft, draft: QuoteDraft, version: number): QuoteUpdate {
  const patch: QuoteUpdate = { version };
  if (!isDeepEqual(base.jobs, draft.jobs)) {
    const { jobs } = toApiJobs(draft.jobs);
    if (jobs) patch.jobs = jobs;
  }
  if (base.fields.validUntil !== draft.fields.validUntil)
    patch.validUntil = draft.fields.validUntil;
  if (base.fields.notes !== draft.fields.notes) patch.notes = draft.fields.notes || null;
  const mileage = parseMileage(draft.fields.mileageKm);
  if (base.fields.mileageKm !== draft.fields.mileageKm && mileage !== undefined) {
    patch.mileageKm = mileage;
  }
  return patch;
}
