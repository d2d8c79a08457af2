import { createSignal, type JSX, Show } from 'solid-js';
import {
  REPAIR_ORDER_STATUS_LABELS,
  type RepairOrderStatus,
} from '../../../domain/schemas/repair-order';

/**
 * A column of the board: its state, how many cards, and a drop target while a card that may
 * move here is dragged (the others are dimmed, not targets).
 */
export function BoardColumn(props: {
  status: RepairOrderStatus;
  count: number;
  /** A card is being dragged: whether it may be dropped here. */
  dropState: 'idle' | 'allowed' | 'refused';
  onDrop: () => void;
  children: JSX.Element;
}) {
  const [isOver, setOver] = createSignal(false);
  const titleId = () => `board-column-${props.status}`;
  return (
    <section
      class={`board-column board-column-${props.status}`}
      classList={{
        'board-column-allowed': props.dropState === 'allowed',
        'board-column-refused': props.dropState === 'refused',
        'board-column-over': isOver() && props.dropState === 'allowed',
      }}
      aria-labelledby={titleId()}
      data-testid="board-column"
      data-status={props.status}
      onDragOver={(event) => {
        if (props.dropState !== 'allowed') return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        if (props.dropState !== 'allowed') return;
        event.preventDefault();
        props.onDrop();
      }}
    >
      <h2 class="board-column-title" id={titleId()}>
        <span>{REPAIR_ORDER_STATUS_LABELS[props.status]}</span>
        <span class="board-column-count">
          {props.count}
          <span class="visually-hidden"> OR</span>
        </span>
      </h2>
      <div class="board-column-cards">
        <Show when={props.count > 0} fallback={<p class="board-column-empty">Aucun OR</p>}>
          {props.children}
        </Show>
      </div>
    </section>
  );
}
