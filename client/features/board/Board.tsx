import { useAction } from '@solidjs/router';
import { createMemo, createSignal, For } from 'solid-js';
import { readDetails } from '../../../domain/refusals';
import {
  type RepairOrder,
  type RepairOrderCard,
  RepairOrderSchema,
  type RepairOrderStatus,
  toRepairOrderCard,
} from '../../../domain/schemas/repair-order';
import { errorMessage } from '../../lib/api';
import { showToast } from '../../ui/toast';
import { assignRepairOrder, moveRepairOrder } from '../repair-orders/repair-orders.api';
import { BoardCard, type Technician } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { BOARD_COLUMNS, compareInColumn, dropTargets } from './board-moves';

type BoardList = {
  items: () => RepairOrderCard[];
  put: (card: RepairOrderCard) => void;
  movedBy: (id: string) => string | undefined;
  changedBy: (id: string) => string | undefined;
};

/**
 * The columns. A move shows at once in its new column and is sent; the server's answer (or
 * the change it broadcasts) confirms it, a refusal puts the card back with the server's French
 * reason. A stale card takes the OR as it is now (the refusal carries it).
 */
export function Board(props: {
  list: BoardList;
  now: Date;
  mayWrite: boolean;
  technicians: readonly Technician[];
}) {
  const move = useAction(moveRepairOrder);
  const assign = useAction(assignRepairOrder);
  const [pending, setPending] = createSignal<Record<string, RepairOrderStatus>>({});
  const [dragged, setDragged] = createSignal<RepairOrderCard | null>(null);
  const [focusId, setFocusId] = createSignal<string | null>(null);

  const statusOf = (card: RepairOrderCard) => pending()[card.id] ?? card.status;
  /** The cards by column, grouped once per change of the list (300 cards on a busy day). */
  const columns = createMemo(() => {
    const grouped = new Map<RepairOrderStatus, RepairOrderCard[]>(
      BOARD_COLUMNS.map((status) => [status, []]),
    );
    for (const card of props.list.items()) grouped.get(statusOf(card))?.push(card);
    for (const cards of grouped.values()) cards.sort(compareInColumn);
    return grouped;
  });
  const cardsOf = (status: RepairOrderStatus) => columns().get(status) ?? [];

  function takeCurrent(error: unknown): void {
    const current = RepairOrderSchema.safeParse(readDetails(error, 'stale_version')?.current);
    if (current.success) props.list.put(toRepairOrderCard(current.data));
  }

  function adopt(order: RepairOrder): void {
    props.list.put(toRepairOrderCard(order));
  }

  async function moveCard(card: RepairOrderCard, to: RepairOrderStatus, isKeyboard: boolean) {
    if (pending()[card.id] || !dropTargets(card.status).includes(to)) return;
    // Before the card leaves its column: the one mounted in the new column takes the focus.
    if (isKeyboard) setFocusId(card.id);
    setPending((current) => ({ ...current, [card.id]: to }));
    try {
      adopt(await move(card.id, to, card.version));
    } catch (error) {
      takeCurrent(error);
      showToast(`${card.number} : ${errorMessage(error)}`, 'error');
      if (isKeyboard) setFocusId(card.id);
    } finally {
      setPending(({ [card.id]: _, ...rest }) => rest);
    }
  }

  async function assignCard(card: RepairOrderCard, technicianId: string | null) {
    try {
      adopt(await assign(card.id, { technicianId, version: card.version }));
    } catch (error) {
      takeCurrent(error);
      showToast(`${card.number} : ${errorMessage(error)}`, 'error');
    }
  }

  const dropStateOf = (status: RepairOrderStatus) => {
    const card = dragged();
    if (!card || card.status === status) return 'idle';
    return dropTargets(card.status).includes(status) ? 'allowed' : 'refused';
  };

  return (
    <div class="board" classList={{ 'board-dragging': dragged() !== null }}>
      <For each={BOARD_COLUMNS}>
        {(status) => (
          <BoardColumn
            status={status}
            count={cardsOf(status).length}
            dropState={dropStateOf(status)}
            onDrop={() => {
              const card = dragged();
              setDragged(null);
              if (card) void moveCard(card, status, false);
            }}
          >
            <For each={cardsOf(status)}>
              {(card) => (
                <BoardCard
                  card={card}
                  now={props.now}
                  mayWrite={props.mayWrite}
                  technicians={props.technicians}
                  hint={hintOf(props.list, card.id)}
                  isPending={pending()[card.id] !== undefined}
                  focusOnMount={focusId() === card.id}
                  onFocused={() => setFocusId(null)}
                  onMove={(to) => void moveCard(card, to, true)}
                  onAssign={(technicianId) => void assignCard(card, technicianId)}
                  onDragStart={() => setDragged(card)}
                  onDragEnd={() => setDragged(null)}
                />
              )}
            </For>
          </BoardColumn>
        )}
      </For>
    </div>
  );
}

function hintOf(list: BoardList, id: string): string | undefined {
  const mover = list.movedBy(id);
  if (mover) return `déplacé par ${mover}`;
  const editor = list.changedBy(id);
  return editor ? `modifié par ${editor}` : undefined;
}
