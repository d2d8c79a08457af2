import { z } from 'zod';
import { IsoDateSchema, IsoInstantSchema } from '../dates';
import { IdSchema, text } from './common';

/*
 * Payments (docs/decisions/0018-journal.md): taken against one or several issued invoices,
 * each one an entry of the journal; never edited. A refund is a new, negative payment. What a
 * payment leaves unallocated is the customer's credit.
 */

export const PAYMENT_METHODS = ['card', 'cash', 'cheque', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Carte bancaire',
  cash: 'Espèces',
  cheque: 'Chèque',
  transfer: 'Virement',
};

export const PAYMENT_KINDS = ['payment', 'refund'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** A single payment's ceiling: ten million euros, far above any garage's bill. */
export const PAYMENT_MAX_CENTS = 1_000_000_000;
/** Cash above 1 000 € from a private customer resident in France is illegal (CMF L112-6). */
export const CASH_LIMIT_CENTS = 100_000;

const PositiveCents = z
  .int({ error: 'Montant en centimes attendu.' })
  .min(1, { error: 'Le montant doit être positif.' })
  .max(PAYMENT_MAX_CENTS, { error: 'Montant invraisemblable.' });

export const PaymentAllocationSchema = z.object({
  invoiceId: IdSchema,
  invoiceNumber: z.string(),
  /** Signed as the payment: a refund's allocations are negative. */
  amountCents: z.int(),
});
export type PaymentAllocation = z.infer<typeof PaymentAllocationSchema>;

export const PaymentSchema = z.object({
  id: IdSchema,
  kind: z.enum(PAYMENT_KINDS),
  method: z.enum(PAYMENT_METHODS),
  /** Signed: a refund is negative. */
  amountCents: z.int(),
  receivedOn: IsoDateSchema,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  clientId: IdSchema.nullable(),
  clientName: z.string().nullable(),
  allocations: z.array(PaymentAllocationSchema),
  /** What is left once allocated: the customer's credit (or, on a refund, the credit refunded). */
  unallocatedCents: z.int(),
  refundsPaymentId: IdSchema.nullable(),
  tillSessionId: IdSchema.nullable(),
  journalSeq: z.int().min(1),
  createdAt: IsoInstantSchema,
  createdByName: z.string().nullable(),
});
export type Payment = z.infer<typeof PaymentSchema>;

const ReferenceSchema = text()
  .trim()
  .max(120)
  .transform((value) => value || null)
  .nullable()
  .default(null);
const NoteSchema = text()
  .trim()
  .max(500)
  .transform((value) => value || null)
  .nullable()
  .default(null);

export const PaymentCreateSchema = z
  .object({
    method: z.enum(PAYMENT_METHODS, { error: 'Moyen de paiement inconnu.' }),
    amountCents: PositiveCents,
    receivedOn: IsoDateSchema,
    reference: ReferenceSchema,
    note: NoteSchema,
    /** Whose payment it is: required when no invoice says it (a deposit of credit). */
    clientId: IdSchema.nullable().default(null),
    allocations: z
      .array(z.object({ invoiceId: IdSchema, amountCents: PositiveCents }))
      .max(50)
      .default([]),
  })
  .superRefine((input, ctx) => {
    const allocated = input.allocations.reduce((sum, line) => sum + line.amountCents, 0);
    if (allocated > input.amountCents) {
      ctx.addIssue({
        code: 'custom',
        path: ['allocations'],
        message: 'Les montants affectés dépassent le montant encaissé.',
      });
    }
    const ids = new Set(input.allocations.map((line) => line.invoiceId));
    if (ids.size !== input.allocations.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['allocations'],
        message: 'Une facture est affectée deux fois.',
      });
    }
    if (input.allocations.length === 0 && !input.clientId) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientId'],
        message: 'Indiquez le client ou la facture réglée.',
      });
    }
  });
export type PaymentCreate = z.input<typeof PaymentCreateSchema>;

export const RefundCreateSchema = z.object({
  amountCents: PositiveCents,
  method: z.enum(PAYMENT_METHODS, { error: 'Moyen de paiement inconnu.' }),
  receivedOn: IsoDateSchema,
  reference: ReferenceSchema,
  note: NoteSchema,
});
export type RefundCreate = z.input<typeof RefundCreateSchema>;

/** A payment's credit (what it left unallocated) put on issued invoices of its client. */
export const CreditAllocateSchema = z.object({
  allocations: z
    .array(z.object({ invoiceId: IdSchema, amountCents: PositiveCents }))
    .min(1, { error: 'Indiquez au moins une facture.' })
    .max(50)
    .refine((lines) => new Set(lines.map((line) => line.invoiceId)).size === lines.length, {
      error: 'Une facture est affectée deux fois.',
    }),
});
export type CreditAllocate = z.input<typeof CreditAllocateSchema>;

export const PaymentListQuerySchema = z
  .object({
    invoiceId: IdSchema.optional(),
    clientId: IdSchema.optional(),
  })
  .refine((query) => Boolean(query.invoiceId) !== Boolean(query.clientId), {
    error: 'Indiquez une facture ou un client.',
  });

/** An invoice's balance: what it asks, what its credit notes took off, what was paid. */
export const InvoiceBalanceSchema = z.object({
  invoiceId: IdSchema,
  number: z.string(),
  issueDate: IsoDateSchema,
  dueDate: IsoDateSchema.nullable(),
  duePayableCents: z.int(),
  creditedCents: z.int(),
  paidCents: z.int(),
  balanceCents: z.int(),
  isOverdue: z.boolean(),
});
export type InvoiceBalance = z.infer<typeof InvoiceBalanceSchema>;

export const ClientBalanceSchema = z.object({
  clientId: IdSchema,
  /** Open invoices, oldest first. */
  invoices: z.array(InvoiceBalanceSchema),
  balanceDueCents: z.int(),
  overdueCents: z.int(),
  /** Paid and not allocated yet: the customer's credit. */
  creditCents: z.int(),
});
export type ClientBalance = z.infer<typeof ClientBalanceSchema>;

export const TillSessionSchema = z.object({
  id: IdSchema,
  openedAt: IsoInstantSchema,
  openedByName: z.string().nullable(),
  openingFloatCents: z.int(),
  cashPaymentsCents: z.int(),
  movementsCents: z.int(),
  expectedCents: z.int(),
  countedCents: z.int().nullable(),
  differenceCents: z.int().nullable(),
  closedAt: IsoInstantSchema.nullable(),
  closedByName: z.string().nullable(),
  movements: z.array(
    z.object({
      id: IdSchema,
      amountCents: z.int(),
      reason: z.string(),
      at: IsoInstantSchema,
      byName: z.string().nullable(),
    }),
  ),
});
export type TillSession = z.infer<typeof TillSessionSchema>;

export const TillOpenSchema = z.object({
  openingFloatCents: z
    .int({ error: 'Montant en centimes attendu.' })
    .min(0, { error: 'Le fond de caisse ne peut pas être négatif.' })
    .max(PAYMENT_MAX_CENTS),
});
export const CashMovementCreateSchema = z.object({
  direction: z.enum(['in', 'out']),
  amountCents: PositiveCents,
  reason: text().trim().min(1, { error: 'Indiquez le motif.' }).max(200),
});
export const TillCountSchema = z.object({
  countedCents: z
    .int({ error: 'Montant en centimes attendu.' })
    .min(0, { error: 'Le comptage ne peut pas être négatif.' })
    .max(PAYMENT_MAX_CENTS),
});
