import { For } from 'solid-js';
import { isVatRateBp, VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import { Field } from '../../ui/Field';
import { Input, Select, Textarea } from '../../ui/Input';
import type { SettingsSectionProps } from './settings-values';

/** VAT and the quotes' defaults: rate, validity, payment and warranty terms. */
export function QuotingSection(props: SettingsSectionProps) {
  return (
    <section class="card settings-card" aria-labelledby="settings-quoting-title">
      <h2 id="settings-quoting-title">TVA et devis</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={props.values.vatExempt}
          disabled={!props.isEditable}
          onChange={(event) => props.setValues('vatExempt', event.currentTarget.checked)}
        />
        Franchise en base de TVA : « TVA non applicable, art. 293 B du CGI »
      </label>
      <div class="form-grid">
        <Field
          label="Taux de TVA par défaut"
          for="settings-vat"
          error={props.errors.defaultVatRateBp}
        >
          <Select
            id="settings-vat"
            disabled={!props.isEditable}
            error={props.errors.defaultVatRateBp}
            onChange={(event) => {
              const rate = Number(event.currentTarget.value);
              if (isVatRateBp(rate)) props.setValues('defaultVatRateBp', rate);
            }}
          >
            <For each={VAT_RATE_OPTIONS}>
              {(option) => (
                <option
                  value={option.value}
                  selected={option.value === props.values.defaultVatRateBp}
                >
                  {option.label}
                </option>
              )}
            </For>
          </Select>
        </Field>
        <Field
          label="Validité d’un devis (jours)"
          for="settings-validity"
          error={props.errors.quoteValidityDays}
        >
          <Input
            id="settings-validity"
            inputMode="numeric"
            value={props.values.quoteValidityDays}
            disabled={!props.isEditable}
            error={props.errors.quoteValidityDays}
            onInput={(event) => props.setValues('quoteValidityDays', event.currentTarget.value)}
          />
        </Field>
      </div>
      <div class="form-grid">
        <Field
          label="Conditions de paiement"
          for="settings-payment"
          error={props.errors.paymentTerms}
        >
          <Textarea
            id="settings-payment"
            rows={2}
            value={props.values.paymentTerms}
            disabled={!props.isEditable}
            error={props.errors.paymentTerms}
            onInput={(event) => props.setValues('paymentTerms', event.currentTarget.value)}
          />
        </Field>
        <Field label="Garantie" for="settings-warranty" error={props.errors.warrantyTerms}>
          <Textarea
            id="settings-warranty"
            rows={2}
            value={props.values.warrantyTerms}
            disabled={!props.isEditable}
            error={props.errors.warrantyTerms}
            onInput={(event) => props.setValues('warrantyTerms', event.currentTarget.value)}
          />
        </Field>
      </div>
    </section>
  );
}
