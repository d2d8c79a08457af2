import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { toQuery } from '../../lib/api';
import { formatCalendarDate, formatKm } from '../../lib/format';
import { revalidateSoon, useChanges } from '../../lib/live';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { getVehiclesPage } from './vehicles.api';
import './vehicles.css';

/**
 * A client's vehicles, for the client page, kept live. The "Ajouter un véhicule" link carries the
 * client (and its name, to skip a fetch) to /vehicles/new.
 */
export function ClientVehicles(props: { clientId: string; clientName?: string; canAdd?: boolean }) {
  const page = createAsync(() => getVehiclesPage({ clientId: props.clientId }));
  useChanges((change) => {
    if (change.entity === 'vehicle') revalidateSoon(getVehiclesPage.key);
  });
  return (
    <section class="card">
      <div class="section-header">
        <h2>Véhicules</h2>
        <Show when={props.canAdd ?? true}>
          <A
            class="btn btn-secondary"
            href={`/vehicles/new${toQuery({ clientId: props.clientId, clientName: props.clientName })}`}
          >
            Ajouter un véhicule
          </A>
        </Show>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des véhicules…" />}>
          <Show
            when={(page()?.items.length ?? 0) > 0}
            fallback={<p class="muted">Aucun véhicule pour ce client.</p>}
          >
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Immatriculation</th>
                  <th scope="col">Véhicule</th>
                  <th scope="col">Dernier CT</th>
                  <th scope="col" class="num">
                    Kilométrage
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={page()?.items}>
                  {(vehicle) => (
                    <tr>
                      <td>
                        <A href={`/vehicles/${vehicle.id}`} class="plate">
                          {vehicle.plate}
                        </A>
                      </td>
                      <td>{[vehicle.make, vehicle.model].filter(Boolean).join(' ') || '—'}</td>
                      <td>
                        {vehicle.lastInspection
                          ? formatCalendarDate(vehicle.lastInspection.date)
                          : '—'}
                      </td>
                      <td class="num">
                        {vehicle.lastMileage ? formatKm(vehicle.lastMileage.km) : '—'}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
