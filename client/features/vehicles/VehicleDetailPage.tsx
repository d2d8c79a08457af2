import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { VehicleRecord } from './VehicleRecord';
import { getVehicle } from './vehicles.api';
import './vehicles.css';

export default function VehicleDetailPage() {
  const params = useParams<{ id: string }>();
  const vehicle = createAsync(() => getVehicle(params.id));
  return (
    <div class="page page-narrow">
      <ErrorBoundary
        fallback={(caught, reset) => (
          <ErrorMessage
            error={caught}
            retry={() => {
              // A failed read stays cached: read it again, then show it.
              void revalidate(getVehicle.keyFor(params.id));
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<Spinner label="Chargement du véhicule…" />}>
          <Show
            when={vehicle()?.id}
            keyed
            fallback={
              <p>
                <A href="/vehicles">Véhicules</A>
              </p>
            }
          >
            {/* Another vehicle opened from the search or the feed: a fresh editor. */}
            <VehicleRecord initial={untrack(() => vehicle()!)} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
