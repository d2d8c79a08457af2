import type { z } from 'zod';
import type {
  InspectionInputSchema,
  MileageInputSchema,
  VehicleInput,
  VehicleUpdateSchema,
} from '../../../domain/schemas/vehicle';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';

export type VehicleFilters = { q: string; archived: boolean; clientId?: string };

/**
 * A page of vehicles (plate order). A vehicle's change drops the cached pages (the list on
 * screen is patched live); so does a client's, since each row shows its owner's name.
 */
export const getVehiclesPage = staleOnQuery(
  ['vehicle', 'client'],
  'vehicles',
  (filters: VehicleFilters, cursor?: string) =>
    call(
      api.vehicles.$get({
        query: {
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.clientId ? { clientId: filters.clientId } : {}),
          ...(filters.archived ? { archived: 'true' } : {}),
          ...(cursor ? { cursor } : {}),
          limit: '50',
        },
      }),
    ),
);

/** A client's vehicles (ClientVehicles); the client page's preload reads the same entry. */
export const clientVehicleFilters = (clientId: string): VehicleFilters => ({
  q: '',
  archived: false,
  clientId,
});

export const getVehicle = recordQuery('vehicle', 'vehicle', (id) =>
  call(api.vehicles[':id'].$get({ param: { id } })),
);

/**
 * Owners, CT visits, readings, services and "travaux à prévoir". A CT, a reading, a service or
 * a transfer is a change of the vehicle; declined work comes from a quote's decision; the
 * owners' names from the clients.
 */
export const getVehicleHistory = staleOnQuery(
  ['vehicle', 'quote', 'client'],
  'vehicle-history',
  (id: string) => call(api.vehicles[':id'].history.$get({ param: { id } })),
);

/** The answer carries `warnings` (duplicate plate, VIN check digit): shown, never blocking. */
export const createVehicle = liveAction('vehicle-create', (input: VehicleInput) =>
  call(api.vehicles.$post({ json: input })),
);
/** Changed fields only, with the version the edit started from (`stale_version` otherwise). */
export const updateVehicle = liveAction(
  'vehicle-update',
  (id: string, input: z.input<typeof VehicleUpdateSchema>) =>
    call(api.vehicles[':id'].$patch({ param: { id }, json: input })),
);
export const archiveVehicle = liveAction('vehicle-archive', (id: string) =>
  call(api.vehicles[':id'].$delete({ param: { id } })),
);
export const restoreVehicle = liveAction('vehicle-restore', (id: string) =>
  call(api.vehicles[':id'].restore.$post({ param: { id } })),
);
export const recordInspection = liveAction(
  'vehicle-inspection',
  (id: string, input: z.input<typeof InspectionInputSchema>) =>
    call(api.vehicles[':id'].inspections.$post({ param: { id }, json: input })),
);
/** A reading below the highest one is refused (409 `mileage_lower`) unless `confirmLower`. */
export const recordMileage = liveAction(
  'vehicle-mileage',
  (id: string, input: z.input<typeof MileageInputSchema>) =>
    call(api.vehicles[':id'].mileage.$post({ param: { id }, json: input })),
);
/** Refused with `stale_version` when the vehicle changed since `version`. */
export const transferVehicle = liveAction(
  'vehicle-transfer',
  (id: string, clientId: string, version: number) =>
    call(api.vehicles[':id'].transfer.$post({ param: { id }, json: { clientId, version } })),
);
