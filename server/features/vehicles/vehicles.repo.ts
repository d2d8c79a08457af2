import { and, asc, desc, eq, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { getClientDisplayName } from '../../../domain/client/client-name';
import type { Vehicle, VehicleHistory } from '../../../domain/schemas/vehicle';
import { PLATE_LOOKS_MISTYPED_WARNING, parsePlate } from '../../../domain/vehicle/plate';
import { hasValidVinCheckDigit, VIN_CHECK_DIGIT_WARNING } from '../../../domain/vehicle/vin';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../db/like';
import {
  clients,
  declinedWork,
  inspections,
  mileageReadings,
  serviceRecords,
  vehicleOwners,
  vehicles,
} from '../../db/schema';

type VehicleRow = typeof vehicles.$inferSelect;
export type VehicleRowValues = Omit<typeof vehicles.$inferInsert, 'id' | 'version' | 'archivedAt'>;
export type VehicleCursor = { key: string; id: string };

const clientNameColumns = {
  kind: clients.kind,
  civility: clients.civility,
  firstName: clients.firstName,
  lastName: clients.lastName,
  companyName: clients.companyName,
};

/** The vehicle with what its DTO shows beside it, in one round trip. */
const vehicleSelection = {
  vehicle: vehicles,
  client: clientNameColumns,
  lastMileage: sql<{ date: string; km: number } | null>`(
    SELECT json_build_object('date', m.date, 'km', m.km) FROM ${mileageReadings} m
    WHERE m.vehicle_id = ${vehicles.id} ORDER BY m.date DESC, m.created_at DESC LIMIT 1)`,
  lastInspection: sql<{ date: string; result: 'pass' | 'major' | 'critical' } | null>`(
    SELECT json_build_object('date', i.date, 'result', i.result) FROM ${inspections} i
    WHERE i.vehicle_id = ${vehicles.id} ORDER BY i.date DESC, i.created_at DESC LIMIT 1)`,
  hasDuplicatePlate: sql<boolean>`EXISTS (
    SELECT 1 FROM ${vehicles} other WHERE other.plate_key = ${vehicles.plateKey}
    AND other.id <> ${vehicles.id} AND other.archived_at IS NULL)`,
};

type SelectedVehicle = {
  vehicle: VehicleRow;
  client: Parameters<typeof getClientDisplayName>[0];
  lastMileage: { date: string; km: number } | null;
  lastInspection: { date: string; result: 'pass' | 'major' | 'critical' } | null;
  hasDuplicatePlate: boolean;
};

export function toVehicle(row: SelectedVehicle): Vehicle {
  const { vehicle } = row;
  const warnings: Vehicle['warnings'] = [];
  if (row.hasDuplicatePlate) {
    warnings.push({
      code: 'duplicate_plate',
      message: 'Cette immatriculation figure déjà sur un autre véhicule actif.',
    });
  }
  if (vehicle.vin && !hasValidVinCheckDigit(vehicle.vin)) {
    warnings.push({ code: 'vin_check_digit', message: VIN_CHECK_DIGIT_WARNING });
  }
  if (vehicle.plateKind === 'foreign' && parsePlate(vehicle.plate).warning) {
    warnings.push({ code: 'plate_mistyped', message: PLATE_LOOKS_MISTYPED_WARNING });
  }
  return {
    id: vehicle.id,
    version: vehicle.version,
    createdAt: vehicle.createdAt.toISOString(),
    updatedAt: vehicle.updatedAt.toISOString(),
    archivedAt: vehicle.archivedAt?.toISOString() ?? null,
    clientId: vehicle.clientId,
    clientName: getClientDisplayName(row.client),
    category: vehicle.category,
    plate: vehicle.plate,
    plateKind: vehicle.plateKind,
    vin: vehicle.vin,
    make: vehicle.make,
    model: vehicle.model,
    fuel: vehicle.fuel as Vehicle['fuel'],
    firstRegistrationDate: vehicle.firstRegistrationDate,
    notes: vehicle.notes,
    lastMileage: row.lastMileage,
    lastInspection: row.lastInspection,
    warnings,
  };
}

function selectVehicles(db: Executor) {
  return db
    .select(vehicleSelection)
    .from(vehicles)
    .innerJoin(clients, eq(clients.id, vehicles.clientId));
}

export async function selectVehicleById(db: Executor, id: string): Promise<Vehicle | undefined> {
  const [row] = await selectVehicles(db).where(eq(vehicles.id, id)).limit(1);
  return row ? toVehicle(row) : undefined;
}

export async function selectVehicleRow(db: Executor, id: string): Promise<VehicleRow | undefined> {
  const [row] = await db.select().from(vehicles).where(eq(vehicles.id, id)).limit(1);
  return row;
}

export async function insertVehicle(db: Executor, values: VehicleRowValues): Promise<string> {
  const [row] = await db.insert(vehicles).values(values).returning({ id: vehicles.id });
  await db
    .insert(vehicleOwners)
    .values({ vehicleId: row!.id, clientId: values.clientId, fromAt: values.createdAt });
  return row!.id;
}

export async function updateVehicleVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<VehicleRowValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(vehicles)
    .set({ ...values, version: sql`${vehicles.version} + 1`, updatedAt: now })
    .where(and(eq(vehicles.id, id), eq(vehicles.version, version)))
    .returning({ id: vehicles.id });
  return rows.length > 0;
}

/** Bumps the version (a reading or a CT changes what the vehicle shows). */
export async function touchVehicle(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(vehicles)
    .set({ version: sql`${vehicles.version} + 1`, updatedAt: now })
    .where(eq(vehicles.id, id));
}

export async function updateVehicleArchived(
  db: Executor,
  id: string,
  archivedAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .update(vehicles)
    .set({ archivedAt, version: sql`${vehicles.version} + 1`, updatedAt: now })
    .where(eq(vehicles.id, id));
}

export async function closeOwnership(db: Executor, vehicleId: string, at: Date): Promise<void> {
  await db
    .update(vehicleOwners)
    .set({ toAt: at })
    .where(and(eq(vehicleOwners.vehicleId, vehicleId), isNull(vehicleOwners.toAt)));
}

export async function insertOwnership(db: Executor, vehicleId: string, clientId: string, at: Date) {
  await db.insert(vehicleOwners).values({ vehicleId, clientId, fromAt: at });
}

export async function insertInspection(
  db: Executor,
  values: typeof inspections.$inferInsert,
): Promise<void> {
  await db.insert(inspections).values(values);
}

export async function insertMileage(
  db: Executor,
  values: typeof mileageReadings.$inferInsert,
): Promise<void> {
  await db.insert(mileageReadings).values(values);
}

export async function selectHighestMileage(
  db: Executor,
  vehicleId: string,
): Promise<{ date: string; km: number } | undefined> {
  const [row] = await db
    .select({ date: mileageReadings.date, km: mileageReadings.km })
    .from(mileageReadings)
    .where(eq(mileageReadings.vehicleId, vehicleId))
    .orderBy(desc(mileageReadings.km))
    .limit(1);
  return row;
}

/** Each term in the vehicle's own text (plate, VIN, make, model) or its owner's name. */
export function vehicleSearchFilter(terms: string[]): SQL | undefined {
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => {
      const pattern = containsPattern(term);
      return or(like(vehicles.searchText, pattern), like(vehicles.ownerSearchText, pattern))!;
    }),
  );
}

export async function selectVehiclePage(
  db: Executor,
  query: {
    search: SQL | undefined;
    clientId: string | undefined;
    archived: boolean;
    cursor: VehicleCursor | null;
    limit: number;
  },
): Promise<Vehicle[]> {
  const filters: SQL[] = [
    query.archived ? isNotNull(vehicles.archivedAt) : isNull(vehicles.archivedAt),
  ];
  if (query.search) filters.push(query.search);
  if (query.clientId) filters.push(eq(vehicles.clientId, query.clientId));
  if (query.cursor) {
    filters.push(
      sql`(${vehicles.plateKey}, ${vehicles.id}) > (${query.cursor.key}, ${query.cursor.id})`,
    );
  }
  const rows = await selectVehicles(db)
    .where(and(...filters))
    .orderBy(asc(vehicles.plateKey), asc(vehicles.id))
    .limit(query.limit);
  return rows.map(toVehicle);
}

export async function selectVehicleHistory(
  db: Executor,
  vehicleId: string,
): Promise<VehicleHistory> {
  const [owners, ctVisits, readings, declined, services] = await Promise.all([
    db
      .select({ owner: vehicleOwners, client: clientNameColumns })
      .from(vehicleOwners)
      .innerJoin(clients, eq(clients.id, vehicleOwners.clientId))
      .where(eq(vehicleOwners.vehicleId, vehicleId))
      .orderBy(desc(vehicleOwners.fromAt)),
    db
      .select()
      .from(inspections)
      .where(eq(inspections.vehicleId, vehicleId))
      .orderBy(desc(inspections.date), desc(inspections.createdAt)),
    db
      .select()
      .from(mileageReadings)
      .where(eq(mileageReadings.vehicleId, vehicleId))
      .orderBy(desc(mileageReadings.date), desc(mileageReadings.createdAt)),
    db
      .select()
      .from(declinedWork)
      .where(eq(declinedWork.vehicleId, vehicleId))
      .orderBy(desc(declinedWork.createdAt)),
    db
      .select()
      .from(serviceRecords)
      .where(eq(serviceRecords.vehicleId, vehicleId))
      .orderBy(desc(serviceRecords.date), desc(serviceRecords.createdAt)),
  ]);
  return {
    owners: owners.map(({ owner, client }) => ({
      clientId: owner.clientId,
      clientName: getClientDisplayName(client),
      fromAt: owner.fromAt.toISOString(),
      toAt: owner.toAt?.toISOString() ?? null,
    })),
    inspections: ctVisits.map((visit) => ({
      id: visit.id,
      date: visit.date,
      result: visit.result,
      notes: visit.notes,
    })),
    mileage: readings.map((reading) => ({
      id: reading.id,
      date: reading.date,
      km: reading.km,
      source: reading.source,
    })),
    services: services.map((service) => ({
      id: service.id,
      date: service.date,
      km: service.km,
      notes: service.notes,
    })),
    declinedWork: declined.map((work) => ({
      id: work.id,
      quoteId: work.quoteId,
      repairOrderId: work.repairOrderId,
      description: work.description,
      amountExclVatCents: work.amountExclVatCents,
      status: work.status,
      createdAt: work.createdAt.toISOString(),
    })),
  };
}

export async function insertServiceRecord(
  db: Executor,
  values: typeof serviceRecords.$inferInsert,
): Promise<void> {
  await db.insert(serviceRecords).values(values);
}
