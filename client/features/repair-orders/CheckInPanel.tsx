import { createSignal, For, Show } from 'solid-js';
import { missingPiecChoices } from '../../../domain/repair-order/piec';
import {
  FUEL_LEVEL_LABELS,
  FUEL_LEVELS,
  type RepairOrder,
} from '../../../domain/schemas/repair-order';
import type { EditableRecord } from '../../lib/editable-record';
import { formatDateTime, formatKm } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input, Select, Textarea } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { PhotoStrip } from './PhotoStrip';
import type { RepairOrderForm } from './repair-order-form';
import { SignatureDialog } from './SignatureDialog';

/**
 * The check-in ("réception du véhicule"): mileage, fuel, damage, remarks, keys, the promise,
 * photos; then the customer signs what is shown. Read-only once signed.
 */
export function CheckInPanel(props: {
  order: RepairOrder;
  editor: EditableRecord<RepairOrder, RepairOrderForm>;
  isEditable: boolean;
  mayWrite: boolean;
  onChanged: (order: RepairOrder) => void;
  onPiecMissing: (lineIds: string[]) => void;
}) {
  const [isSigning, setSigning] = createSignal(false);
  const form = () => props.editor.values;
  const error = (key: string) => props.editor.errors()[key];
  const set = (key: string) => (event: { currentTarget: { value: string } }) =>
    props.editor.setValues(key, event.currentTarget.value);
  const checkIn = () => props.order.checkIn;
  const missing = () => missingPiecChoices(props.order.jobs);
  const signBlocker = () => {
    if (props.editor.isDirty()) return 'Enregistrez d’abord la réception.';
    if (props.order.jobs.length === 0) return 'Ajoutez d’abord les travaux commandés.';
    if (missing().length > 0) return 'Le choix PIEC du client manque sur certaines pièces.';
    return undefined;
  };

  async function save() {
    if (await props.editor.save()) showToast('Réception enregistrée.');
  }

  return (
    <section class="card ro-section" aria-labelledby="ro-check-in-title">
      <h2 id="ro-check-in-title">Réception du véhicule</h2>
      <Show
        when={props.isEditable}
        fallback={
          <dl class="ro-facts-list">
            <dt>Kilométrage</dt>
            <dd>{checkIn().mileageKm === null ? '—' : formatKm(checkIn().mileageKm!)}</dd>
            <dt>Carburant</dt>
            <dd>{checkIn().fuelLevel ? FUEL_LEVEL_LABELS[checkIn().fuelLevel!] : '—'}</dd>
            <dt>Dommages visibles</dt>
            <dd>{checkIn().damage ?? 'Aucun noté'}</dd>
            <dt>Remarques</dt>
            <dd>{checkIn().notes ?? '—'}</dd>
            <dt>Clés</dt>
            <dd>{checkIn().keysTag ?? '—'}</dd>
            <dt>Signée</dt>
            <dd data-testid="ro-checked-in">
              {checkIn().checkedInAt ? `le ${formatDateTime(checkIn().checkedInAt!)}` : 'non'}
            </dd>
          </dl>
        }
      >
        <div class="ro-form-grid">
          <Field label="Kilométrage (km)" for="ro-mileage" error={error('mileageKm')}>
            <Input
              id="ro-mileage"
              inputMode="numeric"
              value={form().mileageKm ?? ''}
              error={error('mileageKm')}
              onInput={set('mileageKm')}
            />
          </Field>
          <Field label="Niveau de carburant" for="ro-fuel">
            <Select id="ro-fuel" value={form().fuelLevel ?? ''} onChange={set('fuelLevel')}>
              <option value="">—</option>
              <For each={FUEL_LEVELS}>
                {(level) => <option value={level}>{FUEL_LEVEL_LABELS[level]}</option>}
              </For>
            </Select>
          </Field>
          <Field label="Étiquette des clés" for="ro-keys">
            <Input
              id="ro-keys"
              maxLength={40}
              value={form().keysTag ?? ''}
              onInput={set('keysTag')}
            />
          </Field>
          <Field label="Restitution promise le" for="ro-promise-date" error={error('promisedDate')}>
            <Input
              id="ro-promise-date"
              type="date"
              value={form().promisedDate ?? ''}
              error={error('promisedDate')}
              onInput={set('promisedDate')}
            />
          </Field>
          <Field label="à (heure de Paris)" for="ro-promise-time">
            <Input
              id="ro-promise-time"
              type="time"
              value={form().promisedTime ?? ''}
              onInput={set('promisedTime')}
            />
          </Field>
        </div>
        <Field label="Dommages visibles" for="ro-damage">
          <Textarea
            id="ro-damage"
            rows={2}
            maxLength={2000}
            value={form().damage ?? ''}
            onInput={set('damage')}
          />
        </Field>
        <Field label="Remarques de réception" for="ro-check-in-notes">
          <Textarea
            id="ro-check-in-notes"
            rows={2}
            maxLength={2000}
            value={form().checkInNotes ?? ''}
            onInput={set('checkInNotes')}
          />
        </Field>
      </Show>
      <PhotoStrip order={props.order} mayAdd={props.mayWrite} onChanged={props.onChanged} />
      <Show when={props.isEditable}>
        <div class="ro-actions">
          <Button
            variant={props.editor.isDirty() ? 'primary' : 'secondary'}
            isLoading={props.editor.isSaving()}
            disabled={!props.editor.isDirty() || props.editor.conflict() !== null}
            onClick={() => void save()}
          >
            {props.editor.isDirty() ? 'Enregistrer la réception' : 'Enregistré'}
          </Button>
          <Button
            variant="primary"
            disabled={Boolean(signBlocker())}
            title={signBlocker()}
            onClick={() => setSigning(true)}
          >
            Faire signer la réception
          </Button>
          <Show when={signBlocker()}>
            <span class="muted">{signBlocker()}</span>
          </Show>
        </div>
      </Show>
      <SignatureDialog
        open={isSigning()}
        order={props.order}
        kind="check_in"
        title="Signature de la réception"
        intro="Le client reconnaît l’état du véhicule décrit ci-dessous et autorise les travaux listés, aux prix indiqués."
        onStale={props.onChanged}
        onPiecMissing={(lineIds) => {
          setSigning(false);
          props.onPiecMissing(lineIds);
        }}
        onClose={() => setSigning(false)}
        onSigned={(order) => {
          setSigning(false);
          props.onChanged(order);
          showToast('Réception signée : les travaux peuvent commencer.');
        }}
      />
    </section>
  );
}
