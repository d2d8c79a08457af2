import type { z } from 'zod';
import {
  checkHandBack,
  checkRepairOrderTransition,
} from '../../../domain/repair-order/transitions';
import type {
  HandBackInputSchema,
  RepairOrder,
  RepairOrderTransitionSchema,
} from '../../../domain/schemas/repair-order';
import { requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import {
  checkSignatureHolds,
  checkVersion,
  fieldError,
  lockAndRead,
  saveRepairOrder,
} from './repair-orders.records';
import { insertClockEvents } from './repair-orders.repo';

/*
 * An OR moving on the board (the domain's state machine and guards), and its hand-back, which
 * closes and locks it. Reached through repair-orders.service.ts.
 */

/**
 * Whoever is still clocked on when the work is declared finished is clocked off then: the time
 * spent stops counting at "Terminé", not at the next morning's hand-back.
 */
async function stopRunningClocks(tx: Executor, order: RepairOrder, at: Date): Promise<void> {
  await insertClockEvents(
    tx,
    order.jobs.flatMap((job) =>
      job.clockedOn.map((technician) => ({
        repairOrderId: order.id,
        jobId: job.id,
        technicianId: technician.id,
        technicianName: technician.name,
        action: 'stop' as const,
        at,
      })),
    ),
  );
}

export async function transitionRepairOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof RepairOrderTransitionSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await lockAndRead(tx, id, deps.now());
    await checkVersion(tx, current, input.version);
    const refused = checkRepairOrderTransition(current, input.to);
    if (refused) throw refused;
    if (input.to === 'done') await stopRunningClocks(tx, current, deps.now());
    return saveRepairOrder(tx, deps, record, current, { status: input.to }, 'transitioned');
  });
}

/**
 * The car goes back to its owner: the work done, nothing waiting for the customer, the checklist
 * ticked and the hand-back signed (recorded first through `/signatures`). Closed and locked.
 */
export async function handBackRepairOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof HandBackInputSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await lockAndRead(tx, id, deps.now());
    await checkVersion(tx, current, input.version);
    const refused = checkHandBack(current, input.checklist);
    if (refused) throw refused;
    const signature = current.signatures.find(
      (candidate) => candidate.id === input.signatureId && candidate.kind === 'hand_back',
    );
    if (!signature) {
      throw fieldError('signatureId', 'Faites d’abord signer la restitution par le client.');
    }
    await checkSignatureHolds(
      current,
      signature,
      'Les travaux ont changé depuis la signature de la restitution : faites-la signer à nouveau.',
    );
    const now = deps.now();
    await stopRunningClocks(tx, current, now);
    return saveRepairOrder(
      tx,
      deps,
      record,
      current,
      {
        status: 'handed_back',
        closedAt: now,
        handedBackById: actor.id,
        handedBackByName: actor.name,
        handBackChecklist: input.checklist,
        handBackSignatureId: signature.id,
      },
      'transitioned',
    );
  });
}
