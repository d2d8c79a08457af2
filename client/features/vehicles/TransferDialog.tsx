import { createSignal, Show } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { AppError } from '../../../domain/errors';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { ClientPicker } from '../clients/ClientPicker';
import { transferVehicle } from './vehicles.api';

/** Hands the vehicle to another client, found with the client search. */
export function TransferDialog(props: {
  open: boolean;
  vehicle: Vehicle;
  onClose: () => void;
  onDone: () => void;
}) {
  const [picked, setPicked] = createSignal<{ id: string; name: string } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);

  function close() {
    setPicked(null);
    setError(null);
    props.onClose();
  }

  async function transfer(target: { id: string; name: string }) {
    setSubmitting(true);
    setError(null);
    try {
      // The version read now: if someone changed the vehicle since, the server says so (409).
      await transferVehicle(props.vehicle.id, target.id, props.vehicle.version);
      showToast(`Véhicule ${props.vehicle.plate} transféré à ${target.name}.`);
      props.onDone();
      close();
    } catch (caught) {
      const isConflict = caught instanceof AppError && caught.code === 'conflict';
      setError(
        isConflict
          ? `${errorMessage(caught)} La fiche vient d’être rechargée : vérifiez puis réessayez.`
          : errorMessage(caught),
      );
      if (isConflict) props.onDone();
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Dialog open={props.open} title="Changer de propriétaire" onClose={close}>
      <div class="form">
        <p class="muted">
          Propriétaire actuel : {props.vehicle.clientName}. L’historique (propriétaires, contrôles,
          kilométrage, devis) est conservé.
        </p>
        <ClientPicker
          id="transfer-client"
          label="Nouveau propriétaire"
          selectedId={picked()?.id}
          onPick={(client) => {
            setError(null);
            setPicked(
              client.id === props.vehicle.clientId
                ? null
                : { id: client.id, name: getClientDisplayName(client) },
            );
            if (client.id === props.vehicle.clientId) {
              setError('Ce client est déjà le propriétaire.');
            }
          }}
        />
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <div class="dialog-actions">
          <Button onClick={close}>Annuler</Button>
          <Button
            variant="primary"
            disabled={!picked()}
            isLoading={isSubmitting()}
            onClick={() => {
              const target = picked();
              if (target) void transfer(target);
            }}
          >
            {picked() ? `Transférer à ${picked()?.name}` : 'Transférer'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
