import { A, createAsync, Navigate, useSearchParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, onCleanup, Show, Suspense } from 'solid-js';
import { canRead, canWrite } from '../../../domain/access';
import { formatDateFr, todayInParis } from '../../../domain/dates';
import { useSession } from '../../lib/session';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { getColleagues } from '../alerts/alerts.api';
import { getRepairOrdersPage } from '../repair-orders/repair-orders.api';
import { ActivityFeed } from './ActivityFeed';
import { Board } from './Board';
import { type BoardFilters, createBoardList } from './board.live';
import './board.css';

/** Promises are re-assessed, and the day turned over at midnight, once a minute. */
const TICK_MS = 60_000;

/**
 * The counter's home: today's workshop board (decision 0016), live. Every OR open or handed
 * back today in the column of its state; a card moves by drag and drop or from the keyboard.
 */
export default function BoardPage() {
  const session = useSession();
  // A wall screen's session reads no cards with customers: its board is the wall's.
  return (
    <Show when={canRead(session.user()?.role)} fallback={<Navigate href="/wall" />}>
      <CounterBoard />
    </Show>
  );
}

function CounterBoard() {
  const session = useSession();
  const mayWrite = () => canWrite(session.user()?.role);
  const [params, setParams] = useSearchParams<{ technicien?: string }>();
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), TICK_MS);
  onCleanup(() => clearInterval(timer));

  const filters = (): BoardFilters => ({
    day: todayInParis(now()),
    technicianId: params.technicien || undefined,
  });
  const firstPage = createAsync(() => getRepairOrdersPage(filters()));
  const board = createBoardList(filters, firstPage);
  const colleagues = createAsync(() => getColleagues().then((page) => page.items), {
    initialValue: [],
  });

  return (
    <div class="page page-board">
      <header class="page-header">
        <div>
          <h1>Atelier</h1>
          <p class="page-lead">Les ordres de réparation du {formatDateFr(filters().day)}.</p>
        </div>
        <Show when={mayWrite()}>
          <div class="header-actions">
            <A href="/clients" class="btn btn-secondary">
              Rechercher un client
            </A>
            <A href="/clients/new" class="btn btn-primary">
              Nouveau client
            </A>
          </div>
        </Show>
      </header>
      <div class="toolbar board-toolbar">
        <div class="board-filter">
          <label for="board-technician">Technicien</label>
          <select
            id="board-technician"
            onChange={(event) =>
              setParams({ technicien: event.currentTarget.value || undefined }, { replace: true })
            }
          >
            <option value="" selected={!params.technicien}>
              Tous
            </option>
            <For each={colleagues()}>
              {(colleague) => (
                <option value={colleague.id} selected={colleague.id === params.technicien}>
                  {colleague.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <Show when={mayWrite()}>
          <p class="board-keys muted" id="board-keys">
            Glissez une carte vers une autre colonne, ou, la carte sélectionnée, Maj + ← ou → (ou le
            bouton « Déplacer »).
          </p>
        </Show>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement du tableau…" />}>
          <Show when={firstPage()}>
            <Show
              when={board.items().length > 0}
              fallback={
                <EmptyState
                  title={
                    params.technicien
                      ? 'Aucun OR pour ce technicien aujourd’hui.'
                      : 'Aucun OR aujourd’hui'
                  }
                >
                  Un ordre de réparation s’ouvre depuis un devis accepté (
                  <A href="/quotes?status=accepted">Devis acceptés</A>) ou directement pour une
                  intervention.
                </EmptyState>
              }
            >
              <Board list={board} now={now()} mayWrite={mayWrite()} technicians={colleagues()} />
            </Show>
            <Show when={board.loadMoreError()}>
              <div class="alert alert-error">{board.loadMoreError()}</div>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
      <details class="card board-feed">
        <summary>Activité en direct</summary>
        <ActivityFeed limit={15} />
      </details>
    </div>
  );
}
