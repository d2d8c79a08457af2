import { normalizeSearchText } from '../text';

/** The vehicle's own haystack: plate in both forms, VIN, make and model. */
export function buildVehicleSearchText(values: {
  plate: string;
  plateKey: string;
  vin: string | null;
  make: string | null;
  model: string | null;
}): string {
  return normalizeSearchText(
    [values.plateKey, values.plate, values.vin, values.make, values.model]
      .filter(Boolean)
      .join(' '),
  );
}
