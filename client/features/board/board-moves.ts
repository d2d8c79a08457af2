import { assessPromise, type PromiseRisk } from '../../../domain/repair-order/at-risk';
import { availableTransitions } from '../../../domain/repair-order/transitions';
import {
  REPAIR_ORDER_STATUSES,
  type RepairOrderCard,
  type RepairOrderStatus,
} from '../../../domain/schemas/repair-order';

/** The board's columns, left to right: the OR's life (domain/repair-order/transitions.ts). */
export const BOARD_COLUMNS = REPAIR_ORDER_STATUSES;

/**
 * Where a card may be dropped: the moves the domain allows from its column. The hand-back is
 * never a drop (its own step: checklist and signature); guards that need the whole OR (check-in
 * signed, amendment pending) are the server's, and a refusal snaps the card back. In the board's
 * order, left to right, as the « Déplacer » menu lists them.
 */
export function dropTargets(status: RepairOrderStatus): readonly RepairOrderStatus[] {
  return availableTransitions(status)
    .filter((to) => to !== 'handed_back')
    .sort((a, b) => BOARD_COLUMNS.indexOf(a) - BOARD_COLUMNS.indexOf(b));
}

/**
 * The allowed column next to this one on the board, to the right (`1`) or the left (`-1`), for
 * the keyboard's Shift + arrow; null when there is none that way.
 */
export function neighbourTarget(
  status: RepairOrderStatus,
  direction: 1 | -1,
): RepairOrderStatus | null {
  const allowed = new Set(dropTargets(status));
  const from = BOARD_COLUMNS.indexOf(status);
  for (let at = from + direction; at >= 0 && at < BOARD_COLUMNS.length; at += direction) {
    const column = BOARD_COLUMNS[at]!;
    if (allowed.has(column)) return column;
  }
  return null;
}

/** A column's cards: the promise nearest first, those without one last, then oldest first. */
export function compareInColumn(a: RepairOrderCard, b: RepairOrderCard): number {
  if (a.promisedAt !== b.promisedAt) {
    if (a.promisedAt === null) return 1;
    if (b.promisedAt === null) return -1;
    return a.promisedAt < b.promisedAt ? -1 : 1;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** The promise's risk as the card shows it, at `now` (re-evaluated every minute). */
export function cardRisk(card: RepairOrderCard, now: Date): PromiseRisk {
  return assessPromise({
    promisedAt: card.promisedAt,
    status: card.status,
    soldMinutes: card.soldMinutes,
    clockedMinutes: card.clockedMinutes,
    now,
  });
}
