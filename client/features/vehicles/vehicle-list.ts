import type { Vehicle } from '../../../domain/schemas/vehicle';
import { toPlateSearchKey } from '../../../domain/vehicle/plate';
import type { Placement } from '../../lib/live-list';
import type { VehicleFilters } from './vehicles.api';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The server's order (vehicles.repo `selectVehiclePage`): the plate's search key, then the id,
 * compared code point by code point. The key of the canonical plate the API returns is the
 * stored `plate_key` (the cursor is built the same way).
 */
export function compareVehicles(a: Vehicle, b: Vehicle): number {
  return (
    byCodePoint(toPlateSearchKey(a.plate), toPlateSearchKey(b.plate)) || byCodePoint(a.id, b.id)
  );
}

/**
 * Where a changed vehicle stands for a list with these filters: out of it when archived (or
 * restored) against the filter, or owned by another client; a text search is the server's to
 * decide, so then it is only updated where it is shown.
 */
export function placeVehicle(vehicle: Vehicle, filters: VehicleFilters): Placement<Vehicle> {
  const isFiltered =
    Boolean(vehicle.archivedAt) === filters.archived &&
    (filters.clientId === undefined || vehicle.clientId === filters.clientId);
  if (!isFiltered) return { item: vehicle, isListed: false };
  return filters.q.trim()
    ? { item: vehicle, isListed: 'unknown' }
    : { item: vehicle, isListed: true };
}
