import { z } from 'zod';
import { IsoDateSchema } from '../dates';
import { PlateInputSchema } from '../vehicle/plate';
import { VinSchema } from '../vehicle/vin';
import {
  IdSchema,
  ListQuerySchema,
  optionalText,
  RecordMetaSchema,
  text,
  VersionSchema,
} from './common';

export const VEHICLE_CATEGORIES = ['car', 'van', 'motorbike', 'collector', 'professional'] as const;
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number];
export const VEHICLE_CATEGORY_LABELS: Record<VehicleCategory, string> = {
  car: 'Voiture particulière',
  van: 'Utilitaire léger (N1)',
  motorbike: 'Deux-roues / moto (L)',
  collector: 'Véhicule de collection',
  professional: 'Taxi, ambulance, auto-école',
};

export const FUELS = [
  'petrol',
  'diesel',
  'hybrid',
  'plugin_hybrid',
  'electric',
  'lpg',
  'e85',
  'other',
] as const;
export type Fuel = (typeof FUELS)[number];
export const FUEL_LABELS: Record<Fuel, string> = {
  petrol: 'Essence',
  diesel: 'Diesel',
  hybrid: 'Hybride',
  plugin_hybrid: 'Hybride rechargeable',
  electric: 'Électrique',
  lpg: 'GPL',
  e85: 'Superéthanol E85',
  other: 'Autre',
};

export const INSPECTION_RESULTS = ['pass', 'major', 'critical'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = {
  pass: 'Favorable',
  major: 'Défaillances majeures (contre-visite)',
  critical: 'Défaillances critiques',
};

export const PLATE_KINDS = ['siv', 'siv_temporary', 'fni', 'foreign'] as const;

/**
 * A date of something that happened. Not after tomorrow in Paris either, which needs the server's
 * clock: the vehicles service checks it (`refuseFutureDates`, decision 0015).
 */
const PastDateSchema = IsoDateSchema;

const vehicleFields = {
  category: z.enum(VEHICLE_CATEGORIES, { error: 'Choisissez une catégorie.' }),
  plate: PlateInputSchema,
  vin: text()
    .trim()
    .max(40)
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(VinSchema.nullable()),
  make: optionalText(60),
  model: optionalText(80),
  fuel: z
    .enum(FUELS)
    .nullish()
    .transform((value) => value ?? null),
  firstRegistrationDate: PastDateSchema.nullish().transform((value) => value ?? null),
  notes: optionalText(2000),
};

export const VehicleInputSchema = z.object({
  clientId: IdSchema,
  ...vehicleFields,
  category: vehicleFields.category.default('car'),
});

export const VehicleUpdateSchema = z
  .object(vehicleFields)
  .partial()
  .extend({ version: VersionSchema });

export const VehicleWarningSchema = z.object({
  code: z.enum(['duplicate_plate', 'vin_check_digit', 'plate_mistyped']),
  message: z.string(),
});

export const VehicleSchema = RecordMetaSchema.extend({
  clientId: IdSchema,
  clientName: z.string(),
  category: z.enum(VEHICLE_CATEGORIES),
  plate: z.string(),
  plateKind: z.enum(PLATE_KINDS),
  vin: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  fuel: z.enum(FUELS).nullable(),
  firstRegistrationDate: z.string().nullable(),
  notes: z.string().nullable(),
  lastMileage: z.object({ date: z.string(), km: z.int() }).nullable(),
  lastInspection: z.object({ date: z.string(), result: z.enum(INSPECTION_RESULTS) }).nullable(),
  warnings: z.array(VehicleWarningSchema),
  archivedAt: z.iso.datetime().nullable(),
}).meta({ id: 'Vehicle' });

export const VehicleListQuerySchema = ListQuerySchema.extend({
  clientId: IdSchema.optional(),
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const InspectionInputSchema = z.object({
  date: PastDateSchema,
  result: z.enum(INSPECTION_RESULTS, { error: 'Choisissez le résultat du contrôle.' }),
  notes: optionalText(500),
});

export const MileageInputSchema = z.object({
  date: PastDateSchema,
  km: z
    .int({ error: 'Kilométrage : un nombre entier de km.' })
    .min(0, { error: 'Le kilométrage ne peut pas être négatif.' })
    .max(3_000_000, { error: 'Kilométrage invraisemblable.' }),
  /** A reading lower than the last one is refused unless the user confirms it. */
  confirmLower: z.boolean().default(false),
});

export const ServiceRecordInputSchema = z.object({
  date: PastDateSchema,
  km: z
    .int({ error: 'Kilométrage : un nombre entier de km.' })
    .min(0)
    .max(3_000_000)
    .nullish()
    .transform((value) => value ?? null),
  notes: optionalText(500),
});

export const TransferInputSchema = z.object({ clientId: IdSchema, version: VersionSchema });

/** Where a mileage reading comes from: typed in, a quote sent, a repair order's check-in signed. */
export const MILEAGE_SOURCES = ['manual', 'quote', 'repair_order'] as const;
export type MileageSource = (typeof MILEAGE_SOURCES)[number];

export const VehicleHistorySchema = z.object({
  owners: z.array(
    z.object({
      clientId: IdSchema,
      clientName: z.string(),
      fromAt: z.iso.datetime(),
      toAt: z.iso.datetime().nullable(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: IdSchema,
      date: z.string(),
      result: z.enum(INSPECTION_RESULTS),
      notes: z.string().nullable(),
    }),
  ),
  mileage: z.array(
    z.object({ id: IdSchema, date: z.string(), km: z.int(), source: z.enum(MILEAGE_SOURCES) }),
  ),
  services: z.array(
    z.object({
      id: IdSchema,
      date: z.string(),
      km: z.int().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  declinedWork: z.array(
    z.object({
      id: IdSchema,
      quoteId: IdSchema.nullable(),
      /** Extra work the customer refused on a repair order. */
      repairOrderId: IdSchema.nullable(),
      description: z.string(),
      amountExclVatCents: z.int(),
      status: z.enum(['open', 'done', 'dismissed']),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export type Vehicle = z.infer<typeof VehicleSchema>;
export type VehicleInput = z.input<typeof VehicleInputSchema>;
export type VehicleValues = z.output<typeof VehicleInputSchema>;
export type VehicleHistory = z.infer<typeof VehicleHistorySchema>;
