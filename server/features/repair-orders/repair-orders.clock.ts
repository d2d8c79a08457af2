import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { isCheckInSigned } from '../../../domain/repair-order/transitions';
import {
  type ClockInputSchema,
  isJobAuthorised,
  type RepairOrder,
} from '../../../domain/schemas/repair-order';
import { requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { checkNotLocked, fieldError, lockAndRead, saveRepairOrder } from './repair-orders.records';
import { insertClockEvents } from './repair-orders.repo';

/*
 * A technician clocking on and off a job from the workshop's phone page: the signed-in member is
 * the technician. Reached through repair-orders.service.ts.
 */

/**
 * `start` while clocked on, or `pause`/`stop` while not, changes nothing and records nothing
 * (a double tap on a phone). The first `start` on an OR still "À faire" puts it "En cours".
 */
export async function clockRepairOrderJob(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof ClockInputSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const now = deps.now();
    const current = await lockAndRead(tx, id, now);
    checkNotLocked(current);
    if (!isCheckInSigned(current)) throw new AppError('checkin_unsigned');
    const job = current.jobs.find((candidate) => candidate.id === input.jobId);
    if (!job) throw fieldError('jobId', 'Cette prestation n’est pas sur cet ordre de réparation.');
    // Never on work the customer has not authorised, or has refused.
    if (!isJobAuthorised(current, job)) throw new AppError('job_not_authorised');
    const isClockedOn = job.clockedOn.some((technician) => technician.id === actor.id);
    if ((input.action === 'start') === isClockedOn) return current;
    await insertClockEvents(tx, [
      {
        repairOrderId: id,
        jobId: job.id,
        technicianId: actor.id,
        technicianName: actor.name,
        action: input.action,
        at: now,
      },
    ]);
    const status =
      input.action === 'start' && current.status === 'todo' ? 'in_progress' : undefined;
    return saveRepairOrder(tx, deps, record, current, status ? { status } : {}, 'updated');
  });
}
