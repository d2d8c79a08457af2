import { asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import { clockedMinutes, soldMinutes } from '../../../domain/repair-order/at-risk';
import {
  isJobAuthorised,
  type RepairOrder,
  type RepairOrderJob,
} from '../../../domain/schemas/repair-order';
import type { Executor } from '../../db/client';
import {
  clients,
  quotes,
  repairOrderAmendments,
  repairOrderClockEvents,
  repairOrderJobs,
  repairOrderLines,
  repairOrderPhotos,
  repairOrderSignatures,
  repairOrders,
  staff,
  vehicles,
} from '../../db/schema';

/*
 * An OR read whole: its row (with its client's name, its vehicle, its quote's number and its
 * technician's name) and six lists, in seven queries whatever the number of ORs. Image bytes
 * stay out: their own routes read them (repair-orders.repo.ts).
 */

type OrderRow = typeof repairOrders.$inferSelect;

const orderSelection = {
  order: repairOrders,
  client: {
    kind: clients.kind,
    civility: clients.civility,
    firstName: clients.firstName,
    lastName: clients.lastName,
    companyName: clients.companyName,
  },
  vehicle: { plate: vehicles.plate, make: vehicles.make, model: vehicles.model },
  quoteNumber: quotes.number,
  technicianName: staff.name,
};

const actorOf = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Whole ORs for these ids, in the order of `ids`; `now` is when clocked time is counted to. */
export async function selectRepairOrdersByIds(
  db: Executor,
  ids: string[],
  now: Date,
): Promise<RepairOrder[]> {
  if (ids.length === 0) return [];
  // One after the other: `db` is often a transaction, one connection.
  const rows = await db
    .select(orderSelection)
    .from(repairOrders)
    .innerJoin(clients, eq(clients.id, repairOrders.clientId))
    .innerJoin(vehicles, eq(vehicles.id, repairOrders.vehicleId))
    .leftJoin(quotes, eq(quotes.id, repairOrders.quoteId))
    .leftJoin(staff, eq(staff.id, repairOrders.technicianId))
    .where(inArray(repairOrders.id, ids));
  const jobRows = await db
    .select({ job: repairOrderJobs, technicianName: staff.name })
    .from(repairOrderJobs)
    .leftJoin(staff, eq(staff.id, repairOrderJobs.technicianId))
    .where(inArray(repairOrderJobs.repairOrderId, ids))
    .orderBy(asc(repairOrderJobs.position));
  const lineRows = await db
    .select()
    .from(repairOrderLines)
    .where(inArray(repairOrderLines.repairOrderId, ids))
    .orderBy(asc(repairOrderLines.position));
  const amendmentRows = await db
    .select()
    .from(repairOrderAmendments)
    .where(inArray(repairOrderAmendments.repairOrderId, ids))
    .orderBy(asc(repairOrderAmendments.seq));
  const {
    image: _image,
    signedText: _text,
    ...signatureColumns
  } = getTableColumns(repairOrderSignatures);
  const signatureRows = await db
    .select(signatureColumns)
    .from(repairOrderSignatures)
    .where(inArray(repairOrderSignatures.repairOrderId, ids))
    .orderBy(asc(repairOrderSignatures.seq));
  const { data: _data, ...photoColumns } = getTableColumns(repairOrderPhotos);
  const photoRows = await db
    .select(photoColumns)
    .from(repairOrderPhotos)
    .where(inArray(repairOrderPhotos.repairOrderId, ids))
    .orderBy(asc(repairOrderPhotos.seq));
  const clockRows = await db
    .select()
    .from(repairOrderClockEvents)
    .where(inArray(repairOrderClockEvents.repairOrderId, ids))
    .orderBy(asc(repairOrderClockEvents.at), asc(repairOrderClockEvents.seq));

  // Grouped once: a board of hundreds of ORs is not a scan of every line per OR.
  const linesByJob = groupBy(lineRows, (line) => line.jobId);
  const clocksByJob = groupBy(clockRows, (event) => event.jobId);
  const jobsByOrder = groupBy(jobRows, ({ job }) => job.repairOrderId);
  const amendmentsByOrder = groupBy(amendmentRows, (row) => row.repairOrderId);
  const signaturesByOrder = groupBy(signatureRows, (row) => row.repairOrderId);
  const photosByOrder = groupBy(photoRows, (row) => row.repairOrderId);
  const byId = new Map(
    rows.map((row) => {
      const id = row.order.id;
      const jobs = (jobsByOrder.get(id) ?? []).map(({ job, technicianName }) =>
        toJob(
          job,
          technicianName,
          linesByJob.get(job.id) ?? [],
          clocksByJob.get(job.id) ?? [],
          now,
        ),
      );
      const order = toRepairOrder(
        row,
        jobs,
        amendmentsByOrder.get(id) ?? [],
        signaturesByOrder.get(id) ?? [],
        photosByOrder.get(id) ?? [],
      );
      return [id, order] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export async function selectRepairOrderById(
  db: Executor,
  id: string,
  now: Date,
): Promise<RepairOrder | undefined> {
  const [order] = await selectRepairOrdersByIds(db, [id], now);
  return order;
}

function toJob(
  job: typeof repairOrderJobs.$inferSelect,
  technicianName: string | null,
  lineRows: Array<typeof repairOrderLines.$inferSelect>,
  clockRows: Array<typeof repairOrderClockEvents.$inferSelect>,
  now: Date,
): RepairOrderJob {
  const lines = lineRows.map((line) => ({
    id: line.id,
    kind: line.kind,
    description: line.description,
    reference: line.reference,
    quantity: line.quantityMilli / 1000,
    unit: line.unit,
    unitPriceCents: line.unitPriceCents,
    vatRateBp: line.vatRateBp,
    discountBp: line.discountBp,
    totalExclVatCents: line.totalExclVatCents,
    piecCategory: line.piecCategory,
    piecChoice: line.piecChoice,
    partCondition: line.partCondition,
  }));
  const names = new Map(clockRows.map((event) => [event.technicianId, event.technicianName]));
  const clocked = clockedMinutes(
    clockRows.map((event) => ({
      technicianId: event.technicianId,
      action: event.action,
      at: event.at.toISOString(),
    })),
    now,
  );
  return {
    id: job.id,
    title: job.title,
    amendmentId: job.amendmentId,
    technicianId: job.technicianId,
    technicianName: job.technicianId ? technicianName : null,
    lines,
    totalExclVatCents: lines.reduce((sum, line) => sum + line.totalExclVatCents, 0),
    soldMinutes: soldMinutes(lines),
    clockedMinutes: clocked.minutes,
    clockedOn: clocked.clockedOn.map((id) => ({ id, name: names.get(id) ?? '' })),
  };
}

type SelectedOrder = {
  order: OrderRow;
  client: Parameters<typeof getClientDisplayName>[0];
  vehicle: { plate: string; make: string | null; model: string | null };
  quoteNumber: string | null;
  technicianName: string | null;
};

function toRepairOrder(
  { order, client, vehicle, quoteNumber, technicianName }: SelectedOrder,
  jobs: RepairOrderJob[],
  amendmentRows: Array<typeof repairOrderAmendments.$inferSelect>,
  signatureRows: Array<Omit<typeof repairOrderSignatures.$inferSelect, 'image' | 'signedText'>>,
  photoRows: Array<Omit<typeof repairOrderPhotos.$inferSelect, 'data'>>,
): RepairOrder {
  const amendments = amendmentRows.map((amendment) => {
    const own = jobs.filter((job) => job.amendmentId === amendment.id);
    return {
      id: amendment.id,
      status: amendment.status,
      note: amendment.note,
      createdAt: amendment.createdAt.toISOString(),
      createdBy: actorOf(amendment.createdById, amendment.createdByName),
      jobIds: own.map((job) => job.id),
      totalExclVatCents: own.reduce((sum, job) => sum + job.totalExclVatCents, 0),
      decision:
        amendment.status !== 'pending' && amendment.decidedAt && amendment.decisionChannel
          ? {
              decision: amendment.status,
              channel: amendment.decisionChannel,
              decidedAt: amendment.decidedAt.toISOString(),
              recordedBy: actorOf(amendment.decidedById, amendment.decidedByName),
              call:
                amendment.decisionChannel === 'phone' && amendment.calledAt
                  ? {
                      caller: amendment.caller ?? '',
                      callee: amendment.callee ?? '',
                      calledAt: amendment.calledAt.toISOString(),
                    }
                  : null,
              signatureId: amendment.signatureId,
              reason: amendment.reason,
            }
          : null,
    };
  });
  const authorised = jobs.filter((job) => isJobAuthorised({ amendments }, job));
  const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals({
    jobs: authorised,
    vatExempt: order.vatExempt,
  });
  return {
    id: order.id,
    version: order.version,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    number: order.number,
    status: order.status,
    origin: order.origin,
    clientId: order.clientId,
    clientName: getClientDisplayName(client),
    vehicleId: order.vehicleId,
    vehiclePlate: vehicle.plate,
    vehicleLabel: [vehicle.make, vehicle.model].filter(Boolean).join(' '),
    quoteId: order.quoteId,
    quoteNumber: order.quoteId ? quoteNumber : null,
    technicianId: order.technicianId,
    technicianName: order.technicianId ? technicianName : null,
    promisedAt: iso(order.promisedAt),
    checkIn: {
      mileageKm: order.mileageKm,
      fuelLevel: order.fuelLevel,
      damage: order.damage,
      notes: order.checkInNotes,
      keysTag: order.keysTag,
      checkedInAt: iso(order.checkedInAt),
    },
    jobs,
    amendments,
    signatures: signatureRows.map((signature) => ({
      id: signature.id,
      kind: signature.kind,
      signerName: signature.signerName,
      signedAt: signature.signedAt.toISOString(),
      recordedBy: actorOf(signature.recordedById, signature.recordedByName),
      versionHash: signature.versionHash,
      version: signature.version,
      amendmentId: signature.amendmentId,
    })),
    photos: photoRows.map((photo) => ({
      id: photo.id,
      contentType: photo.contentType,
      bytes: photo.bytes,
      width: photo.width,
      height: photo.height,
      createdAt: photo.createdAt.toISOString(),
      createdBy: actorOf(photo.createdById, photo.createdByName),
    })),
    handBack:
      order.closedAt && order.handBackChecklist && order.handBackSignatureId
        ? {
            checklist: order.handBackChecklist,
            handedBackAt: order.closedAt.toISOString(),
            handedBackBy: actorOf(order.handedBackById, order.handedBackByName),
            signatureId: order.handBackSignatureId,
          }
        : null,
    vatExempt: order.vatExempt,
    totals: { exclVatCents, vatCents, inclVatCents, byRate },
    notes: order.notes,
    closedAt: iso(order.closedAt),
    createdBy: actorOf(order.createdById, order.createdByName),
  };
}
