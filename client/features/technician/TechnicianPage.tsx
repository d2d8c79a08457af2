import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import {
  REPAIR_ORDER_STATUS_LABELS,
  type RepairOrderCard,
  toRepairOrderCard,
} from '../../../domain/schemas/repair-order';
import { formatTime } from '../../lib/format';
import { createLiveList } from '../../lib/live-list';
import { useSession } from '../../lib/session';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { getRepairOrdersPage } from '../repair-orders/repair-orders.api';
import { TechnicianOrder } from './TechnicianOrder';
import './technician.css';

type Scope = 'mine' | 'all';

/** The promise first (the earliest is the most pressing), then the number. */
function byPromise(a: RepairOrderCard, b: RepairOrderCard): number {
  if (a.promisedAt !== b.promisedAt) {
    if (!a.promisedAt) return 1;
    if (!b.promisedAt) return -1;
    return a.promisedAt < b.promisedAt ? -1 : 1;
  }
  return a.number.localeCompare(b.number);
}

/**
 * The workshop's phone page (`/atelier`): the ORs in the workshop, the signed-in technician's
 * first; open one to clock on and off its jobs. Live: an OR assigned, signed or moved at the
 * counter shows here at once.
 */
export default function TechnicianPage() {
  const session = useSession();
  const [scope, setScope] = createSignal<Scope>('mine');
  const [openId, setOpenId] = createSignal<string | null>(null);
  const firstPage = createAsync(() => getRepairOrdersPage({ status: 'open' }));
  const list = createLiveList({
    entity: 'repair_order',
    firstPage,
    fetchPage: (cursor) =>
      cursor
        ? getRepairOrdersPage({ status: 'open' }, cursor)
        : getRepairOrdersPage({ status: 'open' }),
    compare: byPromise,
    place: (change) => ({
      item: toRepairOrderCard(change.data),
      isListed: change.data.status !== 'handed_back',
    }),
  });
  const me = () => session.user()?.id;
  const shown = createMemo(() => {
    const items = [...list.items()].sort(byPromise);
    return scope() === 'mine' ? items.filter((card) => card.technicianId === me()) : items;
  });
  const mineCount = () => list.items().filter((card) => card.technicianId === me()).length;

  return (
    <div class="page tech-page">
      <header class="page-header">
        <div>
          <h1>Pointage atelier</h1>
          <p class="page-lead">Pointez le début, les pauses et la fin de chaque travail.</p>
        </div>
      </header>
      <fieldset class="tech-scope">
        <legend class="visually-hidden">Ordres de réparation affichés</legend>
        <button
          type="button"
          class="btn"
          classList={{ 'btn-primary': scope() === 'mine', 'btn-secondary': scope() !== 'mine' }}
          aria-pressed={scope() === 'mine'}
          onClick={() => setScope('mine')}
        >
          Mes OR ({mineCount()})
        </button>
        <button
          type="button"
          class="btn"
          classList={{ 'btn-primary': scope() === 'all', 'btn-secondary': scope() !== 'all' }}
          aria-pressed={scope() === 'all'}
          onClick={() => setScope('all')}
        >
          Tous ({list.items().length})
        </button>
      </fieldset>
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des ordres de réparation…" />}>
          <Show when={firstPage()}>
            <Show
              when={shown().length > 0}
              fallback={
                <EmptyState
                  title={
                    scope() === 'mine'
                      ? 'Aucun ordre de réparation ne vous est attribué.'
                      : 'Aucun véhicule à l’atelier.'
                  }
                >
                  <Show when={scope() === 'mine' && list.items().length > 0}>
                    <button type="button" class="btn btn-secondary" onClick={() => setScope('all')}>
                      Voir tous les OR de l’atelier
                    </button>
                  </Show>
                </EmptyState>
              }
            >
              <ul class="tech-list">
                <For each={shown()}>
                  {(card) => (
                    <li class="tech-card" classList={{ flash: Boolean(list.changedBy(card.id)) }}>
                      <button
                        type="button"
                        class="tech-card-head"
                        aria-expanded={openId() === card.id}
                        aria-controls={`tech-order-${card.id}`}
                        onClick={() => setOpenId(openId() === card.id ? null : card.id)}
                      >
                        <span class="tech-plate">{card.vehiclePlate}</span>
                        <span class="tech-vehicle">{card.vehicleLabel}</span>
                        <span class="tech-meta">
                          {card.number} · {REPAIR_ORDER_STATUS_LABELS[card.status]}
                          <Show when={card.promisedAt}>
                            {(promised) => <> · promis à {formatTime(promised())}</>}
                          </Show>
                        </span>
                        <Show when={card.technicianName}>
                          <span class="tech-meta">{card.technicianName}</span>
                        </Show>
                        <Show when={list.changedBy(card.id)}>
                          {(name) => <span class="tech-meta">Modifié par {name()}</span>}
                        </Show>
                      </button>
                      <Show when={openId() === card.id}>
                        <div id={`tech-order-${card.id}`}>
                          <TechnicianOrder id={card.id} />
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
