import { query } from '@solidjs/router';
import type { z } from 'zod';
import type {
  InspectionInputSchema,
  MileageInputSchema,
  Vehicle,
  VehicleHistory,
  VehicleInput,
} from '../../../domain/schemas/vehicle';
import { del, get, patch, post, toQuery } from '../../lib/api';
import type { VehicleFields } from './vehicle-values';

export type VehiclePage = { items: Vehicle[]; nextCursor: string | null };
export type VehicleFilters = { q?: string; clientId?: string; archived?: boolean };

export const getVehiclesPage = query(
  (filters: VehicleFilters, cursor?: string) =>
    get<VehiclePage>(
      `/vehicles${toQuery({ ...filters, archived: filters.archived || undefined, cursor, limit: 50 })}`,
    ),
  'vehicles',
);
export const getVehicle = query((id: string) => get<Vehicle>(`/vehicles/${id}`), 'vehicle');
export const getVehicleHistory = query(
  (id: string) => get<VehicleHistory>(`/vehicles/${id}/history`),
  'vehicle-history',
);

/** The answer carries `warnings` (duplicate plate, VIN check digit): shown, never blocking. */
export const createVehicle = (input: VehicleInput) => post<Vehicle>('/vehicles', input);
export const updateVehicle = (id: string, input: Partial<VehicleFields> & { version: number }) =>
  patch<Vehicle>(`/vehicles/${id}`, input);
export const archiveVehicle = (id: string) => del<Vehicle>(`/vehicles/${id}`);
export const restoreVehicle = (id: string) => post<Vehicle>(`/vehicles/${id}/restore`);
export const recordInspection = (id: string, input: z.input<typeof InspectionInputSchema>) =>
  post<Vehicle>(`/vehicles/${id}/inspections`, input);
/** A reading below the highest one is refused (409 `mileage_lower`) unless `confirmLower`. */
export const recordMileage = (id: string, input: z.input<typeof MileageInputSchema>) =>
  post<Vehicle>(`/vehicles/${id}/mileage`, input);
export const transferVehicle = (id: string, clientId: string, version: number) =>
  post<Vehicle>(`/vehicles/${id}/transfer`, { clientId, version });
