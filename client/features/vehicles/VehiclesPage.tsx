import { A, createAsync, revalidate, useSearchParams } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
} from 'solid-js';
import { createLiveList } from '../../lib/live-list';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { VehicleTable } from './VehicleTable';
import { compareVehicles, placeVehicle } from './vehicle-list';
import { getVehiclesPage, type VehicleFilters } from './vehicles.api';
import './vehicles.css';

export default function VehiclesPage() {
  const [params, setParams] = useSearchParams<{ q?: string; archived?: string }>();
  const [search, setSearch] = createSignal(params.q ?? '');
  const filters = (): VehicleFilters => ({ q: params.q ?? '', archived: params.archived === '1' });
  const firstPage = createAsync(() => getVehiclesPage(filters()));
  const vehicles = createLiveList({
    entity: 'vehicle',
    firstPage,
    fetchPage: (cursor) =>
      cursor ? getVehiclesPage(filters(), cursor) : getVehiclesPage(filters()),
    compare: compareVehicles,
    place: (change) => placeVehicle(change.data, filters()),
  });
  let searchInput!: HTMLInputElement;

  // Typing searches after a short pause; the query lives in the URL (?q=) so it survives reloads.
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
  // Back and forward buttons change ?q= under the box: follow them.
  createEffect(
    on(
      () => params.q,
      (q) => {
        if ((q ?? '') !== search().trim()) setSearch(q ?? '');
      },
      { defer: true },
    ),
  );

  // "/" focuses the search box from anywhere on the page.
  const onKey = (event: KeyboardEvent) => {
    const target = event.target;
    const isTyping =
      target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
    if (event.key === '/' && !isTyping) {
      event.preventDefault();
      searchInput.focus();
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  const emptyTitle = () =>
    params.q
      ? `Aucun véhicule ne correspond à « ${params.q} ».`
      : filters().archived
        ? 'Aucun véhicule archivé.'
        : 'Aucun véhicule pour l’instant.';

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
            ref={searchInput}
            type="search"
            placeholder="Immatriculation (toute écriture), VIN, marque, propriétaire…  ( / )"
            value={search()}
            onInput={(event) => setSearch(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && search()) {
                event.preventDefault();
                setSearch('');
              }
            }}
          />
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={filters().archived}
            onChange={(event) =>
              setParams({ archived: event.currentTarget.checked ? '1' : undefined })
            }
          />
          Véhicules archivés
        </label>
      </div>
      <ErrorBoundary
        fallback={(error, reset) => (
          <ErrorMessage
            error={error}
            retry={() => {
              // A failed read stays cached: read it again, then show it.
              void revalidate(getVehiclesPage.keyFor(filters()));
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<Spinner label="Chargement des véhicules…" />}>
          <Show when={firstPage()}>
            <Show
              when={vehicles.items().length > 0}
              fallback={
                <EmptyState title={emptyTitle()}>
                  <A href="/vehicles/new">Ajouter un véhicule</A>
                </EmptyState>
              }
            >
              <VehicleTable rows={vehicles} label="Véhicules" hasOwner />
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
