import { z } from 'zod';
import { IsoDateSchema } from '../dates';
import { PaymentMethodAmountSchema, VatAmountSchema } from './journal';

/* The accountant's and the tax office's exports of the journal (docs/decisions/0018-journal.md). */

/** A year at most: a FEC covers an exercise. */
export const EXPORT_RANGE_MAX_DAYS = 366;

export const DateRangeQuerySchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((range) => range.from <= range.to, {
    error: 'La date de fin précède la date de début.',
    path: ['to'],
  });
export type DateRangeQuery = z.infer<typeof DateRangeQuerySchema>;

export const ArchiveQuerySchema = z.object({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, {
    error: 'Période attendue : AAAA, AAAA-MM ou AAAA-MM-JJ.',
  }),
});

export const B2cDaySchema = z.object({
  day: IsoDateSchema,
  invoiceCount: z.int(),
  creditNoteCount: z.int(),
  vat: z.array(VatAmountSchema),
  totalExclVatCents: z.int(),
  totalVatCents: z.int(),
  totalInclVatCents: z.int(),
  /** Deposits invoiced, less their credit notes: advances, not sales (decision 0018). */
  depositsInclVatCents: z.int(),
  payments: z.array(PaymentMethodAmountSchema),
  paymentsTotalCents: z.int(),
});

/** What e-reporting asks of sales to private customers (from September 2027), day by day. */
export const B2cSummarySchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  days: z.array(B2cDaySchema),
});
export type B2cSummary = z.infer<typeof B2cSummarySchema>;
