import { createSignal, For, onCleanup, Show } from 'solid-js';
import { todayInParis, toParisDate } from '../../../domain/dates';
import { assessPromise } from '../../../domain/repair-order/at-risk';
import {
  REPAIR_ORDER_STATUS_LABELS,
  REPAIR_ORDER_STATUSES,
  type RepairOrderStatus,
  type WorkshopCard,
} from '../../../domain/schemas/repair-order';
import { formatDate, formatTime } from '../../lib/format';
import { WallHeader } from './WallHeader';
import { createWallLive } from './wall.live';
import { createLiveWorkshop } from './workshop.live';

/** What fits in a column on a 1080p screen; the rest are counted. */
const SHOWN_PER_COLUMN = 7;

const byPromise = (a: WorkshopCard, b: WorkshopCard) => {
  if (a.promisedAt !== b.promisedAt) {
    if (a.promisedAt === null) return 1;
    if (b.promisedAt === null) return -1;
    return a.promisedAt < b.promisedAt ? -1 : 1;
  }
  return a.number.localeCompare(b.number);
};

/**
 * The wall in workshop mode: today's board in type read from across the workshop. It is a
 * screen customers may see: no customer name, no money (the cards have neither).
 */
export function WallWorkshop(props: { onSignedOut: () => void }) {
  const live = createWallLive(props.onSignedOut);
  onCleanup(() => live.close());
  const workshop = createLiveWorkshop(live.socket);
  const [now, setNow] = createSignal(new Date());
  const clock = setInterval(() => setNow(new Date()), 1000);
  onCleanup(() => clearInterval(clock));

  const cards = () => workshop.cardsOf(todayInParis(now()));
  const cardsOf = (status: RepairOrderStatus) =>
    cards()
      .filter((card) => card.status === status)
      .sort(byPromise);

  return (
    <div class="wall-board wall-workshop">
      <WallHeader now={now()} state={live.state()} />
      <Show when={workshop.isLoaded()} fallback={<div class="wall-message">Chargement…</div>}>
        <Show
          when={cards().length > 0}
          fallback={<div class="wall-message">Aucun véhicule à l’atelier aujourd’hui.</div>}
        >
          <div class="workshop-columns">
            <For each={REPAIR_ORDER_STATUSES}>
              {(status) => (
                <section
                  class={`workshop-column workshop-${status}`}
                  data-testid="workshop-column"
                  data-status={status}
                >
                  <h2>
                    {REPAIR_ORDER_STATUS_LABELS[status]}
                    <span class="workshop-count">{cardsOf(status).length}</span>
                  </h2>
                  <ul class="workshop-cards">
                    <For each={cardsOf(status).slice(0, SHOWN_PER_COLUMN)}>
                      {(card) => <WorkshopCardView card={card} now={now()} />}
                    </For>
                  </ul>
                  <Show when={cardsOf(status).length > SHOWN_PER_COLUMN}>
                    <p class="workshop-more">
                      + {cardsOf(status).length - SHOWN_PER_COLUMN} autres
                    </p>
                  </Show>
                </section>
              )}
            </For>
          </div>
        </Show>
      </Show>
    </div>
  );
}

function WorkshopCardView(props: { card: WorkshopCard; now: Date }) {
  const risk = () => assessPromise({ ...props.card, now: props.now });
  const promise = () => {
    const at = props.card.promisedAt;
    if (!at) return null;
    return toParisDate(at) === toParisDate(props.now)
      ? formatTime(at)
      : `${formatDate(at).slice(0, 5)} ${formatTime(at)}`;
  };
  return (
    <li
      class="workshop-card"
      classList={{
        'workshop-card-late': risk() === 'late',
        'workshop-card-at-risk': risk() === 'at_risk',
      }}
      data-testid="workshop-card"
      data-id={props.card.id}
    >
      <span class="workshop-plate">{props.card.vehiclePlate}</span>
      <div class="workshop-vehicle">{props.card.vehicleLabel}</div>
      <div class="workshop-card-row">
        <span class="workshop-tech">{props.card.technicianName ?? 'Non attribué'}</span>
        <Show when={promise()}>
          <span class="workshop-promise">{promise()}</span>
        </Show>
      </div>
      <Show when={risk() === 'late' || risk() === 'at_risk' || props.card.pendingAmendments > 0}>
        <div class="workshop-card-row">
          <Show when={risk() === 'late'}>
            <span class="workshop-tag workshop-tag-danger">En retard</span>
          </Show>
          <Show when={risk() === 'at_risk'}>
            <span class="workshop-tag workshop-tag-danger">Délai menacé</span>
          </Show>
          <Show when={props.card.pendingAmendments > 0}>
            <span class="workshop-tag workshop-tag-warning">En attente d’accord</span>
          </Show>
        </div>
      </Show>
    </li>
  );
}
