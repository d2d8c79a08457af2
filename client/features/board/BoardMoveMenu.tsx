import { For, onMount } from 'solid-js';
import {
  REPAIR_ORDER_STATUS_LABELS,
  type RepairOrderStatus,
} from '../../../domain/schemas/repair-order';

/**
 * A card's « Déplacer » menu: the columns it may go to, left to right. It takes the focus when
 * it opens; Escape closes it and gives the focus back to the card.
 */
export function BoardMoveMenu(props: {
  number: string;
  targets: readonly RepairOrderStatus[];
  onClose: () => void;
  onPick: (to: RepairOrderStatus) => void;
}) {
  let first: HTMLButtonElement | undefined;
  onMount(() => first?.focus());
  return (
    <div
      class="board-move-menu"
      role="menu"
      aria-label={`Déplacer ${props.number} vers`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose();
      }}
    >
      <For each={props.targets}>
        {(to, index) => (
          <button
            type="button"
            role="menuitem"
            ref={(button) => {
              if (index() === 0) first = button;
            }}
            onClick={() => props.onPick(to)}
          >
            {REPAIR_ORDER_STATUS_LABELS[to]}
          </button>
        )}
      </For>
    </div>
  );
}
