import { A, createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { createLiveList } from '../../lib/live-list';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { SearchBox } from '../../ui/SearchBox';
import { VehicleTable } from './VehicleTable';
import { compareVehicles, placeVehicle } from './vehicle-list';
import { getVehiclesPage, type VehicleFilters } from './vehicles.api';
import './vehicles.css';

export default function VehiclesPage() {
  const [params, setParams] = useSearchParams<{ q?: string; archived?: string }>();
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
        <SearchBox
          label="Rechercher un véhicule"
          placeholder="Immatriculation (toute écriture), VIN, marque, propriétaire…"
          query={params.q}
          onSearch={(q) => setParams({ q }, { replace: true })}
        />
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
