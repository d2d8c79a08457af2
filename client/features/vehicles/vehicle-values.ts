import type { Vehicle, VehicleInput } from '../../../domain/schemas/vehicle';

/** What the vehicle form edits: plain strings, the plate as typed. */
export type VehicleFormValues = {
  category: string;
  plate: string;
  vin: string;
  make: string;
  model: string;
  fuel: string;
  firstRegistrationDate: string;
  notes: string;
};

export type VehicleFields = Omit<VehicleInput, 'clientId'>;

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

/** The API fields; empty strings become null so the schema's optional texts accept them. */
export function toVehicleFields(values: VehicleFormValues): VehicleFields {
  return {
    category: values.category as VehicleInput['category'],
    plate: values.plate,
    vin: values.vin.trim() || null,
    make: values.make,
    model: values.model,
    fuel: (values.fuel || null) as VehicleInput['fuel'],
    firstRegistrationDate: values.firstRegistrationDate || null,
    notes: values.notes,
  };
}

export function toVehicleInput(clientId: string, values: VehicleFormValues): VehicleInput {
  return { clientId, ...toVehicleFields(values) };
}

/** The fields the user changed, so a PATCH only touches those (less to collide with). */
export function changedKeys(
  base: VehicleFormValues,
  next: VehicleFormValues,
): Array<keyof VehicleFormValues> {
  return (Object.keys(next) as Array<keyof VehicleFormValues>).filter(
    (key) => next[key].trim() !== base[key].trim(),
  );
}

export function toVehiclePatch(
  base: VehicleFormValues,
  next: VehicleFormValues,
): Partial<VehicleFields> {
  const fields = toVehicleFields(next);
  return Object.fromEntries(changedKeys(base, next).map((key) => [key, fields[key]]));
}

export const VEHICLE_FIELD_LABELS: Record<keyof VehicleFormValues, string> = {
  category: 'Catégorie',
  plate: 'Immatriculation',
  vin: 'VIN',
  make: 'Marque',
  model: 'Modèle',
  fuel: 'Énergie',
  firstRegistrationDate: '1re mise en circulation',
  notes: 'Notes',
};

/** Reads the lower-reading refusal of POST /mileage: `{ reason: 'mileage_lower', highest }`. */
export function readLowerMileage(details: unknown): { date: string; km: number } | null {
  if (typeof details !== 'object' || details === null) return null;
  const { reason, highest } = details as { reason?: unknown; highest?: unknown };
  if (reason !== 'mileage_lower' || typeof highest !== 'object' || highest === null) return null;
  const { date, km } = highest as { date?: unknown; km?: unknown };
  return typeof km === 'number' && typeof date === 'string' ? { date, km } : null;
}

/** "123 456", "123456 km", "123.456" → 123456; null when it is not a whole number. */
export function parseKm(text: string): number | null {
  const digits = text.replace(/[\s.]|km/gi, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}
