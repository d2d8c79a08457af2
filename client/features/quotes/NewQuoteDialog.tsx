import { useAction, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ClientPicker } from '../clients/ClientPicker';
import { clientVehicleFilters, getVehiclesPage } from '../vehicles/vehicles.api';
import { createQuote } from './quotes.api';

/** Pick the client (search) and, optionally, one of their vehicles; the draft opens in the editor. */
export function NewQuoteDialog(props: {
  open: boolean;
  onClose: () => void;
  clientId?: string;
  vehicleId?: string;
}) {
  const navigate = useNavigate();
  const [clientId, setClientId] = createSignal<string | undefined>(props.clientId);
  const [vehicleId, setVehicleId] = createSignal<string | undefined>(props.vehicleId);
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const create = useAction(createQuote);
  const [vehicles] = createResource(clientId, (id) => getVehiclesPage(clientVehicleFilters(id)));

  async function submit() {
    const client = clientId();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      const quote = await create({ clientId: client, vehicleId: vehicleId() ?? null });
      props.onClose();
      navigate(`/quotes/${quote.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} title="Nouveau devis" onClose={props.onClose}>
      <div class="form">
        <Show when={error()}>
          <div class="alert alert-error">{error()}</div>
        </Show>
        <Show when={!props.clientId}>
          <ClientPicker
            id="new-quote-client"
            label="Client"
            selectedId={clientId()}
            onPick={(client) => {
              setClientId(client.id);
              setVehicleId(undefined);
            }}
          />
        </Show>
        <Show when={clientId()}>
          <Field label="Véhicule" for="new-quote-vehicle">
            <select
              id="new-quote-vehicle"
              value={vehicleId() ?? ''}
              onChange={(event) => setVehicleId(event.currentTarget.value || undefined)}
            >
              <option value="">Sans véhicule</option>
              <For each={vehicles()?.items}>
                {(vehicle) => (
                  <option value={vehicle.id} selected={vehicle.id === vehicleId()}>
                    {vehicle.plate} — {[vehicle.make, vehicle.model].filter(Boolean).join(' ')}
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button
            variant="primary"
            disabled={!clientId()}
            isLoading={isBusy()}
            onClick={() => void submit()}
          >
            Créer le brouillon
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
