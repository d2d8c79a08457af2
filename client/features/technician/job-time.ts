import { isCheckInSigned } from '../../../domain/repair-order/transitions';
import type { RepairOrder, RepairOrderJob } from '../../../domain/schemas/repair-order';
import { isJobAuthorised } from '../../../domain/schemas/repair-order';

/**
 * A job's clocked minutes now: the server counts them up to the moment it answered; while
 * someone is clocked on, the minutes since that answer are theirs too (one running clock per
 * technician on the job).
 */
export function clockedMinutesNow(
  job: Pick<RepairOrderJob, 'clockedMinutes' | 'clockedOn'>,
  receivedAt: number,
  now: number,
): number {
  const running = job.clockedOn.length;
  if (running === 0) return job.clockedMinutes;
  return job.clockedMinutes + Math.floor(((now - receivedAt) / 60_000) * running);
}

/** "1 h 05", "35 min": a duration a technician reads at a glance. */
export function formatMinutes(minutes: number): string {
  const rounded = Math.max(0, Math.round(minutes));
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/**
 * Why a technician may not clock on this job now, or null: the server refuses the same
 * (`checkin_unsigned`, `job_not_authorised`, `repair_order_locked`), the page says it first.
 */
export function clockBlockedReason(
  order: Pick<RepairOrder, 'status' | 'signatures' | 'amendments'>,
  job: Pick<RepairOrderJob, 'amendmentId'>,
): string | null {
  if (order.status === 'handed_back') return 'Véhicule restitué';
  if (!isCheckInSigned(order)) return 'En attente de la signature du client à l’accueil';
  if (isJobAuthorised(order, job)) return null;
  const amendment = order.amendments.find((candidate) => candidate.id === job.amendmentId);
  return amendment?.status === 'refused' ? 'Refusé par le client' : 'En attente d’accord du client';
}
