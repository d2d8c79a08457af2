import { createEffect, createSignal, onCleanup } from 'solid-js';
import { toParisDate } from '../../../domain/dates';
import { type RepairOrderCard, toRepairOrderCard } from '../../../domain/schemas/repair-order';
import { useChanges } from '../../lib/live';
import { createLiveList, type Page } from '../../lib/live-list';
import { useSession } from '../../lib/session';
import { getRepairOrdersPage } from '../repair-orders/repair-orders.api';

export type BoardFilters = { day: string; technicianId?: string };

const MOVED_MS = 6000;

/** The server's order: newest first (created at, then id). */
function compareCards(a: RepairOrderCard, b: RepairOrderCard): number {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/**
 * The board of a Paris day, live: the open ORs and those handed back that day, every page read
 * (a board is whole or misleading), each `repair_order` change placed in its column. A card
 * someone else moved is named with who moved it, for a few seconds.
 */
export function createBoardList(
  filters: () => BoardFilters,
  firstPage: () => Page<RepairOrderCard> | undefined,
) {
  const session = useSession();
  const [moves, setMoves] = createSignal<Record<string, string>>({});
  const timers = new Set<ReturnType<typeof setTimeout>>();
  onCleanup(() => {
    for (const timer of timers) clearTimeout(timer);
  });
  useChanges('repair_order', (change) => {
    if (change.action !== 'transitioned' || !change.actor) return;
    if (change.actor.id === session.user()?.id) return;
    const name = change.actor.name;
    setMoves((current) => ({ ...current, [change.id]: name }));
    const timer = setTimeout(() => {
      timers.delete(timer);
      setMoves(({ [change.id]: _, ...rest }) => rest);
    }, MOVED_MS);
    timers.add(timer);
  });

  const list = createLiveList({
    entity: 'repair_order',
    firstPage,
    fetchPage: (cursor) =>
      cursor ? getRepairOrdersPage(filters(), cursor) : getRepairOrdersPage(filters()),
    compare: compareCards,
    place: (change) => {
      const order = change.data;
      const { day, technicianId } = filters();
      const isToday =
        order.status !== 'handed_back' ||
        (order.closedAt !== null && toParisDate(order.closedAt) === day);
      const isListed = isToday && (!technicianId || order.technicianId === technicianId);
      return { item: toRepairOrderCard(order), isListed };
    },
    placeItem: (card) => {
      const { technicianId } = filters();
      return !technicianId || card.technicianId === technicianId;
    },
  });

  // Every page: the board shows every OR of the day, 300 open ones included.
  createEffect(() => {
    if (list.isLoaded() && list.hasMore() && !list.isLoadingMore() && !list.loadMoreError()) {
      void list.loadMore();
    }
  });

  return {
    ...list,
    /** Who moved this card to its column, for a few seconds (someone else than the user). */
    movedBy: (id: string): string | undefined => moves()[id],
  };
}
