import { createEffect, createSignal, For, type JSX, onMount, Show } from 'solid-js';
import { type SetStoreFunction, unwrap } from 'solid-js/store';
import {
  FUEL_LABELS,
  FUELS,
  VEHICLE_CATEGORIES,
  VEHICLE_CATEGORY_LABELS,
} from '../../../domain/schemas/vehicle';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input, Select, Textarea } from '../../ui/Input';
import {
  pickCategory,
  pickFuel,
  toVehicleFields,
  VehicleFieldsSchema,
  type VehicleFormValues,
} from './vehicle-values';

type TextKey = 'vin' | 'make' | 'model';

/**
 * The vehicle form, controlled by the page (an editable record, or a new vehicle's store) and
 * checked with the server's own schema before sending, then on every change once a submit was
 * refused. The plate may be typed any way (`ab123cd`): the server answers with its canonical
 * form. Enter submits; Escape cancels, after asking when something was typed.
 */
export function VehicleForm(props: {
  values: VehicleFormValues;
  setValues: SetStoreFunction<VehicleFormValues>;
  isDirty: boolean;
  submitLabel: string;
  /** Server-side field errors, keyed by API path. */
  serverErrors?: FieldErrors;
  isSubmitting: boolean;
  onSubmit: (values: VehicleFormValues) => void;
  /** Leaves the form; asked first when it holds unsaved edits. */
  onCancel: () => void;
}) {
  const values = props.values;
  const setValues = props.setValues;
  const [localErrors, setLocalErrors] = createSignal<FieldErrors>({});
  const [hasTried, setTried] = createSignal(false);
  const [isConfirmingCancel, setConfirmingCancel] = createSignal(false);
  const errorOf = (key: string) => localErrors()[key] ?? props.serverErrors?.[key];
  let form!: HTMLFormElement;
  let plate!: HTMLInputElement;
  onMount(() => plate.focus());

  // Once a submit was refused, errors follow the typing: fixed fields clear at once.
  createEffect(() => {
    if (!hasTried()) return;
    const result = validateAll(VehicleFieldsSchema, toVehicleFields(values));
    setLocalErrors(result.success ? {} : result.errors);
  });

  function cancel() {
    if (props.isDirty) setConfirmingCancel(true);
    else props.onCancel();
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setTried(true);
    const current = structuredClone(unwrap(values));
    const result = validateAll(VehicleFieldsSchema, toVehicleFields(current));
    if (!result.success) {
      setLocalErrors(result.errors);
      // Keyboard users land on the first field to fix.
      queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setLocalErrors({});
    props.onSubmit(current);
  }

  const text = (key: TextKey, label: string, attrs: JSX.InputHTMLAttributes<HTMLInputElement>) => (
    <Field label={label} for={`vehicle-${key}`} error={errorOf(key)}>
      <Input
        id={`vehicle-${key}`}
        value={values[key]}
        autocomplete="off"
        error={errorOf(key)}
        onInput={(event) => setValues(key, event.currentTarget.value)}
        {...attrs}
      />
    </Field>
  );

  return (
    <>
      <form
        ref={form}
        class="form"
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            cancel();
          }
        }}
        noValidate
      >
        <div class="form-grid">
          <Field
            label="Immatriculation"
            for="vehicle-plate"
            error={errorOf('plate')}
            hint="AB-123-CD, 123 ABC 45 ou plaque étrangère"
          >
            <Input
              id="vehicle-plate"
              ref={plate}
              value={values.plate}
              autocomplete="off"
              class="vehicle-plate-input"
              error={errorOf('plate')}
              onInput={(event) => setValues('plate', event.currentTarget.value)}
            />
          </Field>
          {text('vin', 'VIN (n° de série)', {
            placeholder: '17 caractères',
            class: 'vehicle-mono',
          })}
          <Field label="Catégorie" for="vehicle-category" error={errorOf('category')}>
            <Select
              id="vehicle-category"
              error={errorOf('category')}
              onChange={(event) => {
                const category = pickCategory(event.currentTarget.value);
                if (category) setValues('category', category);
              }}
            >
              <For each={VEHICLE_CATEGORIES}>
                {(category) => (
                  <option value={category} selected={category === values.category}>
                    {VEHICLE_CATEGORY_LABELS[category]}
                  </option>
                )}
              </For>
            </Select>
          </Field>
          {text('make', 'Marque', { placeholder: 'Renault' })}
          {text('model', 'Modèle', { placeholder: 'Clio IV' })}
          <Field label="Énergie" for="vehicle-fuel" error={errorOf('fuel')}>
            <Select
              id="vehicle-fuel"
              error={errorOf('fuel')}
              onChange={(event) => {
                const fuel = pickFuel(event.currentTarget.value);
                if (fuel !== undefined) setValues('fuel', fuel);
              }}
            >
              <option value="" selected={values.fuel === ''}>
                —
              </option>
              <For each={FUELS}>
                {(fuel) => (
                  <option value={fuel} selected={fuel === values.fuel}>
                    {FUEL_LABELS[fuel]}
                  </option>
                )}
              </For>
            </Select>
          </Field>
          <Field
            label="1re mise en circulation"
            for="vehicle-firstRegistrationDate"
            error={errorOf('firstRegistrationDate')}
          >
            <Input
              id="vehicle-firstRegistrationDate"
              type="date"
              value={values.firstRegistrationDate}
              error={errorOf('firstRegistrationDate')}
              onInput={(event) => setValues('firstRegistrationDate', event.currentTarget.value)}
            />
          </Field>
        </div>
        <Field label="Notes" for="vehicle-notes" error={errorOf('notes')}>
          <Textarea
            id="vehicle-notes"
            rows={2}
            value={values.notes}
            error={errorOf('notes')}
            onInput={(event) => setValues('notes', event.currentTarget.value)}
          />
        </Field>
        <Show when={errorOf('clientId')}>
          <div class="alert alert-error">{errorOf('clientId')}</div>
        </Show>
        <div class="form-actions">
          <Button onClick={cancel} title="Échap">
            Annuler
          </Button>
          <Button type="submit" variant="primary" isLoading={props.isSubmitting} title="Entrée">
            {props.submitLabel}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={isConfirmingCancel()}
        title="Abandonner vos modifications ?"
        message="Ce que vous avez saisi dans ce formulaire sera perdu."
        confirmLabel="Abandonner la saisie"
        cancelLabel="Continuer la saisie"
        onConfirm={() => props.onCancel()}
        onClose={() => setConfirmingCancel(false)}
      />
    </>
  );
}
