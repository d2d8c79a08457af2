import type { z } from 'zod';
import { endOfDayParis, startOfDayInParis, todayInParis } from '../../../domain/dates';
import { checkRepairOrderEditable } from '../../../domain/repair-order/transitions';
import {
  type RepairOrder,
  type RepairOrderAssignSchema,
  type RepairOrderCard,
  type RepairOrderListQuerySchema,
  type RepairOrderUpdateSchema,
  toRepairOrderCard,
  toWorkshopCard,
  type WorkshopCard,
} from '../../../domain/schemas/repair-order';
import { toPlateAwareTerms } from '../../../domain/text';
import { FEED_READERS, READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import { encodeCursor } from '../../db/cursor';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { selectRepairOrderById, selectRepairOrdersByIds } from './repair-orders.read.repo';
import {
  checkNotLocked,
  checkOwnIds,
  checkTechnicians,
  checkVersion,
  lockAndRead,
  requireRepairOrder,
  saveRepairOrder,
  technicianFields,
} from './repair-orders.records';
import {
  deleteOrderedJobs,
  insertRepairOrderJobs,
  selectDayBoardIds,
  selectRepairOrderOfQuote,
  selectRepairOrderPageIds,
} from './repair-orders.repo';

/*
 * Repair orders (decision 0016): the board's list, reading one, the wall's workshop board,
 * editing one until the customer signs, assigning its technician; opening one is
 * repair-orders.opening.ts. The rest of its life is in the sibling files, exported from here:
 * the routes and other features import this file only.
 */

type ListQuery = z.output<typeof RepairOrderListQuerySchema>;

function dayBounds(day: string): { from: Date; to: Date } {
  return { from: startOfDayInParis(day), to: endOfDayParis(day) };
}

export async function listRepairOrders(
  deps: Deps,
  actor: Actor,
  query: ListQuery,
): Promise<{ items: RepairOrderCard[]; nextCursor: string | null }> {
  requireRole(actor, READERS);
  const rows = await selectRepairOrderPageIds(deps.db, {
    terms: toPlateAwareTerms(query.q ?? ''),
    status: query.status,
    technicianId: query.technicianId,
    vehicleId: query.vehicleId,
    clientId: query.clientId,
    day: query.day ? dayBounds(query.day) : undefined,
    cursor: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const orders = await selectRepairOrdersByIds(
    deps.db,
    page.map((row) => row.id),
    deps.now(),
  );
  const last = page.at(-1);
  return {
    items: orders.map(toRepairOrderCard),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(last.createdAt.toISOString(), last.id)
        : null,
  };
}

export async function getRepairOrder(deps: Deps, actor: Actor, id: string): Promise<RepairOrder> {
  requireRole(actor, READERS);
  return requireRepairOrder(deps.db, id, deps.now());
}

/** More than a garage's day; the wall shows the first ones if ever it had more. */
const WORKSHOP_MAX = 500;

/** The wall's workshop mode: today's board (Paris), no customer, no money; the wall may read it. */
export async function listWorkshop(deps: Deps, actor: Actor): Promise<WorkshopCard[]> {
  requireRole(actor, FEED_READERS);
  const ids = await selectDayBoardIds(deps.db, dayBounds(todayInParis(deps.now())), WORKSHOP_MAX);
  return (await selectRepairOrdersByIds(deps.db, ids, deps.now())).map(toWorkshopCard);
}

/** The work and the check-in, edited freely until the customer signs (then: amendments). */
export async function updateRepairOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof RepairOrderUpdateSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  const { version, jobs, promisedAt, ...values } = patch;
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await lockAndRead(tx, id, deps.now());
    await checkVersion(tx, current, version);
    const refused = checkRepairOrderEditable(current);
    if (refused) throw refused;
    await checkTechnicians(tx, technicianFields({ technicianId: values.technicianId, jobs }));
    if (jobs) {
      await checkOwnIds(tx, id, jobs);
      // No amendment exists before the check-in is signed: the work ordered is all the jobs.
      await deleteOrderedJobs(tx, id);
      await insertRepairOrderJobs(tx, id, jobs, { amendmentId: null, firstPosition: 0 });
    }
    return saveRepairOrder(
      tx,
      deps,
      record,
      current,
      {
        ...values,
        ...(promisedAt === undefined
          ? {}
          : { promisedAt: promisedAt ? new Date(promisedAt) : null }),
      },
      'updated',
    );
  });
}

/** A technician assigned (or none): allowed at any time until the hand-back, signed or not. */
export async function assignRepairOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof RepairOrderAssignSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await lockAndRead(tx, id, deps.now());
    await checkVersion(tx, current, input.version);
    checkNotLocked(current);
    await checkTechnicians(tx, [{ path: 'technicianId', id: input.technicianId }]);
    return saveRepairOrder(
      tx,
      deps,
      record,
      current,
      { technicianId: input.technicianId },
      'updated',
    );
  });
}

export { createAmendment, decideAmendment } from './repair-orders.amendments';
export { clockRepairOrderJob } from './repair-orders.clock';
export { createRepairOrder } from './repair-orders.opening';
export { addRepairOrderPhoto, readRepairOrderPhoto } from './repair-orders.photos';
export { readSignatureImage, signRepairOrder } from './repair-orders.signatures';
export { handBackRepairOrder, transitionRepairOrder } from './repair-orders.transitions';

/** For the features above (invoices): the OR as the API returns it, in the caller's transaction. */
export function readRepairOrder(
  db: Executor,
  id: string,
  now: Date,
): Promise<RepairOrder | undefined> {
  return selectRepairOrderById(db, id, now);
}

/** The OR opened from that quote, if any (one at most). */
export function findRepairOrderOfQuote(
  db: Executor,
  quoteId: string,
): Promise<{ id: string; number: string } | undefined> {
  return selectRepairOrderOfQuote(db, quoteId);
}
