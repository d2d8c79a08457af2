import { z } from 'zod';
import { IsoInstantSchema } from '../dates';
import { QuoteLineInputSchema } from '../quote/totals';
import { QUOTE_LINES_MAX } from './bounds';
import { CLIENT_KINDS } from './client';
import {
  cursorSchema,
  IdSchema,
  INT4_MAX,
  optionalText,
  RecordMetaSchema,
  text,
  VersionSchema,
} from './common';
import { PART_CONDITIONS } from './repair-order';

/**
 * An invoice, a credit note (avoir) or a deposit invoice (facture d'acompte): what is stored and
 * what `buildCiiInvoice` turns into EN 16931 data (decision 0017). Everything about the parties
 * is a snapshot taken into the invoice, so that an issued invoice never changes when the garage
 * or the client is edited later. Money is integer cents, dates are `YYYY-MM-DD` (the Paris
 * calendar day, as printed), instants are UTC ISO strings.
 */

export const INVOICE_KINDS = ['invoice', 'credit_note', 'deposit'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** BT-3, UNTDID 1001: commercial invoice, credit note, prepayment (deposit) invoice. */
export const INVOICE_TYPE_CODES: Record<InvoiceKind, '380' | '381' | '386'> = {
  invoice: '380',
  credit_note: '381',
  deposit: '386',
};

export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = {
  invoice: 'Facture',
  credit_note: 'Avoir',
  deposit: 'Facture d’acompte',
};

export const INVOICE_STATUSES = ['draft', 'issued'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The category of the operation, a mandatory mention since the reform (and BT-23's letter). */
export const OPERATION_CATEGORIES = ['services', 'goods', 'mixed'] as const;
export type OperationCategory = (typeof OPERATION_CATEGORIES)[number];
export const OPERATION_CATEGORY_LABELS: Record<OperationCategory, string> = {
  services: 'Prestations de services',
  goods: 'Livraison de biens',
  mixed: 'Livraison de biens et prestations de services',
};

/** The recovery indemnity owed by a business paying late (Code de commerce, D. 441-5). */
export const RECOVERY_INDEMNITY_CENTS = 4000;

/**
 * Invoices and deposit invoices share one gapless sequence per year (`FAC`), credit notes have
 * their own (`AV`): an invoice number never depends on how many credit notes were made.
 */
export function getInvoiceNumberPrefix(kind: InvoiceKind): 'FAC' | 'AV' {
  return kind === 'credit_note' ? 'AV' : 'FAC';
}

export function formatInvoiceNumber(kind: InvoiceKind, year: number, sequence: number): string {
  return `${getInvoiceNumberPrefix(kind)}-${year}-${String(sequence).padStart(5, '0')}`;
}

export const INVOICE_NUMBER_PATTERN = /^(FAC|AV)-\d{4}-\d{5,}$/;

const IsoDateSchema = z.iso.date({ error: 'Date invalide (AAAA-MM-JJ).' });

const SnapshotAddressSchema = z.object({
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().regex(/^[A-Z]{2}$/),
});
export type SnapshotAddress = z.infer<typeof SnapshotAddressSchema>;

/**
 * Where the invoice is delivered through the e-invoicing network (BT-34 / BT-49): `0225` is the
 * French directory's address (it starts with the SIREN), `EM` an e-mail address.
 */
export const ELECTRONIC_ADDRESS_SCHEMES = ['0225', 'EM'] as const;
export const ElectronicAddressSchema = z.object({
  scheme: z.enum(ELECTRONIC_ADDRESS_SCHEMES),
  value: text().trim().min(1).max(125),
});
export type ElectronicAddress = z.infer<typeof ElectronicAddressSchema>;

const SiretSchema = z.string().regex(/^\d{14}$/, { error: 'SIRET : 14 chiffres.' });

/** The garage as it was when the invoice was made (settings' company, decision 0017). */
export const InvoiceSellerSchema = z.object({
  name: z.string().nullable(),
  legalForm: z.string().nullable(),
  capital: z.string().nullable(),
  address: SnapshotAddressSchema,
  siret: SiretSchema.nullable(),
  /** "RCS Lyon 123 456 789" or "RM …". */
  registry: z.string().nullable(),
  vatNumber: z.string().nullable(),
  /** Franchise en base (CGI, art. 293 B): no VAT, category E on every line. */
  vatExempt: z.boolean(),
  /** "Option pour le paiement de la taxe d'après les débits" (services). */
  vatOnDebits: z.boolean(),
  electronicAddress: ElectronicAddressSchema.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type InvoiceSeller = z.infer<typeof InvoiceSellerSchema>;

export const InvoiceBuyerSchema = z.object({
  clientId: IdSchema.nullable(),
  kind: z.enum(CLIENT_KINDS),
  /** The printed name: the company name, or civility, first and last name. */
  name: z.string(),
  address: SnapshotAddressSchema,
  siret: SiretSchema.nullable(),
  vatNumber: z.string().nullable(),
  electronicAddress: ElectronicAddressSchema.nullable(),
  /** Null when the delivery (the car handed back) is at the billing address. */
  deliveryAddress: SnapshotAddressSchema.nullable(),
});
export type InvoiceBuyer = z.infer<typeof InvoiceBuyerSchema>;

export const InvoiceVehicleSchema = z.object({
  vehicleId: IdSchema.nullable(),
  plate: z.string(),
  /** Mileage at hand-back, in km. */
  mileageKm: z.int().min(0).max(INT4_MAX).nullable(),
  label: z.string().nullable(),
});
export type InvoiceVehicle = z.infer<typeof InvoiceVehicleSchema>;

/** A quote's line (the same arithmetic, decision 0017) with the part's condition. */
export const InvoiceLineSchema = QuoteLineInputSchema.extend({
  /** Arrêté du 27 mars 1987: new, exchange-standard or from the circular economy; parts only. */
  partCondition: z
    .enum(PART_CONDITIONS)
    .nullish()
    .transform((value) => value ?? null),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;
export type InvoiceLineInput = z.input<typeof InvoiceLineSchema>;

/** Another invoice this one points to: the one a credit note corrects, a deducted deposit. */
export const InvoiceReferenceSchema = z.object({
  invoiceId: IdSchema,
  number: z.string().regex(INVOICE_NUMBER_PATTERN),
  issueDate: IsoDateSchema,
});
export type InvoiceReference = z.infer<typeof InvoiceReferenceSchema>;

export const DeductedDepositSchema = InvoiceReferenceSchema.extend({
  /** What the deposit invoice asked for, VAT included (its BT-112). */
  amountInclVatCents: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type DeductedDeposit = z.infer<typeof DeductedDepositSchema>;

export const InvoicePaymentSchema = z.object({
  dueDate: IsoDateSchema.nullable(),
  /** BT-20, e.g. "Paiement à la restitution du véhicule, par carte ou virement." */
  terms: optionalText(1000),
  /** Annual late-payment penalty rate, basis points (e.g. 1215 = 12,15 %, 3 × the legal rate). */
  latePenaltyRateBp: z.int().min(1).max(100_000).nullable(),
  /** Early-payment discount granted, as printed; null is "Pas d'escompte pour paiement anticipé". */
  earlyPaymentDiscount: optionalText(300),
});
export type InvoicePayment = z.infer<typeof InvoicePaymentSchema>;

export const InvoiceOriginSchema = z.object({
  repairOrderId: IdSchema.nullable(),
  repairOrderNumber: z.string().nullable(),
  quoteId: IdSchema.nullable(),
  quoteNumber: z.string().nullable(),
});
export type InvoiceOrigin = z.infer<typeof InvoiceOriginSchema>;

/** What a draft holds and the editor changes; issued, it is frozen with its number and dates. */
export const InvoiceContentSchema = z.object({
  kind: z.enum(INVOICE_KINDS),
  seller: InvoiceSellerSchema,
  buyer: InvoiceBuyerSchema,
  vehicle: InvoiceVehicleSchema.nullable(),
  /** The date the service was completed or the goods delivered (BT-72); a deposit has none. */
  serviceDate: IsoDateSchema.nullable(),
  operationCategory: z.enum(OPERATION_CATEGORIES),
  lines: z
    .array(InvoiceLineSchema)
    .max(QUOTE_LINES_MAX, { error: `Une facture compte au plus ${QUOTE_LINES_MAX} lignes.` }),
  payment: InvoicePaymentSchema,
  /** The invoice a credit note corrects (BT-25, BT-26), for all or part of it. */
  corrects: InvoiceReferenceSchema.nullable(),
  /** The deposit invoices a final invoice deducts: their sum is the prepaid amount (BT-113). */
  deductedDeposits: z.array(DeductedDepositSchema).max(20),
  origin: InvoiceOriginSchema,
  /** Free note printed under the lines. */
  note: optionalText(2000),
});
export type InvoiceContent = z.infer<typeof InvoiceContentSchema>;

/** The rules that tie fields together, checked on the content a draft is saved with. */
export const InvoiceContentCheckedSchema = InvoiceContentSchema.superRefine((invoice, ctx) => {
  if (invoice.kind === 'credit_note' && !invoice.corrects) {
    ctx.addIssue({
      code: 'custom',
      path: ['corrects'],
      message: 'Un avoir référence la facture qu’il corrige.',
    });
  }
  if (invoice.kind !== 'credit_note' && invoice.corrects) {
    ctx.addIssue({
      code: 'custom',
      path: ['corrects'],
      message: 'Seul un avoir référence une facture corrigée.',
    });
  }
  if (invoice.kind !== 'invoice' && invoice.deductedDeposits.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['deductedDeposits'],
      message: 'Seule une facture définitive déduit des acomptes.',
    });
  }
  invoice.lines.forEach((line, index) => {
    if (line.kind !== 'part' && line.partCondition !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines', index, 'partCondition'],
        message:
          'L’état (neuve, échange standard, économie circulaire) ne concerne que les pièces.',
      });
    }
  });
});

export const InvoiceSchema = RecordMetaSchema.extend({
  ...InvoiceContentSchema.shape,
  status: z.enum(INVOICE_STATUSES),
  /** `FAC-YYYY-NNNNN` / `AV-YYYY-NNNNN`, assigned on issue; null while a draft. */
  number: z.string().regex(INVOICE_NUMBER_PATTERN).nullable(),
  /** BT-2, assigned on issue. */
  issueDate: IsoDateSchema.nullable(),
  issuedAt: z.iso.datetime().nullable(),
}).meta({ id: 'Invoice' });
export type Invoice = z.infer<typeof InvoiceSchema>;

/** An invoice the CII can be built from: issued, so numbered and dated. */
export type IssuedInvoice = Invoice & { status: 'issued'; number: string; issueDate: string };

export function isIssuedInvoice(invoice: Invoice): invoice is IssuedInvoice {
  return invoice.status === 'issued' && invoice.number !== null && invoice.issueDate !== null;
}

/*
 * The API's inputs (decision 0017, "Server"). A draft is made from something the garage did:
 * a handed-back OR, an accepted quote sold over the counter, or a deposit asked on either.
 */

const InvoiceLinesSchema = InvoiceContentSchema.shape.lines;

export const InvoiceCreateSchema = z.union([
  z.object({ repairOrderId: IdSchema }).strict(),
  z.object({ quoteId: IdSchema }).strict(),
  z
    .object({
      kind: z.literal('deposit'),
      repairOrderId: IdSchema.optional(),
      quoteId: IdSchema.optional(),
      lines: InvoiceLinesSchema.min(1, { error: 'Un acompte a au moins une ligne.' }),
    })
    .strict()
    .refine((input) => (input.repairOrderId === undefined) !== (input.quoteId === undefined), {
      error: 'Un acompte porte sur un ordre de réparation ou sur un devis.',
      path: ['repairOrderId'],
    }),
]);
export type InvoiceCreate = z.input<typeof InvoiceCreateSchema>;

/** What a draft's editor changes; the parties stay the snapshots taken at creation. */
export const InvoiceUpdateSchema = z
  .object({
    version: VersionSchema,
    serviceDate: IsoDateSchema.nullable(),
    operationCategory: z.enum(OPERATION_CATEGORIES),
    /** Not on a credit note: its lines are chosen from the invoice when it is made. */
    lines: InvoiceLinesSchema,
    payment: InvoicePaymentSchema.partial(),
    mileageKm: z.int().min(0).max(INT4_MAX).nullable(),
    deliveryAddress: SnapshotAddressSchema.nullable(),
    note: optionalText(2000),
  })
  .partial()
  .required({ version: true })
  .strict();
export type InvoiceUpdate = z.input<typeof InvoiceUpdateSchema>;

/** All of the invoice (no `lines`) or some of its lines, by position, for some quantity. */
export const CreditNoteCreateSchema = z
  .object({
    lines: z
      .array(
        z.object({
          position: z.int().min(0).max(QUOTE_LINES_MAX),
          /** What is left of the line when omitted. */
          quantity: QuoteLineInputSchema.shape.quantity.optional(),
        }),
      )
      .min(1)
      .max(QUOTE_LINES_MAX)
      .optional(),
    note: optionalText(2000),
  })
  .strict();
export type CreditNoteCreate = z.input<typeof CreditNoteCreateSchema>;

export const InvoiceListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Newest first: the key is the last row's creation instant. */
  cursor: cursorSchema(IsoInstantSchema).optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  kind: z.enum(INVOICE_KINDS).optional(),
  clientId: IdSchema.optional(),
  repairOrderId: IdSchema.optional(),
  /** The period, on the issue date (Paris days, both included): drafts are outside any. */
  issuedFrom: IsoDateSchema.optional(),
  issuedTo: IsoDateSchema.optional(),
});
