import { createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, Show, Suspense } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { errorMessage, fieldErrors } from '../../lib/api';
import { showToast } from '../../ui/toast';
import { ClientPicker } from '../clients/ClientPicker';
import { getClient } from '../clients/clients.api';
import { VehicleForm } from './VehicleForm';
import { EMPTY_VEHICLE, toVehicleInput } from './vehicle-values';
import { createVehicle } from './vehicles.api';
import './vehicles.css';

/** /vehicles/new?clientId=…: a vehicle always belongs to a client, picked first if not given. */
export default function VehicleNewPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ clientId?: string; clientName?: string }>();
  const owner = createAsync(async () =>
    params.clientId && !params.clientName ? getClient(params.clientId) : undefined,
  );
  const ownerName = () =>
    params.clientName ?? (owner() ? getClientDisplayName(owner()!) : undefined);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);

  return (
    <div class="page page-narrow">
      <header class="page-header">
        <div>
          <h1>Nouveau véhicule</h1>
          <Show when={params.clientId}>
            <ErrorBoundary fallback={<p class="page-lead">Client introuvable.</p>}>
              <Suspense>
                <p class="page-lead">
                  Pour {ownerName() ?? '…'} ·{' '}
                  <button
                    type="button"
                    class="btn btn-ghost"
                    onClick={() => setParams({ clientId: undefined, clientName: undefined })}
                  >
                    Changer de client
                  </button>
                </p>
              </Suspense>
            </ErrorBoundary>
          </Show>
        </div>
      </header>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <div class="card">
        <Show
          when={params.clientId}
          keyed
          fallback={
            <ClientPicker
              id="vehicle-owner"
              label="À quel client appartient ce véhicule ?"
              onPick={(client) =>
                setParams({ clientId: client.id, clientName: getClientDisplayName(client) })
              }
            />
          }
        >
          {(clientId) => (
            <VehicleForm
              clientId={clientId}
              initial={EMPTY_VEHICLE}
              submitLabel="Créer le véhicule"
              serverErrors={errors()}
              isSubmitting={isSubmitting()}
              onCancel={() => navigate(-1)}
              onSubmit={async (values) => {
                setSubmitting(true);
                setError(null);
                try {
                  const vehicle = await createVehicle(toVehicleInput(clientId, values));
                  showToast(`Véhicule ${vehicle.plate} créé.`);
                  // Duplicate plate, VIN check digit: worth a look, never a reason to refuse.
                  for (const warning of vehicle.warnings) showToast(warning.message, 'info');
                  navigate(`/vehicles/${vehicle.id}`, { replace: true });
                } catch (caught) {
                  setErrors(fieldErrors(caught));
                  setError(errorMessage(caught));
                } finally {
                  setSubmitting(false);
                }
              }}
            />
          )}
        </Show>
      </div>
    </div>
  );
}
