import { z } from 'zod';
import { IsoDateSchema, IsoInstantSchema } from '../dates';
import { IdSchema } from './common';
import { INVOICE_KINDS } from './invoice';
import { PAYMENT_METHODS } from './payment';

/*
 * The tamper-evident journal (docs/decisions/0018-journal.md): every issued invoice, credit
 * note, payment, refund, cash movement and closure is one entry, appended in the write's own
 * transaction. What an entry says is its `content`, serialised canonically
 * (domain/journal/canonical.ts) and chained: hash = SHA-256(previous hash ‖ canonical bytes).
 */

export const JOURNAL_ENTRY_KINDS = [
  'invoice_issued',
  'payment',
  'refund',
  'till_opened',
  'cash_movement',
  'till_counted',
  'closure',
  'credit_allocated',
] as const;
export type JournalEntryKind = (typeof JOURNAL_ENTRY_KINDS)[number];

export const JOURNAL_ENTRY_KIND_LABELS: Record<JournalEntryKind, string> = {
  invoice_issued: 'Facture émise',
  payment: 'Encaissement',
  refund: 'Remboursement',
  till_opened: 'Ouverture de caisse',
  cash_movement: 'Mouvement de caisse',
  till_counted: 'Comptage de caisse',
  closure: 'Clôture',
  credit_allocated: 'Affectation d’un crédit',
};

export const CLOSURE_LEVELS = ['day', 'month', 'year'] as const;
export type ClosureLevel = (typeof CLOSURE_LEVELS)[number];
export const CLOSURE_LEVEL_LABELS: Record<ClosureLevel, string> = {
  day: 'Journée',
  month: 'Mois',
  year: 'Année',
};

const Cents = z
  .int()
  .min(-(2 ** 53 - 1))
  .max(2 ** 53 - 1);
const ActorSchema = z.object({ id: z.string(), name: z.string() }).nullable();

/** One VAT rate's base and tax, signed (a credit note's are negative). */
export const VatAmountSchema = z.object({
  vatRateBp: z.int(),
  baseCents: Cents,
  vatCents: Cents,
});
export type VatAmount = z.infer<typeof VatAmountSchema>;

export const InvoiceIssuedContentSchema = z.object({
  kind: z.literal('invoice_issued'),
  invoiceId: IdSchema,
  number: z.string(),
  invoiceKind: z.enum(INVOICE_KINDS),
  issueDate: IsoDateSchema,
  clientId: IdSchema.nullable(),
  buyerName: z.string(),
  /** A private customer (no SIREN, no VAT number): the B2C summary counts it. */
  isB2c: z.boolean(),
  /** Signed: a credit note's amounts are negative, so sums are the garage's sales. */
  vat: z.array(VatAmountSchema),
  totalExclVatCents: Cents,
  totalVatCents: Cents,
  totalInclVatCents: Cents,
  /** What the customer owes on it (deposits deducted), signed as the totals. */
  duePayableCents: Cents,
  ciiSha256: z.string().nullable(),
  /**
   * A credit note's: the kind of the invoice it corrects (a deposit's credit note is no sale).
   * Absent from entries written before it was recorded.
   */
  correctsKind: z.enum(INVOICE_KINDS).nullable().optional(),
});

export const PaymentAllocationContentSchema = z.object({
  invoiceId: IdSchema,
  number: z.string(),
  amountCents: Cents,
});

export const PaymentContentSchema = z.object({
  kind: z.enum(['payment', 'refund']),
  paymentId: IdSchema,
  method: z.enum(PAYMENT_METHODS),
  /** Signed: a refund is negative. */
  amountCents: Cents,
  receivedOn: IsoDateSchema,
  reference: z.string().nullable(),
  clientId: IdSchema.nullable(),
  isB2c: z.boolean(),
  allocations: z.array(PaymentAllocationContentSchema),
  refundsPaymentId: IdSchema.nullable(),
  tillSessionId: IdSchema.nullable(),
});

/**
 * A payment's credit (what it left unallocated) put on later invoices of its client: no money
 * changes hands, so closures and the FEC count nothing for it; the balances it changes are
 * the invoices' (decision 0018).
 */
export const CreditAllocatedContentSchema = z.object({
  kind: z.literal('credit_allocated'),
  paymentId: IdSchema,
  clientId: IdSchema,
  isB2c: z.boolean(),
  allocations: z.array(PaymentAllocationContentSchema).min(1),
});

export const TillOpenedContentSchema = z.object({
  kind: z.literal('till_opened'),
  tillSessionId: IdSchema,
  openingFloatCents: Cents,
});

export const CashMovementContentSchema = z.object({
  kind: z.literal('cash_movement'),
  tillSessionId: IdSchema,
  movementId: IdSchema,
  /** Signed: cash put in the drawer is positive, taken out negative. */
  amountCents: Cents,
  reason: z.string(),
});

export const TillCountedContentSchema = z.object({
  kind: z.literal('till_counted'),
  tillSessionId: IdSchema,
  expectedCents: Cents,
  countedCents: Cents,
  differenceCents: Cents,
});

export const PaymentMethodAmountSchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  amountCents: Cents,
});

/** What a closure sums (domain/journal/closure.ts). */
export const ClosureTotalsSchema = z.object({
  entryCount: z.int().min(0),
  invoiceCount: z.int().min(0),
  creditNoteCount: z.int().min(0),
  vat: z.array(VatAmountSchema),
  totalExclVatCents: Cents,
  totalVatCents: Cents,
  totalInclVatCents: Cents,
  /**
   * Deposit invoices, less their credit notes, TTC: advances, not sales (the final invoice
   * sells the whole job). Absent from closures written before it was recorded.
   */
  depositsInclVatCents: Cents.default(0),
  payments: z.array(PaymentMethodAmountSchema),
  paymentsTotalCents: Cents,
  cashMovementsCents: Cents,
});
export type ClosureTotals = z.infer<typeof ClosureTotalsSchema>;

/** Cumulative since the journal's first entry (the perpetual grand totals). */
export const PerpetualTotalsSchema = z.object({
  totalInclVatCents: Cents,
  /** Sales and credit notes both counted positive: it only ever grows. */
  absoluteInclVatCents: Cents,
  paymentsTotalCents: Cents,
});
export type PerpetualTotals = z.infer<typeof PerpetualTotalsSchema>;

export const ClosureContentSchema = z.object({
  kind: z.literal('closure'),
  closureId: IdSchema,
  level: z.enum(CLOSURE_LEVELS),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  /** The entries it sums: after the previous closure of its level, up to this one. */
  firstSeq: z.int().min(1).nullable(),
  lastSeq: z.int().min(1).nullable(),
  totals: ClosureTotalsSchema,
  perpetual: PerpetualTotalsSchema,
});

export const JournalContentSchema = z.discriminatedUnion('kind', [
  InvoiceIssuedContentSchema,
  PaymentContentSchema,
  TillOpenedContentSchema,
  CashMovementContentSchema,
  TillCountedContentSchema,
  ClosureContentSchema,
  CreditAllocatedContentSchema,
]);
export type JournalContent = z.infer<typeof JournalContentSchema>;
export type JournalContentOf<K extends JournalEntryKind> = Extract<JournalContent, { kind: K }>;

/**
 * What is hashed: the content with its place (seq), its time (UTC) and its Paris day, and who
 * recorded it. Moving an entry, or changing when or by whom, changes its hash.
 */
export const JournalRecordSchema = z.object({
  seq: z.int().min(1),
  recordedAt: IsoInstantSchema,
  day: IsoDateSchema,
  actor: ActorSchema,
  content: JournalContentSchema,
});
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

/** A stored entry: the canonical text exactly as hashed, its chain link and its signature. */
export const JournalEntrySchema = z.object({
  seq: z.int().min(1),
  kind: z.enum(JOURNAL_ENTRY_KINDS),
  recordedAt: IsoInstantSchema,
  day: IsoDateSchema,
  canonical: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  signature: z.string(),
  keyId: z.string(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const JOURNAL_PROBLEMS = [
  'altered',
  'removed',
  'inserted',
  'signature',
  'truncated',
] as const;
export type JournalProblem = (typeof JOURNAL_PROBLEMS)[number];

export const JOURNAL_PROBLEM_LABELS: Record<JournalProblem, string> = {
  altered: 'Écriture modifiée',
  removed: 'Écriture manquante ou déplacée',
  inserted: 'Écriture insérée',
  signature: 'Signature invalide ou clé inconnue',
  truncated: 'Fin du journal supprimée',
};

export const JournalVerificationSchema = z.object({
  ok: z.boolean(),
  entryCount: z.int().min(0),
  lastSeq: z.int().min(0),
  lastHash: z.string().nullable(),
  signaturesChecked: z.int().min(0),
  keyId: z.string(),
  /** The first entry found wrong, if any: verification stops there. */
  problem: z
    .object({
      seq: z.int().min(0),
      kind: z.enum(JOURNAL_PROBLEMS),
      message: z.string(),
    })
    .nullable(),
  checkedAt: IsoInstantSchema,
});
export type JournalVerification = z.infer<typeof JournalVerificationSchema>;

export const ClosureSchema = z.object({
  id: IdSchema,
  level: z.enum(CLOSURE_LEVELS),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  journalSeq: z.int().min(1),
  totals: ClosureTotalsSchema,
  perpetual: PerpetualTotalsSchema,
  closedAt: IsoInstantSchema,
  closedByName: z.string().nullable(),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const ClosureCreateSchema = z.object({
  level: z.enum(CLOSURE_LEVELS),
  /** The day, or any day of the month or the year, to close (Paris). */
  date: IsoDateSchema,
});
export type ClosureCreate = z.infer<typeof ClosureCreateSchema>;

export const ClosureListQuerySchema = z.object({
  level: z.enum(CLOSURE_LEVELS).optional(),
});
export type ClosureListQuery = z.infer<typeof ClosureListQuerySchema>;
