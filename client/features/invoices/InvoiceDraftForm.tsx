import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { OPERATION_CATEGORIES, OPERATION_CATEGORY_LABELS } from '../../../domain/schemas/invoice';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input, Select, Textarea } from '../../ui/Input';
import type { InvoiceFormValues } from './invoice-values';

type TextField = Exclude<keyof InvoiceFormValues, 'lines' | 'operationCategory'>;

/** A draft's dates, payment and note: what PATCH accepts besides the lines. */
export function InvoiceDraftForm(props: {
  values: InvoiceFormValues;
  setValues: SetStoreFunction<InvoiceFormValues>;
  errors: Record<string, string>;
  isDeposit: boolean;
  hasVehicle: boolean;
  isDirty: boolean;
  isSaving: boolean;
  onSave: () => void;
}) {
  const text = (name: TextField, label: string, type = 'text', hint?: string) => (
    <Field
      label={label}
      for={`invoice-${name}`}
      error={props.errors[name]}
      {...(hint ? { hint } : {})}
    >
      <Input
        id={`invoice-${name}`}
        type={type}
        value={props.values[name]}
        error={props.errors[name]}
        onInput={(event) => props.setValues(name, event.currentTarget.value)}
      />
    </Field>
  );
  return (
    <form
      class="card invoice-form"
      aria-label="Brouillon de facture"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      <h2>Dates et paiement</h2>
      <div class="invoice-form-grid">
        <Show when={!props.isDeposit}>{text('serviceDate', 'Date de la prestation', 'date')}</Show>
        {text('dueDate', 'Échéance', 'date')}
        <Field label="Catégorie de l’opération" for="invoice-operationCategory">
          <Select
            id="invoice-operationCategory"
            value={props.values.operationCategory}
            onChange={(event) =>
              props.setValues(
                'operationCategory',
                OPERATION_CATEGORIES.find((value) => value === event.currentTarget.value) ??
                  props.values.operationCategory,
              )
            }
          >
            <For each={OPERATION_CATEGORIES}>
              {(category) => (
                <option value={category}>{OPERATION_CATEGORY_LABELS[category]}</option>
              )}
            </For>
          </Select>
        </Field>
        {text(
          'latePenaltyRate',
          'Taux des pénalités de retard (% par an)',
          'text',
          'Par exemple 12,15',
        )}
        <Show when={props.hasVehicle}>{text('mileageKm', 'Kilométrage', 'text')}</Show>
      </div>
      {text('terms', 'Conditions de paiement')}
      {text(
        'earlyPaymentDiscount',
        'Escompte pour paiement anticipé',
        'text',
        'Vide : « Pas d’escompte pour paiement anticipé »',
      )}
      <Field label="Note" for="invoice-note" error={props.errors.note}>
        <Textarea
          id="invoice-note"
          rows={2}
          value={props.values.note}
          onInput={(event) => props.setValues('note', event.currentTarget.value)}
        />
      </Field>
      <div class="form-actions">
        <Button
          type="submit"
          variant="primary"
          isLoading={props.isSaving}
          disabled={!props.isDirty}
        >
          {props.isDirty ? 'Enregistrer' : 'Enregistré'}
        </Button>
      </div>
    </form>
  );
}
