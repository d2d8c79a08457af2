import { z } from 'zod';
import { IsoDateSchema, IsoInstantSchema } from '../dates';
import {
  JobInputSchema,
  QUOTE_LINE_KINDS,
  QUOTE_UNITS,
  QuoteLineInputSchema,
  QuoteTotalsSchema,
} from '../quote/totals';
import { VatRateBpSchema } from '../quote/vat';
import { JOB_LINES_MAX, QUOTE_JOBS_MAX, QUOTE_LINES_MAX } from './bounds';
import {
  cursorSchema,
  IdSchema,
  INT4_MAX,
  ListQuerySchema,
  optionalText,
  RecordMetaSchema,
  VersionSchema,
} from './common';

export const QUOTE_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'partially_accepted',
  'refused',
  'expired',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: 'Brouillon',
  sent: 'Envoyé',
  accepted: 'Accepté',
  partially_accepted: 'Accepté en partie',
  refused: 'Refusé',
  expired: 'Expiré',
};

export const DECISION_CHANNELS = ['in_person', 'phone', 'email', 'signature'] as const;
export type DecisionChannel = (typeof DECISION_CHANNELS)[number];
export const DECISION_CHANNEL_LABELS: Record<DecisionChannel, string> = {
  in_person: 'Au comptoir',
  phone: 'Par téléphone',
  email: 'Par e-mail',
  signature: 'Signature du devis',
};

function hasUniqueIds(jobs: ReadonlyArray<{ id?: string; lines: ReadonlyArray<{ id?: string }> }>) {
  const ids = jobs.flatMap((job) => [job.id, ...job.lines.map((line) => line.id)]);
  const given = ids.filter((id) => id !== undefined);
  return new Set(given).size === given.length;
}

/**
 * A line as sent by the editor, with its id: a saved line's, or one the browser made for a new
 * line (kept by the server, so the editor's merge can line versions up; see quote-draft.ts).
 */
export const QuoteLineEditSchema = QuoteLineInputSchema.extend({ id: IdSchema.optional() });
export const QuoteJobEditSchema = JobInputSchema.extend({
  id: IdSchema.optional(),
  lines: z
    .array(QuoteLineEditSchema)
    .max(JOB_LINES_MAX, { error: `Une prestation compte au plus ${JOB_LINES_MAX} lignes.` }),
});

function countLines(jobs: ReadonlyArray<{ lines: ReadonlyArray<unknown> }>): number {
  return jobs.reduce((count, job) => count + job.lines.length, 0);
}

const quoteFields = {
  vehicleId: IdSchema.nullish().transform((value) => value ?? null),
  mileageKm: z
    .int()
    .min(0)
    .max(3_000_000)
    .nullish()
    .transform((value) => value ?? null),
  jobs: z
    .array(QuoteJobEditSchema)
    .max(QUOTE_JOBS_MAX, { error: `${QUOTE_JOBS_MAX} prestations au maximum.` })
    .refine((jobs) => countLines(jobs) <= QUOTE_LINES_MAX, {
      error: `Un devis compte au plus ${QUOTE_LINES_MAX} lignes.`,
    })
    .refine(hasUniqueIds, { error: 'Une prestation ou une ligne figure deux fois.' }),
  validUntil: IsoDateSchema,
  notes: optionalText(2000),
};

export const QuoteCreateSchema = z.object({
  clientId: IdSchema,
  ...quoteFields,
  jobs: quoteFields.jobs.default([]),
  validUntil: IsoDateSchema.optional(),
});

export const QuoteUpdateSchema = z.object(quoteFields).partial().extend({ version: VersionSchema });

export const QuoteLineSchema = z.object({
  id: IdSchema,
  kind: z.enum(QUOTE_LINE_KINDS),
  description: z.string(),
  reference: z.string().nullable(),
  quantity: z.number(),
  unit: z.enum(QUOTE_UNITS),
  unitPriceCents: z.int(),
  vatRateBp: VatRateBpSchema,
  discountBp: z.int(),
  totalExclVatCents: z.int(),
  accepted: z.boolean().nullable(),
});

export const QuoteJobSchema = z.object({
  id: IdSchema,
  title: z.string(),
  totalExclVatCents: z.int(),
  lines: z.array(QuoteLineSchema),
});

export const QuoteDecisionSchema = z.object({
  channel: z.enum(DECISION_CHANNELS),
  signerName: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const QuoteSchema = RecordMetaSchema.extend({
  clientId: IdSchema,
  clientName: z.string(),
  vehicleId: IdSchema.nullable(),
  vehiclePlate: z.string().nullable(),
  mileageKm: z.int().nullable(),
  status: z.enum(QUOTE_STATUSES),
  number: z.string().nullable(),
  revision: z.int(),
  validUntil: z.string(),
  notes: z.string().nullable(),
  vatExempt: z.boolean(),
  jobs: z.array(QuoteJobSchema),
  totals: QuoteTotalsSchema,
  /** The accepted lines' totals once the client agreed (all lines, or those accepted). */
  acceptedTotals: QuoteTotalsSchema.nullable(),
  sentAt: z.iso.datetime().nullable(),
  decision: QuoteDecisionSchema.nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  archivedAt: z.iso.datetime().nullable(),
}).meta({ id: 'Quote' });

/** A list row: the quote without its lines, and only its three totals. */
export const QuoteSummarySchema = QuoteSchema.omit({
  jobs: true,
  totals: true,
  acceptedTotals: true,
})
  .extend({
    totals: z.object({ exclVatCents: z.int(), vatCents: z.int(), inclVatCents: z.int() }),
    /** What the client agreed to, excl. VAT; null until accepted. */
    acceptedExclVatCents: z.int().nullable(),
  })
  .meta({ id: 'QuoteSummary' });

/** A quote as its list row shows it (a change carries the whole quote). */
export function summarizeQuote(quote: Quote): QuoteSummary {
  const { jobs: _, totals, acceptedTotals, ...rest } = quote;
  return {
    ...rest,
    totals: {
      exclVatCents: totals.exclVatCents,
      vatCents: totals.vatCents,
      inclVatCents: totals.inclVatCents,
    },
    acceptedExclVatCents: acceptedTotals?.exclVatCents ?? null,
  };
}

export const QuoteListQuerySchema = ListQuerySchema.extend({
  /** Newest first: the key is the last row's creation instant. */
  cursor: cursorSchema(IsoInstantSchema).optional(),
  status: z.enum(QUOTE_STATUSES).optional(),
  clientId: IdSchema.optional(),
  vehicleId: IdSchema.optional(),
});

/**
 * `to: 'draft'` on a sent (or decided) quote revises it: the current revision is frozen and a
 * new one opens for editing, keeping the number.
 */
export const QuoteTransitionSchema = z.object({
  to: z.enum(['draft', 'sent', 'accepted', 'partially_accepted', 'refused', 'expired']),
  version: VersionSchema,
  channel: z.enum(DECISION_CHANNELS).optional(),
  signerName: optionalText(150),
  reason: optionalText(500),
  acceptedLineIds: z.array(IdSchema).max(QUOTE_LINES_MAX).optional(),
  /** Refused or declined lines become "travaux à prévoir" on the vehicle. */
  keepDeclinedWork: z.boolean().default(false),
});

export const QuoteRevisionParamSchema = z.object({
  id: IdSchema,
  revision: z.coerce.number().int().min(1).max(INT4_MAX),
});

export type Quote = z.infer<typeof QuoteSchema>;
export type QuoteSummary = z.infer<typeof QuoteSummarySchema>;
export type QuoteLine = z.infer<typeof QuoteLineSchema>;
export type QuoteJob = z.infer<typeof QuoteJobSchema>;
export type QuoteCreate = z.input<typeof QuoteCreateSchema>;
export type QuoteUpdate = z.input<typeof QuoteUpdateSchema>;
export type QuoteTransition = z.input<typeof QuoteTransitionSchema>;

/** `DEV-2026-00042`, the number shown and printed. */
export function formatQuoteNumber(year: number, sequence: number): string {
  return `DEV-${year}-${String(sequence).padStart(5, '0')}`;
}
