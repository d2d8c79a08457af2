import { createAsync, useAction, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, ErrorBoundary, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { errorMessage, fieldErrors } from '../../lib/api';
import { createLeaveGuard } from '../../lib/editable-record';
import type { FieldErrors } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { LeaveGuardDialog } from '../../ui/Collaboration';
import { showToast } from '../../ui/toast';
import { ClientPicker } from '../clients/ClientPicker';
import { getClient } from '../clients/clients.api';
import { VehicleForm } from './VehicleForm';
import { EMPTY_VEHICLE, isSameVehicleValues, toVehicleInput } from './vehicle-values';
import { createVehicle } from './vehicles.api';
import './vehicles.css';

type Owner = { id: string; name?: string | undefined };

/**
 * /vehicles/new?clientId=…: a vehicle always belongs to a client, picked first if not given.
 * The owner is kept on the page, not in the URL: changing it must not count as leaving (the
 * guard asks before a filled form is dropped), and what was typed stays when it changes.
 */
export default function VehicleNewPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ clientId?: string; clientName?: string }>();
  const [owner, setOwner] = createSignal<Owner | null>(
    params.clientId ? { id: params.clientId, name: params.clientName } : null,
  );
  const ownerRecord = createAsync(async () => {
    const current = owner();
    return current && !current.name ? getClient(current.id) : undefined;
  });
  const ownerName = () => {
    const record = ownerRecord();
    return owner()?.name ?? (record ? getClientDisplayName(record) : '…');
  };
  const [values, setValues] = createStore(structuredClone(EMPTY_VEHICLE));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isDone, setDone] = createSignal(false);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const create = useAction(createVehicle);
  const isDirty = createMemo(() => !isDone() && !isSameVehicleValues(values, EMPTY_VEHICLE));
  const guard = createLeaveGuard(isDirty);

  /** Back where the form was opened from (a client's page, or the vehicles). */
  function leave() {
    // The form asked already (Escape, Annuler): leaving now drops it without asking again.
    setDone(true);
    navigate(params.clientId ? `/clients/${params.clientId}` : '/vehicles');
  }

  async function submit(clientId: string) {
    setSubmitting(true);
    setError(null);
    try {
      const vehicle = await create(toVehicleInput(clientId, values));
      setDone(true);
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
  }

  return (
    <div class="page page-narrow">
      <header class="page-header">
        <div>
          <h1>Nouveau véhicule</h1>
          <Show when={owner()}>
            <ErrorBoundary fallback={<p class="page-lead">Client introuvable.</p>}>
              <Suspense fallback={<p class="page-lead">Pour …</p>}>
                <p class="page-lead">
                  Pour {ownerName()} ·{' '}
                  <Button variant="ghost" onClick={() => setOwner(null)}>
                    Changer de client
                  </Button>
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
          when={owner()?.id}
          keyed
          fallback={
            <ClientPicker
              id="vehicle-owner"
              label="À quel client appartient ce véhicule ?"
              onPick={(client) => setOwner({ id: client.id, name: getClientDisplayName(client) })}
            />
          }
        >
          {(clientId) => (
            <VehicleForm
              values={values}
              setValues={setValues}
              isDirty={isDirty()}
              submitLabel="Créer le véhicule"
              serverErrors={errors()}
              isSubmitting={isSubmitting()}
              onCancel={leave}
              onSubmit={() => void submit(clientId)}
            />
          )}
        </Show>
      </div>
      <LeaveGuardDialog guard={guard} />
    </div>
  );
}
