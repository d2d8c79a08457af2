import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { hasPendingAmendment, isCheckInSigned } from '../../../domain/repair-order/transitions';
import type {
  AmendmentCreateSchema,
  AmendmentDecisionInputSchema,
  RepairOrder,
} from '../../../domain/schemas/repair-order';
import { requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { type RecordChange, writeWithChanges } from '../changes/changes.service';
import { keepRefusedRepairWork } from '../quotes/quotes.service';
import { readVehicle } from '../vehicles/vehicles.service';
import {
  checkNotLocked,
  checkOwnIds,
  checkSignatureHolds,
  checkTechnicians,
  checkVersion,
  fieldError,
  lockAndRead,
  saveRepairOrder,
  technicianFields,
} from './repair-orders.records';
import { insertAmendment, insertRepairOrderJobs, updateAmendment } from './repair-orders.repo';

/*
 * Extra work found during the job ("travaux supplémentaires"): added as a pending amendment,
 * never clocked until the customer authorises it (at the counter with a signature, or by phone),
 * kept on the vehicle as "travaux à prévoir" if refused. Reached through repair-orders.service.ts.
 */

/**
 * Once the check-in is signed, the work ordered is locked: what is found after goes here. An OR
 * in progress waits for the customer ("En attente d'accord") until the last answer comes.
 */
export async function createAmendment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof AmendmentCreateSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const now = deps.now();
    const current = await lockAndRead(tx, id, now);
    await checkVersion(tx, current, input.version);
    checkNotLocked(current);
    // Before the signature there is nothing to amend: the OR itself is edited.
    if (!isCheckInSigned(current)) throw new AppError('checkin_unsigned');
    await checkTechnicians(tx, technicianFields({ jobs: input.jobs }));
    await checkOwnIds(tx, id, input.jobs);
    const amendmentId = await insertAmendment(tx, {
      repairOrderId: id,
      status: 'pending',
      note: input.note,
      createdAt: now,
      createdById: actor.id,
      createdByName: actor.name,
    });
    await insertRepairOrderJobs(tx, id, input.jobs, {
      amendmentId,
      firstPosition: current.jobs.length,
    });
    const status = current.status === 'in_progress' ? 'waiting_approval' : current.status;
    return saveRepairOrder(tx, deps, record, current, { status }, 'updated');
  });
}

/** The customer's answer, by signature (recorded first, kind `amendment`) or by phone. */
export async function decideAmendment(
  deps: Deps,
  actor: Actor,
  id: string,
  amendmentId: string,
  input: z.output<typeof AmendmentDecisionInputSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const now = deps.now();
    const current = await lockAndRead(tx, id, now);
    await checkVersion(tx, current, input.version);
    checkNotLocked(current);
    const amendment = current.amendments.find((candidate) => candidate.id === amendmentId);
    if (!amendment)
      throw new AppError('not_found', 'Ces travaux supplémentaires sont introuvables.');
    if (amendment.status !== 'pending') {
      throw new AppError('invalid_transition', 'Le client a déjà répondu pour ces travaux.', {
        from: amendment.status,
        to: input.decision,
      });
    }
    const isPhone = input.channel === 'phone';
    if (!isPhone) {
      const signature = current.signatures.find(
        (candidate) => candidate.id === input.signatureId && candidate.amendmentId === amendmentId,
      );
      if (!signature) {
        throw fieldError('signatureId', 'Cette signature ne porte pas sur ces travaux.');
      }
      await checkSignatureHolds(
        current,
        signature,
        'L’ordre de réparation a changé depuis la signature : faites signer à nouveau.',
      );
    }
    await updateAmendment(tx, amendmentId, {
      status: input.decision,
      decidedAt: now,
      decisionChannel: input.channel,
      decidedById: actor.id,
      decidedByName: actor.name,
      caller: isPhone ? input.caller : null,
      callee: isPhone ? input.callee : null,
      calledAt: isPhone && input.calledAt ? new Date(input.calledAt) : null,
      signatureId: isPhone ? null : input.signatureId,
      reason: input.reason,
    });
    if (input.decision === 'refused' && input.keepDeclinedWork) {
      await keepRefusedWork(tx, record, current, amendmentId, now);
    }
    const isLastAnswer = !hasPendingAmendment({
      amendments: current.amendments.filter((candidate) => candidate.id !== amendmentId),
    });
    const status =
      current.status === 'waiting_approval' && isLastAnswer ? 'in_progress' : current.status;
    return saveRepairOrder(tx, deps, record, current, { status }, 'updated');
  });
}

/** The refused amendment's lines go onto the vehicle, to be proposed again later. */
async function keepRefusedWork(
  tx: Executor,
  record: RecordChange,
  order: RepairOrder,
  amendmentId: string,
  now: Date,
): Promise<void> {
  await keepRefusedRepairWork(
    tx,
    order.jobs
      .filter((job) => job.amendmentId === amendmentId)
      .flatMap((job) =>
        job.lines.map((line) => ({
          vehicleId: order.vehicleId,
          repairOrderId: order.id,
          repairOrderLineId: line.id,
          quoteId: order.quoteId,
          description: `${job.title} — ${line.description}`,
          amountExclVatCents: line.totalExclVatCents,
          createdAt: now,
        })),
      ),
  );
  // The vehicle's history lists them: its screens re-read it on the vehicle's change.
  const vehicle = await readVehicle(tx, order.vehicleId);
  if (vehicle) record({ entity: 'vehicle', action: 'updated', id: vehicle.id, data: vehicle });
}
