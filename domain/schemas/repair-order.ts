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
import {
  cursorSchema,
  IdSchema,
  ListQuerySchema,
  optionalText,
  RecordMetaSchema,
  VersionSchema,
} from './common';

/**
 * The repair order ("ordre de réparation", OR): what the customer authorised, the vehicle's
 * check-in, the work through the workshop, extra work authorised again, the hand-back. Its life
 * is in domain/repair-order/transitions.ts.
 */
export const REPAIR_ORDER_STATUSES = [
  'todo',
  'in_progress',
  'waiting_parts',
  'waiting_approval',
  'done',
  'handed_back',
] as const;
export type RepairOrderStatus = (typeof REPAIR_ORDER_STATUSES)[number];
export const REPAIR_ORDER_STATUS_LABELS: Record<RepairOrderStatus, string> = {
  todo: 'À faire',
  in_progress: 'En cours',
  waiting_parts: 'En attente de pièces',
  waiting_approval: 'En attente d’accord',
  done: 'Terminé',
  handed_back: 'Restitué',
};

export const REPAIR_ORDER_ORIGINS = ['quote', 'walk_in', 'warranty'] as const;
export type RepairOrderOrigin = (typeof REPAIR_ORDER_ORIGINS)[number];
export const REPAIR_ORDER_ORIGIN_LABELS: Record<RepairOrderOrigin, string> = {
  quote: 'Devis accepté',
  walk_in: 'Intervention directe',
  warranty: 'Garantie',
};

export const FUEL_LEVELS = ['reserve', 'quarter', 'half', 'three_quarters', 'full'] as const;
export type FuelLevel = (typeof FUEL_LEVELS)[number];
export const FUEL_LEVEL_LABELS: Record<FuelLevel, string> = {
  reserve: 'Réserve',
  quarter: '1/4',
  half: '1/2',
  three_quarters: '3/4',
  full: 'Plein',
};

/**
 * The part categories for which the garage must offer parts from the circular economy (PIEC),
 * Code de la consommation, art. R. 224-23 (décret n° 2016-703, as amended).
 */
export const PIEC_CATEGORIES = [
  'body',
  'interior',
  'glazing',
  'optics',
  'mechanical_electronic',
] as const;
export type PiecCategory = (typeof PIEC_CATEGORIES)[number];
export const PIEC_CATEGORY_LABELS: Record<PiecCategory, string> = {
  body: 'Pièce de carrosserie amovible',
  interior: 'Garnissage intérieur, sellerie',
  glazing: 'Vitrage non collé',
  optics: 'Pièce optique',
  mechanical_electronic: 'Pièce mécanique ou électronique',
};

/** What the customer chose for a part of a PIEC category: offered (no answer yet), or decided. */
export const PIEC_CHOICES = ['proposed', 'accepted', 'refused'] as const;
export type PiecChoice = (typeof PIEC_CHOICES)[number];
export const PIEC_CHOICE_LABELS: Record<PiecChoice, string> = {
  proposed: 'PIEC proposée',
  accepted: 'PIEC acceptée',
  refused: 'PIEC refusée (pièce neuve)',
};

/** A part as the invoice prints it (arrêté du 27 mars 1987): new, exchange-standard, reused. */
export const PART_CONDITIONS = ['new', 'exchange', 'circular'] as const;
export type PartCondition = (typeof PART_CONDITIONS)[number];
export const PART_CONDITION_LABELS: Record<PartCondition, string> = {
  new: 'Neuve',
  exchange: 'Échange standard',
  circular: 'Issue de l’économie circulaire',
};

export const SIGNATURE_KINDS = ['check_in', 'amendment', 'hand_back'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export const AMENDMENT_STATUSES = ['pending', 'authorised', 'refused'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
export const AMENDMENT_STATUS_LABELS: Record<AmendmentStatus, string> = {
  pending: 'En attente d’accord',
  authorised: 'Autorisés',
  refused: 'Refusés',
};

export const CLOCK_ACTIONS = ['start', 'pause', 'stop'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

/** A drawn signature, as a PNG data URL: 200 KB is plenty for a pad's strokes. */
export const SIGNATURE_IMAGE_MAX_BYTES = 200 * 1024;
/** A check-in photo, resized in the browser before it is sent. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTOS_MAX = 20;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const ActorSchema = z.object({ id: z.string(), name: z.string() });

const SignatureImageSchema = z
  .string()
  .max(Math.ceil((SIGNATURE_IMAGE_MAX_BYTES * 4) / 3) + 40, {
    error: 'La signature est trop lourde.',
  })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, {
    error: 'La signature doit être une image PNG.',
  });

// ─── Lines and jobs ──────────────────────────────────────────────────────────

export const RepairOrderLineEditSchema = QuoteLineInputSchema.extend({
  id: IdSchema.optional(),
  piecCategory: z
    .enum(PIEC_CATEGORIES)
    .nullish()
    .transform((value) => value ?? null),
  piecChoice: z
    .enum(PIEC_CHOICES)
    .nullish()
    .transform((value) => value ?? null),
  partCondition: z
    .enum(PART_CONDITIONS)
    .nullish()
    .transform((value) => value ?? null),
});

export const RepairOrderJobEditSchema = JobInputSchema.extend({
  id: IdSchema.optional(),
  lines: z.array(RepairOrderLineEditSchema).max(200),
  technicianId: IdSchema.nullish().transform((value) => value ?? null),
});

export const RepairOrderLineSchema = z.object({
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
  piecCategory: z.enum(PIEC_CATEGORIES).nullable(),
  piecChoice: z.enum(PIEC_CHOICES).nullable(),
  partCondition: z.enum(PART_CONDITIONS).nullable(),
});

export const RepairOrderJobSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** Null for the work ordered at opening; the amendment that added it otherwise. */
  amendmentId: IdSchema.nullable(),
  technicianId: IdSchema.nullable(),
  technicianName: z.string().nullable(),
  lines: z.array(RepairOrderLineSchema),
  totalExclVatCents: z.int(),
  /** Labour sold on the job (its `h` labour lines), in minutes. */
  soldMinutes: z.int(),
  /** Time clocked on the job by the technicians, in minutes, up to now. */
  clockedMinutes: z.int(),
  /** Who is clocked on the job now. */
  clockedOn: z.array(ActorSchema),
});

// ─── Signatures, amendments, photos, clocking ───────────────────────────────

export const SignatureSchema = z.object({
  id: IdSchema,
  kind: z.enum(SIGNATURE_KINDS),
  signerName: z.string(),
  signedAt: z.iso.datetime(),
  recordedBy: ActorSchema.nullable(),
  /** SHA-256 of the OR version the customer saw and signed (`hashRepairOrderVersion`). */
  versionHash: z.string(),
  version: z.int(),
  /** The amendment a signature of kind `amendment` answers; null for the other kinds. */
  amendmentId: IdSchema.nullable(),
});

export const SignatureInputSchema = z.object({
  version: VersionSchema,
  kind: z.enum(SIGNATURE_KINDS),
  signerName: z
    .string()
    .trim()
    .min(2, { error: 'Saisissez le nom du signataire.' })
    .max(150, { error: '150 caractères au maximum.' }),
  image: SignatureImageSchema,
  /** The hash the screen computed of what it showed: the server refuses a stale one. */
  versionHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Empreinte invalide.' }),
  amendmentId: IdSchema.optional(),
});

export const AmendmentDecisionSchema = z.object({
  decision: z.enum(['authorised', 'refused']),
  channel: z.enum(['signature', 'phone']),
  decidedAt: z.iso.datetime(),
  recordedBy: ActorSchema.nullable(),
  /** By phone: who called whom, when. */
  call: z.object({ caller: z.string(), callee: z.string(), calledAt: z.iso.datetime() }).nullable(),
  signatureId: IdSchema.nullable(),
  reason: z.string().nullable(),
});

export const AmendmentSchema = z.object({
  id: IdSchema,
  status: z.enum(AMENDMENT_STATUSES),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: ActorSchema.nullable(),
  /** The jobs it adds (also in the OR's `jobs`, with this `amendmentId`). */
  jobIds: z.array(IdSchema),
  totalExclVatCents: z.int(),
  decision: AmendmentDecisionSchema.nullable(),
});

export const AmendmentCreateSchema = z.object({
  version: VersionSchema,
  note: optionalText(1000),
  jobs: z
    .array(RepairOrderJobEditSchema)
    .min(1, { error: 'Ajoutez au moins une prestation.' })
    .max(20),
});

export const AmendmentDecisionInputSchema = z
  .object({
    version: VersionSchema,
    decision: z.enum(['authorised', 'refused']),
    channel: z.enum(['signature', 'phone']),
    /** By phone: who called whom, and when (Paris time typed, sent as UTC). */
    caller: optionalText(150),
    callee: optionalText(150),
    calledAt: z.iso
      .datetime()
      .nullish()
      .transform((value) => value ?? null),
    /** With a signature: the one recorded first through `/signatures` (kind `amendment`). */
    signatureId: IdSchema.nullish().transform((value) => value ?? null),
    reason: optionalText(500),
    /** Refused work becomes "travaux à prévoir" on the vehicle. */
    keepDeclinedWork: z.boolean().default(true),
  })
  .refine(
    (input) => input.channel !== 'phone' || Boolean(input.caller && input.callee && input.calledAt),
    {
      path: ['caller'],
      error: 'Par téléphone : indiquez qui a appelé qui, et quand.',
    },
  )
  .refine((input) => input.channel !== 'signature' || Boolean(input.signatureId), {
    path: ['signatureId'],
    error: 'Faites d’abord signer le client.',
  });

export const PhotoSchema = z.object({
  id: IdSchema,
  contentType: z.enum(PHOTO_TYPES),
  bytes: z.int(),
  width: z.int(),
  height: z.int(),
  createdAt: z.iso.datetime(),
  createdBy: ActorSchema.nullable(),
});

export const ClockEventSchema = z.object({
  id: IdSchema,
  jobId: IdSchema,
  technician: ActorSchema,
  action: z.enum(CLOCK_ACTIONS),
  at: z.iso.datetime(),
});

export const ClockInputSchema = z.object({
  jobId: IdSchema,
  action: z.enum(CLOCK_ACTIONS),
});

// ─── Check-in and hand-back ─────────────────────────────────────────────────

export const CheckInSchema = z.object({
  mileageKm: z.int().nullable(),
  fuelLevel: z.enum(FUEL_LEVELS).nullable(),
  damage: z.string().nullable(),
  notes: z.string().nullable(),
  keysTag: z.string().nullable(),
  checkedInAt: z.iso.datetime().nullable(),
});

export const HandBackChecklistSchema = z.object({
  workDone: z.boolean(),
  declinedWorkReminded: z.boolean(),
  nextDueReminded: z.boolean(),
});

export const HandBackSchema = z.object({
  checklist: HandBackChecklistSchema,
  handedBackAt: z.iso.datetime(),
  handedBackBy: ActorSchema.nullable(),
  signatureId: IdSchema,
});

export const HandBackInputSchema = z.object({
  version: VersionSchema,
  checklist: HandBackChecklistSchema,
  /** The customer's signature of the hand-back, recorded first (kind `hand_back`). */
  signatureId: IdSchema,
});

// ─── The repair order ───────────────────────────────────────────────────────

export const RepairOrderSchema = RecordMetaSchema.extend({
  number: z.string(),
  status: z.enum(REPAIR_ORDER_STATUSES),
  origin: z.enum(REPAIR_ORDER_ORIGINS),
  clientId: IdSchema,
  clientName: z.string(),
  vehicleId: IdSchema,
  vehiclePlate: z.string(),
  vehicleLabel: z.string(),
  quoteId: IdSchema.nullable(),
  quoteNumber: z.string().nullable(),
  technicianId: IdSchema.nullable(),
  technicianName: z.string().nullable(),
  promisedAt: z.iso.datetime().nullable(),
  checkIn: CheckInSchema,
  jobs: z.array(RepairOrderJobSchema),
  amendments: z.array(AmendmentSchema),
  signatures: z.array(SignatureSchema),
  photos: z.array(PhotoSchema),
  handBack: HandBackSchema.nullable(),
  vatExempt: z.boolean(),
  /** Totals of the authorised work (the work ordered, and the amendments authorised). */
  totals: QuoteTotalsSchema,
  notes: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  createdBy: ActorSchema.nullable(),
}).meta({ id: 'RepairOrder' });

/** A card of the workshop board: what it shows, nothing more. */
export const RepairOrderCardSchema = RepairOrderSchema.pick({
  id: true,
  version: true,
  number: true,
  status: true,
  clientId: true,
  clientName: true,
  vehicleId: true,
  vehiclePlate: true,
  vehicleLabel: true,
  technicianId: true,
  technicianName: true,
  promisedAt: true,
  createdAt: true,
  updatedAt: true,
})
  .extend({
    soldMinutes: z.int(),
    clockedMinutes: z.int(),
    pendingAmendments: z.int(),
  })
  .meta({ id: 'RepairOrderCard' });

/**
 * A card of the wall's workshop mode: readable from across the workshop, shown on a screen
 * customers may see, so no customer name or contact and no money.
 */
export const WorkshopCardSchema = RepairOrderCardSchema.pick({
  id: true,
  version: true,
  number: true,
  status: true,
  vehiclePlate: true,
  vehicleLabel: true,
  technicianName: true,
  promisedAt: true,
  updatedAt: true,
  soldMinutes: true,
  clockedMinutes: true,
  pendingAmendments: true,
}).meta({ id: 'WorkshopCard' });

const repairOrderFields = {
  vehicleId: IdSchema,
  technicianId: IdSchema.nullish().transform((value) => value ?? null),
  promisedAt: z.iso
    .datetime()
    .nullish()
    .transform((value) => value ?? null),
  notes: optionalText(2000),
  mileageKm: z
    .int()
    .min(0)
    .max(3_000_000)
    .nullish()
    .transform((value) => value ?? null),
  fuelLevel: z
    .enum(FUEL_LEVELS)
    .nullish()
    .transform((value) => value ?? null),
  damage: optionalText(2000),
  /** The check-in's own remarks (`checkIn.notes`); `notes` are the OR's. */
  checkInNotes: optionalText(2000),
  keysTag: optionalText(40),
  jobs: z.array(RepairOrderJobEditSchema).max(50, { error: '50 prestations au maximum.' }),
};

/** Opening an OR directly (walk-in, warranty), or from an accepted quote (`quoteId`). */
export const RepairOrderCreateSchema = z.union([
  z.object({
    quoteId: IdSchema,
    promisedAt: repairOrderFields.promisedAt,
    technicianId: repairOrderFields.technicianId,
  }),
  z.object({
    origin: z.enum(['walk_in', 'warranty']),
    clientId: IdSchema,
    ...repairOrderFields,
    jobs: repairOrderFields.jobs.default([]),
  }),
]);

/** Until the customer signs the check-in, the work and the check-in are edited freely. */
export const RepairOrderUpdateSchema = z
  .object(repairOrderFields)
  .omit({ vehicleId: true })
  .partial()
  .extend({ version: VersionSchema });

export const RepairOrderTransitionSchema = z.object({
  to: z.enum(REPAIR_ORDER_STATUSES),
  version: VersionSchema,
});

/** A card moved on the board, or a technician assigned: what changes without re-signing. */
export const RepairOrderAssignSchema = z.object({
  version: VersionSchema,
  technicianId: IdSchema.nullable(),
});

export const AmendmentParamSchema = z.object({ id: IdSchema, amendmentId: IdSchema });
export const SignatureParamSchema = z.object({ id: IdSchema, signatureId: IdSchema });
export const PhotoParamSchema = z.object({ id: IdSchema, photoId: IdSchema });

export const RepairOrderListQuerySchema = ListQuerySchema.extend({
  /** Newest first: the key is the last row's creation instant. */
  cursor: cursorSchema(IsoInstantSchema).optional(),
  status: z.enum([...REPAIR_ORDER_STATUSES, 'open']).optional(),
  technicianId: IdSchema.optional(),
  /** The board of a day: open ORs, and those handed back that day (Paris). */
  day: IsoDateSchema.optional(),
  vehicleId: IdSchema.optional(),
  clientId: IdSchema.optional(),
});

export type RepairOrder = z.infer<typeof RepairOrderSchema>;
export type RepairOrderCard = z.infer<typeof RepairOrderCardSchema>;
export type WorkshopCard = z.infer<typeof WorkshopCardSchema>;
export type RepairOrderJob = z.infer<typeof RepairOrderJobSchema>;
export type RepairOrderLine = z.infer<typeof RepairOrderLineSchema>;
export type Amendment = z.infer<typeof AmendmentSchema>;
export type Signature = z.infer<typeof SignatureSchema>;
export type RepairOrderCreate = z.input<typeof RepairOrderCreateSchema>;
export type RepairOrderUpdate = z.input<typeof RepairOrderUpdateSchema>;

/** `OR-2026-00042`, the number shown and printed. */
export function formatRepairOrderNumber(year: number, sequence: number): string {
  return `OR-${year}-${String(sequence).padStart(5, '0')}`;
}

/** A board card from the whole OR (a change carries the whole OR). */
export function toRepairOrderCard(order: RepairOrder): RepairOrderCard {
  const authorised = order.jobs.filter((job) => isJobAuthorised(order, job));
  return {
    id: order.id,
    version: order.version,
    number: order.number,
    status: order.status,
    clientId: order.clientId,
    clientName: order.clientName,
    vehicleId: order.vehicleId,
    vehiclePlate: order.vehiclePlate,
    vehicleLabel: order.vehicleLabel,
    technicianId: order.technicianId,
    technicianName: order.technicianName,
    promisedAt: order.promisedAt,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    soldMinutes: authorised.reduce((sum, job) => sum + job.soldMinutes, 0),
    clockedMinutes: order.jobs.reduce((sum, job) => sum + job.clockedMinutes, 0),
    pendingAmendments: order.amendments.filter((amendment) => amendment.status === 'pending')
      .length,
  };
}

/** The wall's card: the board's, less the customer and the money (it has none already). */
export function toWorkshopCard(order: RepairOrder): WorkshopCard {
  const card = toRepairOrderCard(order);
  return {
    id: card.id,
    version: card.version,
    number: card.number,
    status: card.status,
    vehiclePlate: card.vehiclePlate,
    vehicleLabel: card.vehicleLabel,
    technicianName: card.technicianName,
    promisedAt: card.promisedAt,
    updatedAt: card.updatedAt,
    soldMinutes: card.soldMinutes,
    clockedMinutes: card.clockedMinutes,
    pendingAmendments: card.pendingAmendments,
  };
}

/** The work ordered at opening, or an amendment's once authorised. */
export function isJobAuthorised(
  order: Pick<RepairOrder, 'amendments'>,
  job: Pick<RepairOrderJob, 'amendmentId'>,
): boolean {
  if (job.amendmentId === null) return true;
  return order.amendments.some(
    (amendment) => amendment.id === job.amendmentId && amendment.status === 'authorised',
  );
}
