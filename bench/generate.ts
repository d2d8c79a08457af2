import { sql } from 'drizzle-orm';
import { buildClientNameText, buildQuotePartyText } from '../domain/client/client-search';
import { formatQuoteNumber } from '../domain/schemas/quote';
import { normalizeSearchText } from '../domain/text';
import { buildVehicleSearchText } from '../domain/vehicle/vehicle-search';
import type { Db } from '../server/db/client';
import {
  clients,
  inspections,
  mileageReadings,
  quotes,
  serviceRecords,
  vehicles,
} from '../server/db/schema';
import { buildDemoClients } from '../server/demo/demo-clients';
import { insertClients } from '../server/features/clients/clients.repo';

const LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';
const STATUSES = ['draft', 'sent', 'accepted', 'partially_accepted', 'refused', 'expired'] as const;
const BATCH = 2000;

function createRandom(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 1_000_000) % max;
  };
}

export type GeneratedGarage = {
  clientIds: string[];
  samplePlates: string[];
  sampleVins: string[];
  sampleNumbers: string[];
};

/**
 * A large garage straight into the tables (data generation, not app writes): clients, vehicles
 * and quotes with the same search columns the services write. No quote lines: searches and the
 * dashboard read the quote rows.
 */
export async function generateGarage(
  db: Db,
  counts: {
    clients: number;
    vehiclesPerClient: number;
    quotesPerClient: number;
    history?: boolean;
  },
  now: Date,
  log: (message: string) => void = () => undefined,
): Promise<GeneratedGarage> {
  const random = createRandom(2026);
  const clientIds: string[] = [];
  const clientNames: string[] = [];
  const values = buildDemoClients(counts.clients, 99);
  for (let i = 0; i < values.length; i += BATCH) {
    const rows = await insertClients(db, values.slice(i, i + BATCH));
    for (const row of rows) {
      clientIds.push(row.id);
      clientNames.push(buildClientNameText(row));
    }
  }
  log(`  ${clientIds.length} clients`);

  const vehicleByClient: Array<Array<{ id: string; plate: string; plateKey: string }>> =
    clientIds.map(() => []);
  const samplePlates: string[] = [];
  const sampleVins: string[] = [];
  let pending: Array<typeof vehicles.$inferInsert> = [];
  let owners: number[] = [];
  const flushVehicles = async () => {
    if (pending.length === 0) return;
    const rows = await db
      .insert(vehicles)
      .values(pending)
      .returning({ id: vehicles.id, plate: vehicles.plate, plateKey: vehicles.plateKey });
    for (const [index, row] of rows.entries()) vehicleByClient[owners[index]!]!.push(row);
    pending = [];
    owners = [];
  };
  let serial = 0;
  for (let c = 0; c < clientIds.length; c++) {
    for (let v = 0; v < counts.vehiclesPerClient; v++) {
      serial += 1;
      const letter = (n: number) => LETTERS[n % LETTERS.length]!;
      const left = `${letter(serial)}${letter(Math.floor(serial / 23))}`;
      const right = `${letter(Math.floor(serial / 529))}${letter(Math.floor(serial / 12_167))}`;
      const plateKey = `${left}${String(100 + (serial % 900))}${right}`;
      const plate = `${left}-${plateKey.slice(2, 5)}-${right}`;
      const vin = `VF1${String(serial).padStart(14, '0')}`;
      const make = ['Renault', 'Peugeot', 'Citroën', 'Dacia', 'Toyota'][random(5)]!;
      const model = ['Clio', '208', 'C3', 'Sandero', 'Yaris'][random(5)]!;
      const row = { plate, plateKey, vin, make, model };
      pending.push({
        clientId: clientIds[c]!,
        category: 'car',
        ...row,
        plateKind: 'siv',
        fuel: 'diesel',
        firstRegistrationDate: `${2010 + random(15)}-0${1 + random(9)}-1${random(9)}`,
        searchText: buildVehicleSearchText(row),
        ownerSearchText: clientNames[c]!,
      });
      owners.push(c);
      if (serial % 20_011 === 0) {
        samplePlates.push(plate);
        sampleVins.push(vin);
      }
      if (pending.length >= BATCH) await flushVehicles();
    }
  }
  await flushVehicles();
  log(`  ${serial} vehicles`);

  if (counts.history) {
    // CT visits, mileage readings and services, as a garage's records would have them.
    let history = 0;
    let visits: Array<typeof inspections.$inferInsert> = [];
    let readings: Array<typeof mileageReadings.$inferInsert> = [];
    let services: Array<typeof serviceRecords.$inferInsert> = [];
    const day = (daysAgo: number) =>
      new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const flush = async (force = false) => {
      if (visits.length >= BATCH || (force && visits.length)) {
        await db.insert(inspections).values(visits);
        visits = [];
      }
      if (readings.length >= BATCH || (force && readings.length)) {
        await db.insert(mileageReadings).values(readings);
        readings = [];
      }
      if (services.length >= BATCH || (force && services.length)) {
        await db.insert(serviceRecords).values(services);
        services = [];
      }
    };
    for (const list of vehicleByClient) {
      for (const vehicle of list) {
        history += 1;
        const km = 20_000 + random(150_000);
        if (random(10) < 7) {
          visits.push({
            vehicleId: vehicle.id,
            date: day(random(760)),
            result: random(12) === 0 ? 'major' : 'pass',
          });
        }
        readings.push({ vehicleId: vehicle.id, date: day(400 + random(100)), km });
        readings.push({
          vehicleId: vehicle.id,
          date: day(random(60)),
          km: km + 9000 + random(6000),
        });
        if (random(10) < 4)
          services.push({ vehicleId: vehicle.id, date: day(250 + random(200)), km: km + 2000 });
        await flush();
      }
    }
    await flush(true);
    log(`  history for ${history} vehicles`);
  }

  const sampleNumbers: string[] = [];
  const sequences = new Map<number, number>();
  let quoteRows: Array<typeof quotes.$inferInsert> = [];
  let total = 0;
  const dayMs = 24 * 3600 * 1000;
  for (let c = 0; c < clientIds.length; c++) {
    for (let q = 0; q < counts.quotesPerClient; q++) {
      total += 1;
      const createdAt = new Date(now.getTime() - random(730) * dayMs - random(dayMs));
      // As in a real garage: only recent quotes still wait for an answer.
      const isRecent = now.getTime() - createdAt.getTime() < 30 * dayMs;
      const status = isRecent ? STATUSES[random(STATUSES.length)]! : STATUSES[2 + random(4)]!;
      const vehicle = vehicleByClient[c]![random(vehicleByClient[c]!.length)] ?? null;
      let number: string | null = null;
      if (status !== 'draft') {
        const year = createdAt.getUTCFullYear();
        const next = (sequences.get(year) ?? 0) + 1;
        sequences.set(year, next);
        number = formatQuoteNumber(year, next);
        if (total % 15_013 === 0) sampleNumbers.push(number);
      }
      const excl = 5000 + random(200_000);
      const decided = ['accepted', 'partially_accepted', 'refused'].includes(status);
      const sentAt = status === 'draft' ? null : new Date(createdAt.getTime() + random(3) * dayMs);
      const decidedAt =
        decided && sentAt ? new Date(sentAt.getTime() + (1 + random(10)) * dayMs) : null;
      quoteRows.push({
        clientId: clientIds[c]!,
        vehicleId: vehicle?.id ?? null,
        status,
        number,
        validUntil: new Date(createdAt.getTime() + 30 * dayMs).toISOString().slice(0, 10),
        exclVatCents: excl,
        vatCents: Math.round(excl * 0.2),
        inclVatCents: excl + Math.round(excl * 0.2),
        acceptedExclVatCents:
          status === 'accepted'
            ? excl
            : status === 'partially_accepted'
              ? Math.round(excl / 2)
              : null,
        sentAt,
        decidedAt,
        decisionChannel: decided ? 'in_person' : null,
        createdAt,
        updatedAt: createdAt,
        searchText: normalizeSearchText(`${number ?? ''} Entretien Freinage`),
        partySearchText: buildQuotePartyText(clientNames[c]!, vehicle),
      });
      if (quoteRows.length >= BATCH) {
        await db.insert(quotes).values(quoteRows);
        quoteRows = [];
      }
    }
  }
  if (quoteRows.length > 0) await db.insert(quotes).values(quoteRows);
  log(`  ${total} quotes`);
  await db.execute(sql`ANALYZE ${clients}`);
  await db.execute(sql`ANALYZE ${vehicles}`);
  await db.execute(sql`ANALYZE ${quotes}`);
  return { clientIds, samplePlates, sampleVins, sampleNumbers };
}
