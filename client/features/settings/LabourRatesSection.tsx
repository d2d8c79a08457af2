import { For, Index, Show } from 'solid-js';
import { isVatRateBp, VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import { PRICING_METHOD_LABELS, PRICING_METHODS } from '../../../domain/schemas/settings';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/Feedback';
import { CellErrors } from './CellErrors';
import { focusSoon } from './focus';
import { newRate, type RateValues, type SettingsSectionProps } from './settings-values';

const RATE_CELLS: Record<string, string> = {
  name: 'nom',
  hourlyRateCents: 'taux horaire',
  method: 'méthode',
  vatRateBp: 'TVA',
};

/** The labour rates a quote line picks from: name, hourly rate excl. VAT, method, VAT. */
export function LabourRatesSection(props: SettingsSectionProps) {
  const error = (index: number, field: string) => props.errors[`labourRates.${index}.${field}`];
  const set = <K extends keyof RateValues>(index: number, field: K, value: RateValues[K]) =>
    props.setValues('labourRates', index, field, value);

  function add() {
    const rate = newRate(props.values.defaultVatRateBp);
    props.setValues('labourRates', (rates) => [...rates, rate]);
    focusSoon(`rate-name-${rate.id}`);
  }

  function remove(id: string) {
    props.setValues('labourRates', (rates) => rates.filter((rate) => rate.id !== id));
    focusSoon('settings-add-rate');
  }

  return (
    <section class="card settings-card" aria-labelledby="settings-rates-title">
      <h2 id="settings-rates-title">Taux horaires de main-d’œuvre</h2>
      <Show
        when={props.values.labourRates.length > 0}
        fallback={<EmptyState title="Aucun taux horaire : ajoutez-en un pour la main-d’œuvre." />}
      >
        <div class="table-wrap">
          <table class="table settings-rates">
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Taux HT (€/h)</th>
                <th scope="col">Méthode</th>
                <th scope="col">TVA</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <Index each={props.values.labourRates}>
                {(rate, index) => (
                  <tr>
                    <td>
                      <input
                        id={`rate-name-${rate().id}`}
                        aria-label="Nom du taux"
                        aria-invalid={error(index, 'name') ? 'true' : undefined}
                        title={error(index, 'name')}
                        classList={{ 'cell-invalid': Boolean(error(index, 'name')) }}
                        value={rate().name}
                        disabled={!props.isEditable}
                        onInput={(event) => set(index, 'name', event.currentTarget.value)}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`Taux horaire HT de ${rate().name || 'ce taux'}`}
                        inputMode="decimal"
                        aria-invalid={error(index, 'hourlyRateCents') ? 'true' : undefined}
                        title={error(index, 'hourlyRateCents')}
                        classList={{ 'cell-invalid': Boolean(error(index, 'hourlyRateCents')) }}
                        value={rate().hourlyRate}
                        disabled={!props.isEditable}
                        onInput={(event) => set(index, 'hourlyRate', event.currentTarget.value)}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`Méthode de tarification de ${rate().name || 'ce taux'}`}
                        disabled={!props.isEditable}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          const method = PRICING_METHODS.find((known) => known === value);
                          if (method) set(index, 'method', method);
                        }}
                      >
                        <For each={PRICING_METHODS}>
                          {(method) => (
                            <option value={method} selected={method === rate().method}>
                              {PRICING_METHOD_LABELS[method]}
                            </option>
                          )}
                        </For>
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={`TVA de ${rate().name || 'ce taux'}`}
                        disabled={!props.isEditable}
                        onChange={(event) => {
                          const vat = Number(event.currentTarget.value);
                          if (isVatRateBp(vat)) set(index, 'vatRateBp', vat);
                        }}
                      >
                        <For each={VAT_RATE_OPTIONS}>
                          {(option) => (
                            <option
                              value={option.value}
                              selected={option.value === rate().vatRateBp}
                            >
                              {option.label}
                            </option>
                          )}
                        </For>
                      </select>
                    </td>
                    <td>
                      <Show when={props.isEditable}>
                        <Button variant="ghost" onClick={() => remove(rate().id)}>
                          Retirer
                        </Button>
                      </Show>
                    </td>
                  </tr>
                )}
              </Index>
            </tbody>
          </table>
        </div>
        <CellErrors
          errors={props.errors}
          prefix="labourRates"
          describe={([index, field]) =>
            `Taux ${Number(index) + 1}, ${RATE_CELLS[field ?? ''] ?? 'valeur'}`
          }
        />
      </Show>
      <Show when={props.isEditable}>
        <Button id="settings-add-rate" variant="ghost" class="settings-add" onClick={add}>
          + Ajouter un taux
        </Button>
      </Show>
    </section>
  );
}
