import { AppError } from '../../../domain/errors';
import { hashRepairOrderVersion } from '../../../domain/repair-order/version-hash';
import type { RepairOrder, Signature } from '../../../domain/schemas/repair-order';
import type { Executor } from '../../db/client';
import type { Deps } from '../../deps';
import { type RecordChange, staleVersionError } from '../changes/changes.service';
import { readStaffMember } from '../staff/staff.service';
import { selectRepairOrderById } from './repair-orders.read.repo';
import {
  lockRepairOrder,
  type OrderRowValues,
  selectIdsOfOtherRepairOrders,
  updateRepairOrderVersioned,
} from './repair-orders.repo';

/*
 * What every operation on a repair order shares: reading it (locked, inside a write), the
 * version check, the change it records, a field's error, the technicians' check.
 */

const NOT_FOUND = 'Cet ordre de réparation est introuvable.';

export async function requireRepairOrder(
  db: Executor,
  id: string,
  now: Date,
): Promise<RepairOrder> {
  const order = await selectRepairOrderById(db, id, now);
  if (!order) throw new AppError('not_found', NOT_FOUND);
  return order;
}

/** The OR, its row locked by the transaction until it commits (repo `lockRepairOrder`). */
export async function lockAndRead(tx: Executor, id: string, now: Date): Promise<RepairOrder> {
  if (!(await lockRepairOrder(tx, id))) throw new AppError('not_found', NOT_FOUND);
  return requireRepairOrder(tx, id, now);
}

/** 409 `stale_version` unless the screen wrote from the current version. */
export async function checkVersion(
  tx: Executor,
  current: RepairOrder,
  version: number,
): Promise<void> {
  if (current.version !== version) {
    throw await staleVersionError(tx, 'repair_order', current.id, current);
  }
}

/** A handed-back OR takes no write at all. */
export function checkNotLocked(order: Pick<RepairOrder, 'status'>): void {
  if (order.status === 'handed_back') throw new AppError('repair_order_locked');
}

/**
 * Writes the OR's row (its version moves on; the row is locked, so it cannot have moved since
 * `lockAndRead`), reads it back and records its change.
 */
export async function saveRepairOrder(
  tx: Executor,
  deps: Pick<Deps, 'now'>,
  record: RecordChange,
  current: RepairOrder,
  values: OrderRowValues,
  action: 'created' | 'updated' | 'transitioned',
): Promise<RepairOrder> {
  if (!(await updateRepairOrderVersioned(tx, current.id, current.version, values, deps.now()))) {
    throw await staleVersionError(tx, 'repair_order', current.id, current);
  }
  return recordRepairOrder(tx, deps, record, current.id, action);
}

export async function recordRepairOrder(
  tx: Executor,
  deps: Pick<Deps, 'now'>,
  record: RecordChange,
  id: string,
  action: 'created' | 'updated' | 'transitioned',
): Promise<RepairOrder> {
  const order = await requireRepairOrder(tx, id, deps.now());
  record({ entity: 'repair_order', action, id, data: order });
  return order;
}

/** `path` as the form names it: `jobs.0.technicianId`. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [
    { path: path.split('.'), code: 'custom', message },
  ]);
}

/** Each technician named must be an active member of the counter or the workshop. */
export async function checkTechnicians(
  tx: Executor,
  ids: ReadonlyArray<{ path: string; id: string | null | undefined }>,
): Promise<void> {
  for (const { path, id } of ids) {
    if (!id) continue;
    const member = await readStaffMember(tx, id);
    if (!member?.active || member.role === 'display') {
      throw fieldError(path, 'Ce technicien est introuvable ou inactif.');
    }
  }
}

/** An id of another OR's job or line is refused (never a 500 on its primary key). */
export async function checkOwnIds(
  tx: Executor,
  orderId: string | null,
  jobs: ReadonlyArray<{ id?: string; lines: ReadonlyArray<{ id?: string }> }>,
): Promise<void> {
  if ((await selectIdsOfOtherRepairOrders(tx, orderId, jobs)).length > 0) {
    throw fieldError('jobs', 'Ces lignes appartiennent à un autre ordre de réparation.');
  }
}

/** The technicians of the OR and of its jobs, with the field each comes from. */
export function technicianFields(input: {
  technicianId?: string | null;
  jobs?: ReadonlyArray<{ technicianId: string | null }>;
}): Array<{ path: string; id: string | null | undefined }> {
  return [
    { path: 'technicianId', id: input.technicianId },
    ...(input.jobs ?? []).map((job, index) => ({
      path: `jobs.${index}.technicianId`,
      id: job.technicianId,
    })),
  ];
}

/**
 * A signature recorded earlier still covers the OR as it stands: what it signed (the work, the
 * prices, the answers) has not changed since, only the bookkeeping around it (signatures,
 * photos, clocking, status). The hash of the current OR at the signed version is the signed one.
 * 409 `signature_stale` otherwise: the customer signs again.
 */
export async function checkSignatureHolds(
  order: RepairOrder,
  signature: Signature,
  message: string,
): Promise<void> {
  const hash = await hashRepairOrderVersion({ ...order, version: signature.version });
  if (hash !== signature.versionHash) {
    throw new AppError('signature_stale', message, { current: order });
  }
}
