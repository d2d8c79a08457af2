import { describe, expect, it } from 'vitest';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { compareVehicles, placeVehicle } from './vehicle-list';

function vehicle(overrides: Partial<Vehicle>): Vehicle {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    version: 1,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    archivedAt: null,
    clientId: 'c1',
    clientName: 'Lucas Perrin',
    category: 'car',
    plate: 'AB-123-CD',
    plateKind: 'siv',
    vin: null,
    make: null,
    model: null,
    fuel: null,
    firstRegistrationDate: null,
    notes: null,
    lastMileage: null,
    lastInspection: null,
    warnings: [],
    ...overrides,
  };
}

describe('the vehicle list order', () => {
  it('sorts by the plate as the server keys it, whatever its separators', () => {
    const plates = ['AB-123-CE', '123 ABC 45', 'AB-123-CD', 'D-XY 99'];
    const sorted = plates
      .map((plate, index) => vehicle({ plate, id: `id-${index}` }))
      .sort(compareVehicles)
      .map((item) => item.plate);
    expect(sorted).toEqual(['123 ABC 45', 'AB-123-CD', 'AB-123-CE', 'D-XY 99']);
  });

  it('orders two vehicles with the same plate by id', () => {
    const [a, b] = [vehicle({ id: 'a' }), vehicle({ id: 'b' })];
    expect(compareVehicles(a, b)).toBeLessThan(0);
    expect(compareVehicles(b, a)).toBeGreaterThan(0);
  });
});

describe('where a changed vehicle stands for a list', () => {
  const all = { q: '', archived: false };

  it('joins the unfiltered list, and leaves it once archived', () => {
    expect(placeVehicle(vehicle({}), all).isListed).toBe(true);
    expect(placeVehicle(vehicle({ archivedAt: '2026-02-01T10:00:00.000Z' }), all).isListed).toBe(
      false,
    );
  });

  it('leaves a client’s list when transferred to another client, and joins the new one’s', () => {
    const moved = vehicle({ clientId: 'c2' });
    expect(placeVehicle(moved, { ...all, clientId: 'c1' }).isListed).toBe(false);
    expect(placeVehicle(moved, { ...all, clientId: 'c2' }).isListed).toBe(true);
  });

  it('leaves a text search for the server to decide', () => {
    expect(placeVehicle(vehicle({}), { ...all, q: 'clio' }).isListed).toBe('unknown');
    expect(
      placeVehicle(vehicle({ archivedAt: '2026-02-01T10:00:00.000Z' }), { ...all, q: 'clio' })
        .isListed,
    ).toBe(false);
  });
});
