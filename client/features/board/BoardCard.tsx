import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { toParisDate } from '../../../domain/dates';
import type { RepairOrderCard, RepairOrderStatus } from '../../../domain/schemas/repair-order';
import { formatDate, formatTime } from '../../lib/format';
import { BoardMoveMenu } from './BoardMoveMenu';
import { cardRisk, dropTargets, neighbourTarget } from './board-moves';

export type Technician = { id: string; name: string };

const RISK_LABELS = { late: 'Promesse dépassée', at_risk: 'Délai menacé' } as const;

function promiseText(promisedAt: string, now: Date): string {
  const time = formatTime(promisedAt);
  return toParisDate(promisedAt) === toParisDate(now)
    ? `Promis pour ${time}`
    : `Promis le ${formatDate(promisedAt)} à ${time}`;
}

/**
 * One OR on the board: what the counter needs at a glance, a red mark when the promise is at
 * risk or passed, and (for those who may write) its moves and its technician. A move is a drag,
 * the « Déplacer » menu, or Shift + arrow on the focused card.
 */
export function BoardCard(props: {
  card: RepairOrderCard;
  now: Date;
  mayWrite: boolean;
  technicians: readonly Technician[];
  /** "déplacé par …" or "modifié par …", for a few seconds after someone else's change. */
  hint?: string;
  isPending: boolean;
  focusOnMount: boolean;
  onFocused: () => void;
  onMove: (to: RepairOrderStatus) => void;
  onAssign: (technicianId: string | null) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  let element: HTMLElement | undefined;
  const [isMenuOpen, setMenuOpen] = createSignal(false);
  const risk = () => cardRisk(props.card, props.now);
  const targets = () => dropTargets(props.card.status);
  const titleId = () => `board-card-${props.card.id}`;
  /** The technician shown even if no longer in the directory (deactivated since). */
  const technicianOptions = () => {
    const { technicianId, technicianName } = props.card;
    const known = props.technicians.some((each) => each.id === technicianId);
    return technicianId && !known
      ? [...props.technicians, { id: technicianId, name: technicianName ?? '—' }]
      : props.technicians;
  };

  onMount(() => {
    if (!props.focusOnMount) return;
    element?.focus();
    props.onFocused();
  });

  function onKeyDown(event: KeyboardEvent) {
    if (event.target !== element || !props.mayWrite || !event.shiftKey) return;
    const direction = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (direction === 0) return;
    event.preventDefault();
    const to = neighbourTarget(props.card.status, direction);
    if (to) props.onMove(to);
  }

  const openMenu = () => setMenuOpen(!isMenuOpen());

  return (
    <article
      ref={element}
      class="board-card"
      classList={{
        'board-card-flash': Boolean(props.hint),
        'board-card-late': risk() === 'late',
        'board-card-at-risk': risk() === 'at_risk',
        'board-card-pending': props.isPending,
      }}
      tabindex="0"
      draggable={props.mayWrite}
      aria-labelledby={titleId()}
      aria-describedby={props.mayWrite ? 'board-keys' : undefined}
      aria-keyshortcuts={props.mayWrite ? 'Shift+ArrowLeft Shift+ArrowRight' : undefined}
      aria-busy={props.isPending ? 'true' : undefined}
      data-testid="board-card"
      data-id={props.card.id}
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        if (!props.mayWrite || !event.dataTransfer) return;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', props.card.id);
        props.onDragStart();
      }}
      onDragEnd={() => props.onDragEnd()}
    >
      <header class="board-card-head">
        <A href={`/repair-orders/${props.card.id}`} class="board-card-number" id={titleId()}>
          {props.card.number}
        </A>
        <Show when={risk() === 'late' || risk() === 'at_risk'}>
          <span class="board-risk" data-testid="board-risk">
            {RISK_LABELS[risk() as 'late' | 'at_risk']}
          </span>
        </Show>
      </header>
      <p class="board-card-plate">{props.card.vehiclePlate}</p>
      <p class="board-card-line">{props.card.vehicleLabel}</p>
      <p class="board-card-line board-card-client">{props.card.clientName}</p>
      <Show when={props.card.promisedAt}>
        {(promisedAt) => (
          <p class="board-card-line board-card-promise">
            <time datetime={promisedAt()}>{promiseText(promisedAt(), props.now)}</time>
          </p>
        )}
      </Show>
      <Show when={props.card.pendingAmendments > 0}>
        <span class="badge badge-warning board-card-badge">
          {props.card.pendingAmendments > 1
            ? `${props.card.pendingAmendments} avenants en attente d’accord`
            : 'en attente d’accord'}
        </span>
      </Show>
      <Show when={props.hint}>
        <p class="board-card-hint" role="status">
          {props.hint}
        </p>
      </Show>
      <Show
        // A car handed back is closed: its technician is history, no longer a choice.
        when={props.mayWrite && props.card.status !== 'handed_back'}
        fallback={<p class="board-card-line">{props.card.technicianName ?? 'Non attribué'}</p>}
      >
        <footer class="board-card-actions">
          <select
            class="board-card-select"
            aria-label={`Technicien de ${props.card.number}`}
            onChange={(event) => props.onAssign(event.currentTarget.value || null)}
          >
            <option value="" selected={props.card.technicianId === null}>
              Non attribué
            </option>
            <For each={technicianOptions()}>
              {(technician) => (
                <option value={technician.id} selected={technician.id === props.card.technicianId}>
                  {technician.name}
                </option>
              )}
            </For>
          </select>
          <Show when={targets().length > 0}>
            <div class="board-move">
              <button
                type="button"
                class="btn btn-ghost btn-small"
                aria-haspopup="menu"
                aria-expanded={isMenuOpen()}
                aria-label={`Déplacer ${props.card.number}`}
                onClick={openMenu}
              >
                Déplacer
              </button>
            </div>
          </Show>
        </footer>
        <Show when={isMenuOpen()}>
          <BoardMoveMenu
            number={props.card.number}
            targets={targets()}
            onClose={() => {
              setMenuOpen(false);
              element?.focus();
            }}
            onPick={(to) => {
              setMenuOpen(false);
              props.onMove(to);
            }}
          />
        </Show>
      </Show>
    </article>
  );
}
