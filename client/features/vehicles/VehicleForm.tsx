import { createSignal, For, type JSX, onMount, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import {
  FUEL_LABELS,
  FUELS,
  VEHICLE_CATEGORIES,
  VEHICLE_CATEGORY_LABELS,
  VehicleInputSchema,
} from '../../../domain/schemas/vehicle';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { toVehicleInput, type VehicleFormValues } from './vehicle-values';

/**
 * The vehicle form, checked with the server's own VehicleInputSchema before sending. The plate
 * may be typed any way (`ab123cd`): the server answers with its canonical form. Escape cancels.
 */
export function VehicleForm(props: {
  clientId: string;
  initial: VehicleFormValues;
  submitLabel: string;
  serverErrors?: Record<string, string>;
  isSubmitting: boolean;
  onSubmit: (values: VehicleFormValues) => void;
  onCancel: () => void;
  /** Shown above the buttons (e.g. "someone changed this vehicle"). */
  notice?: JSX.Element;
}) {
  const [values, setValues] = createStore<VehicleFormValues>(structuredClone(props.initial));
  const [localErrors, setLocalErrors] = createSignal<Record<string, string>>({});
  const errorOf = (key: string) => localErrors()[key] ?? props.serverErrors?.[key];
  let plate!: HTMLInputElement;
  onMount(() => plate.focus());

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const current = structuredClone(unwrap(values));
    const parsed = VehicleInputSchema.safeParse(toVehicleInput(props.clientId, current));
    if (!parsed.success) {
      setLocalErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
        ),
      );
      return;
    }
    setLocalErrors({});
    props.onSubmit(current);
  }

  const input = (key: keyof VehicleFormValues, label: string, placeholder = '') => (
    <Field label={label} for={`vehicle-${key}`} error={errorOf(key)}>
      <input
        id={`vehicle-${key}`}
        value={values[key]}
        placeholder={placeholder}
        autocomplete="off"
        onInput={(event) => setValues(key, event.currentTarget.value)}
      />
    </Field>
  );

  return (
    <form
      class="form"
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}
      noValidate
    >
      <div class="form-grid">
        <Field
          label="Immatriculation"
          for="vehicle-plate"
          error={errorOf('plate')}
          hint="AB-123-CD, 123 ABC 45 ou plaque étrangère"
        >
          <input
            id="vehicle-plate"
            ref={plate}
            value={values.plate}
            autocomplete="off"
            class="plate-input"
            onInput={(event) => setValues('plate', event.currentTarget.value)}
          />
        </Field>
        {input('vin', 'VIN (n° de série)', '17 caractères')}
        <Field label="Catégorie" for="vehicle-category" error={errorOf('category')}>
          <select
            id="vehicle-category"
            onChange={(event) => setValues('category', event.currentTarget.value)}
          >
            <For each={VEHICLE_CATEGORIES}>
              {(category) => (
                <option value={category} selected={category === values.category}>
                  {VEHICLE_CATEGORY_LABELS[category]}
                </option>
              )}
            </For>
          </select>
        </Field>
        {input('make', 'Marque', 'Renault')}
        {input('model', 'Modèle', 'Clio IV')}
        <Field label="Énergie" for="vehicle-fuel" error={errorOf('fuel')}>
          <select
            id="vehicle-fuel"
            onChange={(event) => setValues('fuel', event.currentTarget.value)}
          >
            <option value="">—</option>
            <For each={FUELS}>
              {(fuel) => (
                <option value={fuel} selected={fuel === values.fuel}>
                  {FUEL_LABELS[fuel]}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Field
          label="1re mise en circulation"
          for="vehicle-firstRegistrationDate"
          error={errorOf('firstRegistrationDate')}
        >
          <input
            id="vehicle-firstRegistrationDate"
            type="date"
            value={values.firstRegistrationDate}
            onInput={(event) => setValues('firstRegistrationDate', event.currentTarget.value)}
          />
        </Field>
      </div>
      <Field label="Notes" for="vehicle-notes" error={errorOf('notes')}>
        <textarea
          id="vehicle-notes"
          rows={2}
          value={values.notes}
          onInput={(event) => setValues('notes', event.currentTarget.value)}
        />
      </Field>
      {props.notice}
      <Show when={errorOf('clientId')}>
        <div class="alert alert-error">{errorOf('clientId')}</div>
      </Show>
      <div class="form-actions">
        <Button onClick={() => props.onCancel()}>Annuler</Button>
        <Button type="submit" variant="primary" isLoading={props.isSubmitting}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
