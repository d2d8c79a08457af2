import { describe, expect, it } from 'vitest';
import {
  describeLowerReading,
  EMPTY_VEHICLE,
  isSameVehicleValues,
  mergeVehicleValues,
  parseKm,
  pickFuel,
  toVehicleFields,
  toVehiclePatch,
} from './vehicle-values';

const base = { ...EMPTY_VEHICLE, plate: 'AB-123-CD', make: 'Renault', model: 'Clio' };

describe('vehicle form values', () => {
  it('turns empty optional fields into null for the API', () => {
    const fields = toVehicleFields({ ...EMPTY_VEHICLE, plate: 'ab123cd', vin: ' ' });
    expect(fields).toMatchObject({ plate: 'ab123cd', vin: null, fuel: null, make: null });
    expect(fields.firstRegistrationDate).toBeNull();
  });

  it('patches only the fields the user changed', () => {
    expect(toVehiclePatch(base, { ...base, model: 'Clio IV', make: ' Renault ' })).toEqual({
      model: 'Clio IV',
    });
    expect(toVehiclePatch(base, base)).toEqual({});
  });

  it('sends a cleared field as null, so the server empties it', () => {
    expect(toVehiclePatch(base, { ...base, make: '' })).toEqual({ make: null });
  });

  it('treats a plate or a VIN typed with other spacing or case as unchanged', () => {
    const withVin = { ...base, vin: 'VF1RFB00X12345678' };
    expect(isSameVehicleValues(withVin, { ...withVin, plate: 'ab-123-cd' })).toBe(true);
    expect(isSameVehicleValues(withVin, { ...withVin, vin: 'vf1 rfb00x 12345678' })).toBe(true);
    expect(isSameVehicleValues(withVin, { ...withVin, plate: 'AB-123-CE' })).toBe(false);
  });

  it('reads a select value back as one of its choices only', () => {
    expect(pickFuel('diesel')).toBe('diesel');
    expect(pickFuel('')).toBe('');
    expect(pickFuel('kerosene')).toBeUndefined();
  });

  it('reads km typed with spaces, dots or a unit, and refuses anything else', () => {
    expect(parseKm('123 456')).toBe(123456);
    expect(parseKm('123\u202f456 km')).toBe(123456);
    expect(parseKm('123.456')).toBe(123456);
    expect(parseKm('12,5')).toBeNull();
    expect(parseKm('')).toBeNull();
  });

  it('words a lower reading with both readings, in French', () => {
    const text = describeLowerReading({
      date: '2026-03-02',
      km: 9000,
      highest: { date: '2025-03-01', km: 90000 },
    });
    expect(text).toContain('02/03/2026');
    expect(text).toContain('01/03/2025');
    expect(text).toMatch(/9\s000 km/);
    expect(text).toMatch(/90\s000 km/);
  });
});

describe('the vehicle form merge', () => {
  it('keeps my change and takes theirs on the fields I did not touch', () => {
    const outcome = mergeVehicleValues(
      base,
      { ...base, model: 'Clio IV' },
      { ...base, fuel: 'diesel' },
    );
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged).toEqual({ ...base, model: 'Clio IV', fuel: 'diesel' });
    expect(outcome.theirChanges).toEqual(['Énergie']);
  });

  it('shows a field both changed side by side, in the form’s words', () => {
    const outcome = mergeVehicleValues(
      base,
      { ...base, category: 'van', fuel: 'petrol' },
      { ...base, category: 'professional', fuel: 'petrol' },
    );
    expect(outcome.conflicts).toEqual([
      {
        id: 'category',
        label: 'Catégorie',
        mine: 'Utilitaire léger (N1)',
        theirs: 'Taxi, ambulance, auto-école',
      },
    ]);
    expect(outcome.resolve({ category: 'theirs' }).category).toBe('professional');
    expect(outcome.resolve({ category: 'mine' })).toMatchObject({
      category: 'van',
      fuel: 'petrol',
    });
  });

  it('does not see a conflict in the same plate typed another way', () => {
    const outcome = mergeVehicleValues(
      base,
      { ...base, plate: 'ab-123-cd ' },
      { ...base, plate: 'XY-456-ZT' },
    );
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged.plate).toBe('XY-456-ZT');
  });
});
