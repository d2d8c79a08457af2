import { useAction, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input, Select } from '../../ui/Input';
import { parisToInstant } from './repair-order-form';
import { createRepairOrder } from './repair-orders.api';

/**
 * An OR opened without a quote (a walk-in, a warranty return) for this vehicle: the reason and
 * the promise; the work is added on the OR's page before the customer signs.
 */
export function NewRepairOrderDialog(props: {
  clientId: string;
  vehicleId: string;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useAction(createRepairOrder);
  const [origin, setOrigin] = createSignal<'walk_in' | 'warranty'>('walk_in');
  const [notes, setNotes] = createSignal('');
  const [date, setDate] = createSignal('');
  const [time, setTime] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const order = await create({
        origin: origin(),
        clientId: props.clientId,
        vehicleId: props.vehicleId,
        notes: notes().trim() || null,
        promisedAt: date() ? parisToInstant(date(), time()) : null,
      });
      props.onClose();
      navigate(`/repair-orders/${order.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open title="Nouvel ordre de réparation" onClose={props.onClose}>
      <form class="ro-dialog-form" onSubmit={(event) => void submit(event)}>
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <Field label="Origine" for="ro-new-origin">
          <Select
            id="ro-new-origin"
            value={origin()}
            onChange={(event) =>
              setOrigin(event.currentTarget.value === 'warranty' ? 'warranty' : 'walk_in')
            }
          >
            <option value="walk_in">Intervention directe</option>
            <option value="warranty">Garantie</option>
          </Select>
        </Field>
        <Field label="Motif de la venue" for="ro-new-notes">
          <Input
            id="ro-new-notes"
            maxLength={2000}
            value={notes()}
            onInput={(event) => setNotes(event.currentTarget.value)}
          />
        </Field>
        <div class="ro-form-grid">
          <Field label="Restitution promise le" for="ro-new-date">
            <Input
              id="ro-new-date"
              type="date"
              value={date()}
              onInput={(event) => setDate(event.currentTarget.value)}
            />
          </Field>
          <Field label="à (heure de Paris)" for="ro-new-time">
            <Input
              id="ro-new-time"
              type="time"
              value={time()}
              onInput={(event) => setTime(event.currentTarget.value)}
            />
          </Field>
        </div>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={isBusy()}>
            Ouvrir l’OR
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
