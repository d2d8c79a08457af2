import { createSignal, For, Index, Show } from 'solid-js';
import { formatVatRate, isVatRateBp, VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import {
  ACCOUNTING_LABELS,
  ACCOUNTING_PATHS,
  type AccountingTextField,
  newAccountRate,
} from './accounting-values';
import { CellErrors } from './CellErrors';
import { focusSoon } from './focus';
import type { SettingsSectionProps } from './settings-values';

const ACCOUNTS: AccountingTextField[] = ['customerAccount', 'bankAccount', 'cashAccount'];
/** Where a rate without its own row below goes. */
const DEFAULTS: AccountingTextField[] = ['salesAccount', 'vatAccount'];
/** The other side of deposits, cash put in or taken out, and what a till count finds. */
const OTHERS: AccountingTextField[] = [
  'depositAccount',
  'internalTransferAccount',
  'tillShortfallAccount',
  'tillSurplusAccount',
];
const JOURNALS: AccountingTextField[] = ['salesJournal', 'bankJournal', 'cashJournal'];
const RATE_CELLS: Record<string, string> = {
  salesAccount: 'compte de ventes',
  vatAccount: 'compte de TVA',
};

/** The accounts and journals the FEC export writes to (plan comptable général). */
export function AccountingSection(props: SettingsSectionProps) {
  const unlisted = () =>
    VAT_RATE_OPTIONS.filter(
      (option) => !props.values.accountRates.some((rate) => rate.vatRateBp === option.value),
    );
  const [adding, setAdding] = createSignal<number | null>(null);
  const rateToAdd = () => adding() ?? unlisted()[0]?.value ?? null;
  const error = (index: number, field: string) =>
    props.errors[`accounting.rates.${index}.${field}`];

  const fields = (list: AccountingTextField[]) => (
    <For each={list}>
      {(field) => {
        const id = `accounting-${field}`;
        const message = () => props.errors[ACCOUNTING_PATHS[field]];
        return (
          <Field label={ACCOUNTING_LABELS[field]} for={id} error={message()}>
            <Input
              id={id}
              value={props.values[field]}
              disabled={!props.isEditable}
              error={message()}
              onInput={(event) => props.setValues(field, event.currentTarget.value.toUpperCase())}
            />
          </Field>
        );
      }}
    </For>
  );

  function add() {
    const vatRateBp = rateToAdd();
    if (vatRateBp === null || !isVatRateBp(vatRateBp)) return;
    const rate = newAccountRate(vatRateBp, props.values);
    props.setValues('accountRates', (rates) => [...rates, rate]);
    setAdding(null);
    focusSoon(`account-rate-sales-${rate.id}`);
  }

  return (
    <section class="card settings-card" aria-labelledby="settings-accounting-title">
      <h2 id="settings-accounting-title">Comptabilité (FEC)</h2>
      <p class="muted">
        Les comptes et journaux du plan comptable que le fichier des écritures comptables reprend ;
        votre comptable vous les indique.
      </p>
      <div class="form-grid">{fields(ACCOUNTS)}</div>
      <div class="form-grid">{fields(OTHERS)}</div>
      <div class="form-grid">{fields(JOURNALS)}</div>
      <div class="form-grid">{fields(DEFAULTS)}</div>
      <h3>Comptes par taux de TVA</h3>
      <Show
        when={props.values.accountRates.length > 0}
        fallback={<p class="muted">Tous les taux vont aux comptes ci-dessus.</p>}
      >
        <div class="table-wrap">
          <table class="table settings-rates">
            <thead>
              <tr>
                <th scope="col">Taux</th>
                <th scope="col">Compte de ventes</th>
                <th scope="col">Compte de TVA collectée</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <Index each={props.values.accountRates}>
                {(rate, index) => (
                  <tr>
                    <td>{formatVatRate(rate().vatRateBp)}</td>
                    <For each={['salesAccount', 'vatAccount'] as const}>
                      {(field) => (
                        <td>
                          <input
                            id={`account-rate-${field === 'salesAccount' ? 'sales' : 'vat'}-${rate().id}`}
                            aria-label={`${RATE_CELLS[field]} à ${formatVatRate(rate().vatRateBp)}`}
                            aria-invalid={error(index, field) ? 'true' : undefined}
                            title={error(index, field)}
                            classList={{ 'cell-invalid': Boolean(error(index, field)) }}
                            value={rate()[field]}
                            disabled={!props.isEditable}
                            onInput={(event) =>
                              props.setValues(
                                'accountRates',
                                index,
                                field,
                                event.currentTarget.value.toUpperCase(),
                              )
                            }
                          />
                        </td>
                      )}
                    </For>
                    <td>
                      <Show when={props.isEditable}>
                        <Button
                          variant="ghost"
                          onClick={() =>
                            props.setValues('accountRates', (rates) =>
                              rates.filter((known) => known.id !== rate().id),
                            )
                          }
                        >
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
          prefix="accounting.rates"
          describe={([index, field]) => {
            const rate = props.values.accountRates[Number(index)];
            const where = rate ? `TVA ${formatVatRate(rate.vatRateBp)}` : 'Taux';
            return `${where}, ${RATE_CELLS[field ?? ''] ?? 'valeur'}`;
          }}
        />
      </Show>
      <Show when={props.isEditable && unlisted().length > 0}>
        <div class="settings-add settings-account-add">
          <select
            aria-label="Taux de TVA à ajouter"
            onChange={(event) => setAdding(Number(event.currentTarget.value))}
          >
            <For each={unlisted()}>
              {(option) => (
                <option value={option.value} selected={option.value === rateToAdd()}>
                  {option.label}
                </option>
              )}
            </For>
          </select>
          <Button variant="ghost" onClick={add}>
            + Comptes pour ce taux
          </Button>
        </div>
      </Show>
    </section>
  );
}
