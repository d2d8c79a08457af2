import { useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { readDetails } from '../../../domain/refusals';
import type { Client } from '../../../domain/schemas/client';
import { type Vehicle, VehicleSchema } from '../../../domain/schemas/vehicle';
import { errorMessage } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { ClientPicker } from '../clients/ClientPicker';
import { transferVehicle } from './vehicles.api';

type Target = { id: string; name: string };
type StaleVehicle = { current: Vehicle; by: string; at: string | null };

/** A `stale_version` refusal, its `current` checked as a vehicle; null for any other error. */
function readStaleVehicle(caught: unknown): StaleVehicle | null {
  const stale = readDetails(caught, 'stale_version');
  const current = stale ? VehicleSchema.safeParse(stale.current) : null;
  if (!stale || !current?.success) return null;
  return { current: current.data, by: stale.changedBy?.name ?? 'Quelqu’un', at: stale.changedAt };
}

function describeStale(stale: StaleVehicle, target: Target): string {
  const when = stale.at ? ` à ${formatTime(stale.at)}` : '';
  if (stale.current.clientId === target.id) {
    return `${stale.by} a déjà transféré ce véhicule à ${target.name}${when}.`;
  }
  return (
    `${stale.by} a modifié ce véhicule${when} (propriétaire : ${stale.current.clientName}). ` +
    `La fiche est à jour : confirmez à nouveau le transfert à ${target.name} s’il reste juste.`
  );
}

/**
 * "Changer de propriétaire": hands the vehicle to another client, found with the client search.
 * Mounted only while open. The transfer carries the version shown; when someone changed the
 * vehicle meanwhile (`stale_version`), the current vehicle is shown and the user confirms again.
 */
export function TransferDialog(props: {
  vehicle: Vehicle;
  onClose: () => void;
  /** The vehicle as the server answered it (the transfer, or the newer version it refused on). */
  onTransferred: (vehicle: Vehicle) => void;
}) {
  const transfer = useAction(transferVehicle);
  const [picked, setPicked] = createSignal<Target | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);

  function pick(client: Client) {
    const isOwner = client.id === props.vehicle.clientId;
    setPicked(isOwner ? null : { id: client.id, name: getClientDisplayName(client) });
    setError(isOwner ? 'Ce client est déjà le propriétaire.' : null);
  }

  async function submit(target: Target) {
    setSubmitting(true);
    setError(null);
    try {
      const saved = await transfer(props.vehicle.id, target.id, props.vehicle.version);
      props.onTransferred(saved);
      showToast(`Véhicule ${saved.plate} transféré à ${target.name}.`);
      props.onClose();
    } catch (caught) {
      const stale = readStaleVehicle(caught);
      if (!stale) {
        setError(errorMessage(caught));
        return;
      }
      // The card shows the current vehicle; the next click sends its version.
      props.onTransferred(stale.current);
      if (stale.current.clientId === target.id) setPicked(null);
      setError(describeStale(stale, target));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Dialog open title="Changer de propriétaire" onClose={() => props.onClose()}>
      <div class="form">
        <p class="muted">
          Propriétaire actuel : {props.vehicle.clientName}. L’historique (propriétaires, contrôles,
          kilométrage, devis) est conservé.
        </p>
        <ClientPicker
          id="transfer-client"
          label="Nouveau propriétaire"
          selectedId={picked()?.id}
          onPick={pick}
        />
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button
            variant="primary"
            disabled={!picked()}
            isLoading={isSubmitting()}
            onClick={() => {
              const target = picked();
              if (target) void submit(target);
            }}
          >
            {picked() ? `Transférer à ${picked()?.name}` : 'Transférer'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
