import { createSignal, For } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import {
  INSPECTION_RESULT_LABELS,
  INSPECTION_RESULTS,
  InspectionInputSchema,
  type InspectionResult,
} from '../../../domain/schemas/vehicle';
import { errorMessage, fieldErrors } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { recordInspection } from './vehicles.api';

/** Records a contrôle technique visit: date, result and an optional note. */
export function InspectionForm(props: { vehicleId: string; onDone: () => void }) {
  const today = () => todayInParis(new Date());
  const [date, setDate] = createSignal(today());
  const [result, setResult] = createSignal<InspectionResult>('pass');
  const [notes, setNotes] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const input = { date: date(), result: result(), notes: notes() };
    const parsed = InspectionInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
        ),
      );
      return;
    }
    setErrors({});
    setError(null);
    setSubmitting(true);
    try {
      await recordInspection(props.vehicleId, input);
      showToast('Contrôle technique enregistré.');
      setNotes('');
      props.onDone();
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form class="card form compact" onSubmit={(event) => void submit(event)} noValidate>
      <h2>Contrôle technique</h2>
      <div class="form-row">
        <Field label="Date du contrôle" for="ct-date" error={errors().date}>
          <input
            id="ct-date"
            type="date"
            value={date()}
            max={today()}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </Field>
        <Field label="Résultat" for="ct-result" error={errors().result}>
          <select
            id="ct-result"
            onChange={(event) => setResult(event.currentTarget.value as InspectionResult)}
          >
            <For each={INSPECTION_RESULTS}>
              {(item) => (
                <option value={item} selected={item === result()}>
                  {INSPECTION_RESULT_LABELS[item]}
                </option>
              )}
            </For>
          </select>
        </Field>
      </div>
      <Field label="Remarques" for="ct-notes" error={errors().notes}>
        <input
          id="ct-notes"
          value={notes()}
          placeholder="Centre, défaillances relevées…"
          autocomplete="off"
          onInput={(event) => setNotes(event.currentTarget.value)}
        />
      </Field>
      {error() && (
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      )}
      <Button type="submit" isLoading={isSubmitting()}>
        Enregistrer le contrôle
      </Button>
    </form>
  );
}
