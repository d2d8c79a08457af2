import { z } from 'zod';
import type { ErrorCode } from './error-codes';
import { INVOICE_COMPLIANCE_CODES } from './invoice/compliance';
import { COMPLIANCE_CODES } from './quote/compliance';
import { AlertSchema } from './schemas/alert';
import { QuoteSchema } from './schemas/quote';
import { RepairOrderSchema } from './schemas/repair-order';

/**
 * What each error code carries in `details`, declared once: the server's `AppError` is typed by
 * it, and the client reads details through `readDetails`, which checks them with these schemas
 * (no cast on a payload). Codes absent here carry no details.
 */
export const ErrorIssueSchema = z.object({
  path: z.array(z.string()),
  code: z.string(),
  message: z.string(),
});

const ActorSchema = z.object({ id: z.string(), name: z.string() });

export const ERROR_DETAILS = {
  validation_failed: z.array(ErrorIssueSchema),
  /**
   * `current` is the record as it is now, of the entity the request wrote: the editable record
   * that made the request checks it with that entity's schema.
   */
  stale_version: z.object({
    current: z.unknown(),
    changedBy: ActorSchema.nullable(),
    changedAt: z.iso.datetime().nullable(),
  }),
  quote_locked: z.object({ current: QuoteSchema }),
  invalid_transition: z.object({ from: z.string(), to: z.string() }),
  validity_past: z.object({ validUntil: z.string() }),
  compliance_missing: z.object({
    missing: z.array(
      z.object({
        // A quote's check or an invoice's (domain/invoice/compliance.ts), in the same shape.
        code: z.enum([...COMPLIANCE_CODES, ...INVOICE_COMPLIANCE_CODES]),
        message: z.string(),
        where: z.enum(['settings', 'client', 'quote', 'invoice']),
      }),
    ),
  }),
  not_yet_expired: z.object({ validUntil: z.string() }),
  mileage_lower: z.object({ highest: z.object({ date: z.string(), km: z.int() }) }),
  alert_resolved: z.object({ current: AlertSchema }),
  rate_limited: z.object({ retryAfterSeconds: z.int() }),
  piec_choice_missing: z.object({ lineIds: z.array(z.string()) }),
  /** The OR as it is now: the customer reads it again before signing. */
  signature_stale: z.object({ current: RepairOrderSchema }),
  quote_not_accepted: z.object({ status: z.string() }),
  quote_already_ordered: z.object({ repairOrderId: z.string(), number: z.string() }),
  /** The invoice already made of that OR or quote (a draft has no number yet). */
  invoice_exists: z.object({ invoiceId: z.string(), number: z.string().nullable() }),
  repair_order_not_closed: z.object({ status: z.string() }),
  /** Each line asked beyond what is left of it, by its position on the corrected invoice. */
  credit_exceeds_invoice: z.object({
    lines: z.array(z.object({ position: z.int(), remainingQuantity: z.number() })),
  }),
  /** The day closed last: entries dated on or before it are refused. */
  period_closed: z.object({ closedThrough: z.string() }),
  payment_exceeds_balance: z.object({ invoiceId: z.string(), balanceCents: z.int() }),
  refund_exceeds_payment: z.object({ refundableCents: z.int() }),
  /** What the payment still leaves unallocated (its credit), refunds counted. */
  allocation_exceeds_credit: z.object({ unallocatedCents: z.int() }),
  closure_exists: z.object({ closureId: z.string() }),
  /** The period that must be closed first. */
  closure_out_of_order: z.object({ level: z.string(), periodStart: z.string() }),
} satisfies Partial<Record<ErrorCode, z.ZodType>>;

export type ErrorDetails = {
  [C in keyof typeof ERROR_DETAILS]: z.input<(typeof ERROR_DETAILS)[C]>;
};

type DetailCode = keyof typeof ERROR_DETAILS;

/** The details of an error of that code, checked; null for another code or unreadable details. */
export function readDetails<C extends DetailCode>(
  error: unknown,
  code: C,
): z.output<(typeof ERROR_DETAILS)[C]> | null;
export function readDetails(error: unknown, code: DetailCode): unknown {
  if (!isAppErrorLike(error) || error.code !== code) return null;
  const parsed = ERROR_DETAILS[code].safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

function isAppErrorLike(error: unknown): error is { code: unknown; details: unknown } {
  return typeof error === 'object' && error !== null && 'code' in error && 'details' in error;
}
