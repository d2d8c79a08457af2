import { describe, expect, it } from 'vitest';
import {
  EMPTY_VEHICLE,
  parseKm,
  readLowerMileage,
  toVehicleFields,
  toVehiclePatch,
} from './vehicle-values';

describe('vehicle form values', () => {
  it('turns empty optional fields into null for the API', () => {
    const fields = toVehicleFields({ ...EMPTY_VEHICLE, plate: 'ab123cd' });
    expect(fields).toMatchObject({ plate: 'ab123cd', vin: null, fuel: null });
    expect(fields.firstRegistrationDate).toBeNull();
  });

  it('patches only the fields the user changed', () => {
    const base = { ...EMPTY_VEHICLE, plate: 'AB-123-CD', make: 'Renault' };
    expect(toVehiclePatch(base, { ...base, model: 'Clio', make: ' Renault ' })).toEqual({
      model: 'Clio',
    });
    expect(toVehiclePatch(base, base)).toEqual({});
  });

  it('reads km typed with spaces, dots or a unit, and refuses anything else', () => {
    expect(parseKm('123 456')).toBe(123456);
    expect(parseKm('123\u202f456 km')).toBe(123456);
    expect(parseKm('123.456')).toBe(123456);
    expect(parseKm('12,5')).toBeNull();
    expect(parseKm('')).toBeNull();
  });

  it('recognises the lower-reading refusal and its highest reading', () => {
    expect(
      readLowerMileage({ reason: 'mileage_lower', highest: { date: '2025-03-01', km: 90000 } }),
    ).toEqual({ date: '2025-03-01', km: 90000 });
    expect(readLowerMileage({ current: {} })).toBeNull();
    expect(readLowerMileage(undefined)).toBeNull();
  });
});
