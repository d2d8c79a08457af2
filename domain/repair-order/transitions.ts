import { AppError, type RefusalCode } from '../errors';
import {
  REPAIR_ORDER_STATUS_LABELS,
  type RepairOrder,
  type RepairOrderStatus,
} from '../schemas/repair-order';
import { missingPiecChoices } from './piec';

/**
 * The OR's life, once: the service refuses what this refuses, the board lets a card go only
 * where this allows, with the same reason.
 *
 *   todo → in_progress ⇄ waiting_parts | waiting_approval → done → handed_back
 *
 * Hand-back is its own step (`/hand-back`: the checklist and the customer's signature); it
 * closes and locks the OR.
 */
const NEXT: Record<RepairOrderStatus, readonly RepairOrderStatus[]> = {
  todo: ['in_progress', 'waiting_parts'],
  in_progress: ['waiting_parts', 'waiting_approval', 'done', 'todo'],
  waiting_parts: ['in_progress', 'todo'],
  waiting_approval: ['in_progress'],
  // Something found at the final check: back to the workshop.
  done: ['in_progress'],
  handed_back: [],
};

export function availableTransitions(status: RepairOrderStatus): readonly RepairOrderStatus[] {
  return NEXT[status];
}

type Subject = Pick<RepairOrder, 'status' | 'amendments' | 'signatures' | 'jobs' | 'version'>;

const lower = (status: RepairOrderStatus) => REPAIR_ORDER_STATUS_LABELS[status].toLowerCase();

/** The customer signed the check-in of this OR (any version: the work ordered is locked then). */
export function isCheckInSigned(order: Pick<RepairOrder, 'signatures'>): boolean {
  return order.signatures.some((signature) => signature.kind === 'check_in');
}

export function hasPendingAmendment(order: Pick<RepairOrder, 'amendments'>): boolean {
  return order.amendments.some((amendment) => amendment.status === 'pending');
}

/** Whether the OR may move to `to` now; the refusal the service throws otherwise. */
export function checkRepairOrderTransition(
  order: Subject,
  to: RepairOrderStatus,
): AppError<RefusalCode> | null {
  if (order.status === 'handed_back') {
    return new AppError('repair_order_locked');
  }
  if (to === 'handed_back') {
    return new AppError(
      'handback_incomplete',
      'La restitution passe par la liste de contrôle et la signature du client.',
    );
  }
  if (!NEXT[order.status].includes(to)) {
    return new AppError(
      'invalid_transition',
      `Un ordre de réparation « ${lower(order.status)} » ne peut pas passer à « ${lower(to)} ».`,
      { from: order.status, to },
    );
  }
  if ((to === 'in_progress' || to === 'done') && !isCheckInSigned(order)) {
    return new AppError('checkin_unsigned');
  }
  if (to === 'done' && hasPendingAmendment(order)) {
    return new AppError('amendment_pending');
  }
  if (to === 'in_progress' && order.status === 'waiting_approval' && hasPendingAmendment(order)) {
    return new AppError('amendment_pending');
  }
  return null;
}

/** The customer may sign the check-in once every PIEC part has an answer. */
export function checkCheckInSignable(
  order: Pick<RepairOrder, 'status' | 'jobs'>,
): AppError<RefusalCode> | null {
  if (order.status === 'handed_back') return new AppError('repair_order_locked');
  const missing = missingPiecChoices(order.jobs);
  if (missing.length > 0) {
    return new AppError(
      'piec_choice_missing',
      `Le choix du client sur les pièces issues de l’économie circulaire manque pour : ${missing
        .map((line) => line.description)
        .join(', ')}.`,
      { lineIds: missing.map((line) => line.id) },
    );
  }
  return null;
}

/** Edits to the work or the check-in: free until the customer signed; amendments after. */
export function checkRepairOrderEditable(
  order: Pick<RepairOrder, 'status' | 'signatures'>,
): AppError<RefusalCode> | null {
  if (order.status === 'handed_back') return new AppError('repair_order_locked');
  if (isCheckInSigned(order)) {
    return new AppError(
      'repair_order_signed',
      'Le client a signé l’ordre de réparation : ajoutez des travaux supplémentaires.',
    );
  }
  return null;
}

/** The hand-back: the work done, nothing waiting for the customer, the checklist ticked. */
export function checkHandBack(
  order: Subject,
  checklist: { workDone: boolean; declinedWorkReminded: boolean; nextDueReminded: boolean },
): AppError<RefusalCode> | null {
  if (order.status === 'handed_back') return new AppError('repair_order_locked');
  if (order.status !== 'done') {
    return new AppError(
      'handback_incomplete',
      'Le véhicule est restitué une fois les travaux terminés.',
    );
  }
  if (hasPendingAmendment(order)) return new AppError('amendment_pending');
  if (!checklist.workDone || !checklist.declinedWorkReminded || !checklist.nextDueReminded) {
    return new AppError('handback_incomplete', 'Cochez chaque point de la liste de restitution.');
  }
  return null;
}
