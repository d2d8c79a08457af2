import {
  FUEL_LABELS,
  FUELS,
  type Fuel,
  INSPECTION_RESULTS,
  type InspectionResult,
  VEHICLE_CATEGORIES,
  VEHICLE_CATEGORY_LABELS,
  type Vehicle,
  type VehicleCategory,
  type VehicleInput,
  VehicleInputSchema,
} from '../../../domain/schemas/vehicle';
import { normalizeVin } from '../../../domain/vehicle/vin';
import { formatCalendarDate, formatKm } from '../../lib/format';
import { createRecordMerge } from '../../lib/merge-outcome';

/** What the vehicle form edits: plain strings, the plate and the VIN as typed. */
export type VehicleFormValues = {
  category: VehicleCategory;
  plate: string;
  vin: string;
  make: string;
  model: string;
  fuel: Fuel | '';
  firstRegistrationDate: string;
  notes: string;
};

/** The vehicle's own fields (its owner is changed by a transfer, never by the form). */
export type VehicleFields = Omit<VehicleInput, 'clientId'>;
/** The server's own rules for the form's fields, to check them before sending. */
export const VehicleFieldsSchema = VehicleInputSchema.omit({ clientId: true });

export const EMPTY_VEHICLE: VehicleFormValues = {
  category: 'car',
  plate: '',
  vin: '',
  make: '',
  model: '',
  fuel: '',
  firstRegistrationDate: '',
  notes: '',
};

const FIELDS: ReadonlyArray<keyof VehicleFormValues & keyof VehicleFields> = [
  'category',
  'plate',
  'vin',
  'make',
  'model',
  'fuel',
  'firstRegistrationDate',
  'notes',
];

export function toVehicleFormValues(vehicle: Vehicle): VehicleFormValues {
  return {
    category: vehicle.category,
    plate: vehicle.plate,
    vin: vehicle.vin ?? '',
    make: vehicle.make ?? '',
    model: vehicle.model ?? '',
    fuel: vehicle.fuel ?? '',
    firstRegistrationDate: vehicle.firstRegistrationDate ?? '',
    notes: vehicle.notes ?? '',
  };
}

/** The API fields; empty texts become null, as the schema stores them. */
export function toVehicleFields(values: VehicleFormValues): VehicleFields {
  return {
    category: values.category,
    plate: values.plate.trim(),
    vin: normalizeVin(values.vin) || null,
    make: values.make.trim() || null,
    model: values.model.trim() || null,
    fuel: values.fuel || null,
    firstRegistrationDate: values.firstRegistrationDate || null,
    notes: values.notes.trim() || null,
  };
}

export function toVehicleInput(clientId: string, values: VehicleFormValues): VehicleInput {
  return { clientId, ...toVehicleFields(values) };
}

/**
 * A value as compared between versions: trimmed text, a plate in capitals with single spaces
 * (the server's canonical form does the same), a VIN without its spaces.
 */
function comparable(field: keyof VehicleFormValues, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : String(value ?? '');
  if (field === 'plate') return text.toUpperCase().replace(/\s+/g, ' ');
  if (field === 'vin') return normalizeVin(text);
  return text;
}

export function isSameVehicleValues(a: VehicleFormValues, b: VehicleFormValues): boolean {
  return FIELDS.every((field) => comparable(field, a[field]) === comparable(field, b[field]));
}

/** The fields the user changed since `base`: a PATCH touches only those (less to collide with). */
export function toVehiclePatch(
  base: VehicleFormValues,
  values: VehicleFormValues,
): Partial<VehicleFields> {
  const fields = toVehicleFields(values);
  const patch: Partial<VehicleFields> = {};
  const copy = <K extends keyof VehicleFields>(field: K) => {
    patch[field] = fields[field];
  };
  for (const field of FIELDS) {
    if (comparable(field, base[field]) !== comparable(field, values[field])) copy(field);
  }
  return patch;
}

/** The vehicle form's three-way merge, with the form's own labels. */
export const mergeVehicleValues = createRecordMerge<VehicleFormValues>(
  {
    plate: { label: 'Immatriculation' },
    vin: { label: 'VIN' },
    category: { label: 'Catégorie', show: (category) => VEHICLE_CATEGORY_LABELS[category] },
    make: { label: 'Marque' },
    model: { label: 'Modèle' },
    fuel: { label: 'Énergie', show: (fuel) => (fuel ? FUEL_LABELS[fuel] : '—') },
    firstRegistrationDate: {
      label: '1re mise en circulation',
      show: (date) => formatCalendarDate(date || null),
    },
    notes: { label: 'Notes' },
  },
  (field, a, b) => comparable(field, a) === comparable(field, b),
);

/** A select's value read back as one of the choices it offers (no cast on what the DOM gives). */
export function pickChoice<T extends string>(choices: readonly T[], value: string): T | undefined {
  return choices.find((choice) => choice === value);
}

export const pickCategory = (value: string) => pickChoice(VEHICLE_CATEGORIES, value);
export const pickFuel = (value: string): Fuel | '' | undefined =>
  value === '' ? '' : pickChoice(FUELS, value);
export const pickInspectionResult = (value: string): InspectionResult | undefined =>
  pickChoice(INSPECTION_RESULTS, value);

/** "123 456", "123456 km", "123.456" → 123456; null when it is not a whole number. */
export function parseKm(text: string): number | null {
  const digits = text.replace(/[\s.]|km/gi, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

export type Reading = { date: string; km: number };
/** A reading the server refused as lower than the highest one, waiting for the user's word. */
export type LowerReading = Reading & { highest: Reading };

/** The `mileage_lower` refusal in words: both readings, and what usually explains it. */
export function describeLowerReading(reading: LowerReading): string {
  return (
    `Le relevé saisi (${formatKm(reading.km)} le ${formatCalendarDate(reading.date)}) est ` +
    `inférieur au plus haut déjà enregistré (${formatKm(reading.highest.km)} le ` +
    `${formatCalendarDate(reading.highest.date)}). Compteur remplacé ou faute de frappe ? ` +
    'Confirmez seulement si le relevé est juste.'
  );
}
