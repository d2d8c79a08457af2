import type { z } from 'zod';
import { AppError, fromZodError } from '../../../domain/errors';
import type { Client } from '../../../domain/schemas/client';
import {
  type InspectionInputSchema,
  type MileageInputSchema,
  type ServiceRecordInputSchema,
  type TransferInputSchema,
  type Vehicle,
  type VehicleHistory,
  VehicleInputSchema,
  type VehicleListQuerySchema,
  type VehicleUpdateSchema,
  type VehicleValues,
} from '../../../domain/schemas/vehicle';
import { toPlateAwareTerms } from '../../../domain/text';
import { refuseFutureDates } from '../../../domain/vehicle/past-dates';
import { parsePlate, toPlateSearchKey } from '../../../domain/vehicle/plate';
import { buildVehicleSearchText } from '../../../domain/vehicle/vehicle-search';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import { encodeCursor } from '../../db/cursor';
import type { Actor, Deps } from '../../deps';
import { type RecordChange, staleVersionError, writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import {
  closeOwnership,
  insertInspection,
  insertMileage,
  insertOwnership,
  insertServiceRecord,
  insertVehicle,
  selectHighestMileage,
  selectVehicleById,
  selectVehicleHistory,
  selectVehiclePage,
  touchVehicle,
  updateVehicleArchived,
  updateVehicleVersioned,
  type VehicleRowValues,
  vehicleSearchFilter,
} from './vehicles.repo';

const NOT_FOUND = 'Ce véhicule est introuvable.';

function toRowValues(values: Omit<VehicleValues, 'clientId'>): Omit<VehicleRowValues, 'clientId'> {
  const plate = parsePlate(values.plate);
  const row = {
    category: values.category,
    plate: plate.canonical,
    plateKind: plate.kind,
    plateKey: plate.searchKey,
    vin: values.vin,
    make: values.make,
    model: values.model,
    fuel: values.fuel,
    firstRegistrationDate: values.firstRegistrationDate,
    notes: values.notes,
  };
  return { ...row, searchText: buildVehicleSearchText(row) };
}

async function requireActiveClient(db: Executor, clientId: string): Promise<Client> {
  const client = await readClient(db, clientId);
  if (!client || client.archivedAt) {
    throw new AppError('validation_failed', 'Ce client est introuvable ou archivé.', [
      { path: ['clientId'], code: 'custom', message: 'Ce client est introuvable ou archivé.' },
    ]);
  }
  return client;
}

async function requireVehicle(db: Executor, id: string): Promise<Vehicle> {
  const vehicle = await selectVehicleById(db, id);
  if (!vehicle) throw new AppError('not_found', NOT_FOUND);
  return vehicle;
}

/** Reads the vehicle back after a write and records the change, inside the transaction. */
async function recordVehicle(
  tx: Executor,
  record: RecordChange,
  id: string,
  action: 'created' | 'updated' | 'archived' | 'restored',
): Promise<Vehicle> {
  const vehicle = await requireVehicle(tx, id);
  record({ entity: 'vehicle', action, id, data: vehicle });
  return vehicle;
}

export async function listVehicles(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof VehicleListQuerySchema>,
): Promise<{ items: Vehicle[]; nextCursor: string | null }> {
  requireRole(actor, READERS);
  const terms = toPlateAwareTerms(query.q ?? '');
  const items = await selectVehiclePage(deps.db, {
    search: vehicleSearchFilter(terms),
    clientId: query.clientId,
    archived: query.archived,
    cursor: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor:
      items.length > query.limit && last
        ? encodeCursor(toPlateSearchKey(last.plate), last.id)
        : null,
  };
}

export async function getVehicle(deps: Deps, actor: Actor, id: string): Promise<Vehicle> {
  requireRole(actor, READERS);
  return requireVehicle(deps.db, id);
}

export async function getVehicleHistory(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<VehicleHistory> {
  requireRole(actor, READERS);
  await requireVehicle(deps.db, id);
  return selectVehicleHistory(deps.db, id);
}

export async function createVehicle(
  deps: Deps,
  actor: Actor,
  values: VehicleValues,
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  refuseFutureDates({ firstRegistrationDate: values.firstRegistrationDate }, deps.now());
  return writeWithChanges(deps, actor, async (tx, record) => {
    await requireActiveClient(tx, values.clientId);
    const now = deps.now();
    // owner_search_text is the trigger's, as is the quotes' text after a new plate (decision 0010).
    const id = await insertVehicle(tx, {
      clientId: values.clientId,
      ...toRowValues(values),
      createdAt: now,
      updatedAt: now,
    });
    return recordVehicle(tx, record, id, 'created');
  });
}

export async function updateVehicle(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof VehicleUpdateSchema>,
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  const { version, ...changes } = patch;
  refuseFutureDates({ firstRegistrationDate: changes.firstRegistrationDate }, deps.now());
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await requireVehicle(tx, id);
    if (current.version !== version)
      throw await staleVersionError(tx, 'vehicle', current.id, current);
    const merged = VehicleInputSchema.safeParse({ ...current, ...changes });
    if (!merged.success) throw fromZodError(merged.error);
    if (!(await updateVehicleVersioned(tx, id, version, toRowValues(merged.data), deps.now()))) {
      throw await staleVersionError(tx, 'vehicle', current.id, current);
    }
    return recordVehicle(tx, record, id, 'updated');
  });
}

export async function setVehicleArchived(
  deps: Deps,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await requireVehicle(tx, id);
    if (Boolean(current.archivedAt) === archived) return current;
    const now = deps.now();
    await updateVehicleArchived(tx, id, archived ? now : null, now);
    return recordVehicle(tx, record, id, archived ? 'archived' : 'restored');
  });
}

/** The vehicle changes hands; the ownership history keeps who had it and when. */
export async function transferVehicle(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof TransferInputSchema>,
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await requireVehicle(tx, id);
    if (current.version !== input.version)
      throw await staleVersionError(tx, 'vehicle', current.id, current);
    if (current.clientId === input.clientId) return current;
    await requireActiveClient(tx, input.clientId);
    const now = deps.now();
    await closeOwnership(tx, id, now);
    await insertOwnership(tx, id, input.clientId, now);
    await updateVehicleVersioned(tx, id, input.version, { clientId: input.clientId }, now);
    return recordVehicle(tx, record, id, 'updated');
  });
}

export async function recordInspection(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof InspectionInputSchema>,
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  refuseFutureDates({ date: input.date }, deps.now());
  return writeWithChanges(deps, actor, async (tx, record) => {
    await requireVehicle(tx, id);
    await insertInspection(tx, { vehicleId: id, ...input });
    await touchVehicle(tx, id, deps.now());
    // The CT moves the next due date: the alert it satisfied is resolved now, not at next check.
    await deps.hooks.upkeepRecorded(tx, record, { kind: 'ct_due', vehicleId: id, at: deps.now() });
    return recordVehicle(tx, record, id, 'updated');
  });
}

/**
 * A reading below the highest one recorded is most often a typo (or a replaced odometer): it is
 * refused with 409 `mileage_lower` unless the user confirms it.
 */
export async function recordMileage(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof MileageInputSchema>,
  source: 'manual' | 'quote' = 'manual',
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  refuseFutureDates({ date: input.date }, deps.now());
  return writeWithChanges(deps, actor, async (tx, record) => {
    await requireVehicle(tx, id);
    const highest = await selectHighestMileage(tx, id);
    if (highest && input.km < highest.km && !input.confirmLower) {
      throw new AppError(
        'mileage_lower',
        `Ce relevé (${input.km} km) est inférieur au précédent (${highest.km} km). Confirmez-le s'il est juste.`,
        { highest },
      );
    }
    await insertMileage(tx, { vehicleId: id, date: input.date, km: input.km, source });
    await touchVehicle(tx, id, deps.now());
    return recordVehicle(tx, record, id, 'updated');
  });
}

/** A service done: the service-due alert it satisfies is resolved, the next one counts from it. */
export async function recordService(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof ServiceRecordInputSchema>,
): Promise<Vehicle> {
  requireRole(actor, WRITERS);
  refuseFutureDates({ date: input.date }, deps.now());
  return writeWithChanges(deps, actor, async (tx, record) => {
    await requireVehicle(tx, id);
    await insertServiceRecord(tx, { vehicleId: id, ...input });
    if (input.km !== null) {
      const highest = await selectHighestMileage(tx, id);
      if (!highest || input.km > highest.km) {
        await insertMileage(tx, {
          vehicleId: id,
          date: input.date,
          km: input.km,
          source: 'manual',
        });
      }
    }
    await touchVehicle(tx, id, deps.now());
    await deps.hooks.upkeepRecorded(tx, record, {
      kind: 'service_due',
      vehicleId: id,
      at: deps.now(),
    });
    return recordVehicle(tx, record, id, 'updated');
  });
}

/*
 * For the features above this one, inside their own transaction and after their own access
 * check: no actor here (docs/decisions/0010-feature-boundaries.md).
 */

export function readVehicle(db: Executor, id: string): Promise<Vehicle | undefined> {
  return selectVehicleById(db, id);
}

/** The mileage written on a quote when it is sent, unless a higher reading is already known. */
export function noteQuoteMileage(
  tx: Executor,
  reading: { vehicleId: string; date: string; km: number },
): Promise<void> {
  return noteMileageUnlessLower(tx, reading, 'quote');
}

/** The mileage of a repair order's check-in, once the customer signed it; same rule. */
export function noteCheckInMileage(
  tx: Executor,
  reading: { vehicleId: string; date: string; km: number },
): Promise<void> {
  return noteMileageUnlessLower(tx, reading, 'repair_order');
}

async function noteMileageUnlessLower(
  tx: Executor,
  reading: { vehicleId: string; date: string; km: number },
  source: 'quote' | 'repair_order',
): Promise<void> {
  const highest = await selectHighestMileage(tx, reading.vehicleId);
  if (highest && highest.km >= reading.km) return;
  await insertMileage(tx, { ...reading, source });
}
