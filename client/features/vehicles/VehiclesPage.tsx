import { A, createAsync, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  on,
  onCleanup,
  Show,
  Suspense,
} from 'solid-js';
import type { InspectionResult, Vehicle } from '../../../domain/schemas/vehicle';
import { errorMessage } from '../../lib/api';
import { formatCalendarDate, formatKm } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { Button } from '../../ui/Button';
import { Badge, EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { getVehiclesPage, type VehiclePage } from './vehicles.api';
import './vehicles.css';

const SHORT_RESULT: Record<
  InspectionResult,
  { label: string; tone: 'success' | 'warning' | 'danger' }
> = {
  pass: { label: 'favorable', tone: 'success' },
  major: { label: 'contre-visite', tone: 'warning' },
  critical: { label: 'critique', tone: 'danger' },
};

/** Rows someone else just changed: highlighted for a few seconds, with who did it. */
function createRecentEdits() {
  const [edits, setEdits] = createSignal<Record<string, string>>({});
  return {
    byId: (id: string) => edits()[id],
    mark(id: string, name: string) {
      setEdits((current) => ({ ...current, [id]: name }));
      setTimeout(() => setEdits(({ [id]: _, ...rest }) => rest), 6000);
    },
  };
}

export default function VehiclesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ q?: string; archived?: string }>();
  const [search, setSearch] = createSignal(params.q ?? '');
  const filters = () => ({ q: params.q, archived: params.archived === '1' });
  const firstPage = createAsync(() => getVehiclesPage(filters()));
  const [morePages, setMorePages] = createSignal<VehiclePage[]>([]);
  const [moreError, setMoreError] = createSignal<string | null>(null);
  const [isLoadingMore, setLoadingMore] = createSignal(false);
  const recentEdits = createRecentEdits();

  createEffect(on([() => params.q, () => params.archived], () => setMorePages([])));
  let debounce: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      search,
      (value) => {
        clearTimeout(debounce);
        debounce = setTimeout(
          () => setParams({ q: value.trim() || undefined }, { replace: true }),
          200,
        );
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(debounce));

  useChanges((change) => {
    if (change.entity !== 'vehicle') return;
    if (change.actor) recentEdits.mark(change.id, change.actor.name);
    const updated = change.data as Vehicle;
    setMorePages((pages) =>
      pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.id === updated.id ? updated : item)),
      })),
    );
    void revalidate(getVehiclesPage.key);
  });

  const items = () => [...(firstPage()?.items ?? []), ...morePages().flatMap((page) => page.items)];
  const nextCursor = () => (morePages().at(-1) ?? firstPage())?.nextCursor ?? null;

  async function loadMore() {
    const cursor = nextCursor();
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getVehiclesPage(filters(), cursor);
      setMorePages((pages) => [...pages, page]);
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div class="page">
      <header class="page-header">
        <h1>Véhicules</h1>
        <A href="/vehicles/new" class="btn btn-primary">
          Nouveau véhicule
        </A>
      </header>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">Rechercher un véhicule</span>
          <input
            type="search"
            placeholder="Immatriculation (toute écriture), VIN, marque, propriétaire…"
            value={search()}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={params.archived === '1'}
            onChange={(event) =>
              setParams({ archived: event.currentTarget.checked ? '1' : undefined })
            }
          />
          Véhicules archivés
        </label>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des véhicules…" />}>
          <Show
            when={items().length > 0}
            fallback={
              <EmptyState
                title={
                  params.q
                    ? `Aucun véhicule ne correspond à « ${params.q} ».`
                    : params.archived === '1'
                      ? 'Aucun véhicule archivé.'
                      : 'Aucun véhicule pour l’instant.'
                }
              >
                <A href="/vehicles/new">Ajouter un véhicule</A>
              </EmptyState>
            }
          >
            <table class="table vehicles-table">
              <thead>
                <tr>
                  <th scope="col">Immatriculation</th>
                  <th scope="col">Véhicule</th>
                  <th scope="col">Propriétaire</th>
                  <th scope="col">Dernier CT</th>
                  <th scope="col" class="num">
                    Kilométrage
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(vehicle) => (
                    <tr
                      class={recentEdits.byId(vehicle.id) ? 'row-flash' : ''}
                      onClick={() => navigate(`/vehicles/${vehicle.id}`)}
                    >
                      <td>
                        <A href={`/vehicles/${vehicle.id}`} class="plate">
                          {vehicle.plate}
                        </A>
                        <Show when={vehicle.warnings.length > 0}>
                          {' '}
                          <Badge tone="warning">à vérifier</Badge>
                        </Show>
                        <Show when={recentEdits.byId(vehicle.id)}>
                          <span class="row-hint">modifié par {recentEdits.byId(vehicle.id)}</span>
                        </Show>
                      </td>
                      <td>{[vehicle.make, vehicle.model].filter(Boolean).join(' ') || '—'}</td>
                      <td>{vehicle.clientName}</td>
                      <td>
                        <Show when={vehicle.lastInspection} fallback="—">
                          {(ct) => (
                            <>
                              {formatCalendarDate(ct().date)}{' '}
                              <Badge tone={SHORT_RESULT[ct().result].tone}>
                                {SHORT_RESULT[ct().result].label}
                              </Badge>
                            </>
                          )}
                        </Show>
                      </td>
                      <td class="num">
                        {vehicle.lastMileage ? formatKm(vehicle.lastMileage.km) : '—'}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={moreError()}>
              <div class="alert alert-error">{moreError()}</div>
            </Show>
            <Show when={nextCursor()}>
              <div class="load-more">
                <Button onClick={() => void loadMore()} isLoading={isLoadingMore()}>
                  Charger plus
                </Button>
              </div>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
