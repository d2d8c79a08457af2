import { A, createAsync, revalidate } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { createLiveList } from '../../lib/live-list';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { VehicleTable } from './VehicleTable';
import { compareVehicles, placeVehicle } from './vehicle-list';
import { clientVehicleFilters, getVehiclesPage } from './vehicles.api';
import './vehicles.css';

/**
 * A client's vehicles, for the client page, kept live (a vehicle transferred in or out appears
 * or leaves at once). The "Ajouter un véhicule" link carries the client (and its name, to skip
 * a fetch) to /vehicles/new.
 */
export function ClientVehicles(props: { clientId: string; clientName?: string; canAdd?: boolean }) {
  const filters = () => clientVehicleFilters(props.clientId);
  const firstPage = createAsync(() => getVehiclesPage(filters()));
  const vehicles = createLiveList({
    entity: 'vehicle',
    firstPage,
    fetchPage: (cursor) =>
      cursor ? getVehiclesPage(filters(), cursor) : getVehiclesPage(filters()),
    compare: compareVehicles,
    place: (change) => placeVehicle(change.data, filters()),
  });
  const newVehicleHref = () => {
    const query = new URLSearchParams({ clientId: props.clientId });
    if (props.clientName) query.set('clientName', props.clientName);
    return `/vehicles/new?${query}`;
  };
  return (
    <section class="card">
      <div class="section-header">
        <h2>Véhicules</h2>
        <Show when={props.canAdd ?? true}>
          <A class="btn btn-secondary" href={newVehicleHref()}>
            Ajouter un véhicule
          </A>
        </Show>
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
              fallback={<p class="muted">Aucun véhicule pour ce client.</p>}
            >
              <VehicleTable rows={vehicles} label="Véhicules du client" hasOwner={false} />
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
