import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import {
  INSPECTION_RESULT_LABELS,
  INSPECTION_RESULTS,
  InspectionInputSchema,
  type InspectionResult,
  type Vehicle,
} from '../../../domain/schemas/vehicle';
import { errorMessage, fieldErrors } from '../../lib/api';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input, Select } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { pickInspectionResult } from './vehicle-values';
import { recordInspection } from './vehicles.api';

/** Records a contrôle technique visit: date, result and an optional note. */
export function InspectionForm(props: {
  vehicleId: string;
  onRecorded: (vehicle: Vehicle) => void;
}) {
  const record = useAction(recordInspection);
  const today = () => todayInParis(new Date());
  const [date, setDate] = createSignal(today());
  const [result, setResult] = createSignal<InspectionResult>('pass');
  const [notes, setNotes] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const input = { date: date(), result: result(), notes: notes() };
    const checked = validateAll(InspectionInputSchema, input);
    if (!checked.success) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setError(null);
    setSubmitting(true);
    try {
      props.onRecorded(await record(props.vehicleId, input));
      showToast('Contrôle technique enregistré.');
      setNotes('');
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form
      class="card form vehicle-compact-form"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>Contrôle technique</h2>
      <div class="vehicle-form-row">
        <Field label="Date du contrôle" for="ct-date" error={errors().date}>
          <Input
            id="ct-date"
            type="date"
            value={date()}
            max={today()}
            error={errors().date}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </Field>
        <Field label="Résultat" for="ct-result" error={errors().result}>
          <Select
            id="ct-result"
            error={errors().result}
            onChange={(event) => {
              const picked = pickInspectionResult(event.currentTarget.value);
              if (picked) setResult(picked);
            }}
          >
            <For each={INSPECTION_RESULTS}>
              {(item) => (
                <option value={item} selected={item === result()}>
                  {INSPECTION_RESULT_LABELS[item]}
                </option>
              )}
            </For>
          </Select>
        </Field>
      </div>
      <Field label="Remarques" for="ct-notes" error={errors().notes}>
        <Input
          id="ct-notes"
          value={notes()}
          placeholder="Centre, défaillances relevées…"
          autocomplete="off"
          error={errors().notes}
          onInput={(event) => setNotes(event.currentTarget.value)}
        />
      </Field>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Button type="submit" isLoading={isSubmitting()}>
        Enregistrer le contrôle
      </Button>
    </form>
  );
}
