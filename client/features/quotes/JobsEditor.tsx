import { For, Index, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { formatEuros } from '../../../domain/money';
import type { QuoteTotals } from '../../../domain/quote/totals';
import { QUOTE_UNITS } from '../../../domain/quote/totals';
import { VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import type { Settings } from '../../../domain/schemas/settings';
import {
  centsToText,
  type DraftJob,
  type DraftLine,
  emptyLine,
  newKey,
  packageToLines,
} from './quote-draft';

const KIND_LABELS = { labour: 'Main-d’œuvre', part: 'Pièce', fee: 'Frais' } as const;
const COLUMNS = [
  'kind',
  'description',
  'reference',
  'quantity',
  'unit',
  'unitPrice',
  'discount',
  'vat',
] as const;

type Props = {
  jobs: DraftJob[];
  setJobs: SetStoreFunction<DraftJob[]>;
  totals: QuoteTotals;
  settings: Settings;
  isEditable: boolean;
  errors: Record<string, Partial<Record<string, string>>>;
  onEdit: () => void;
  addJobLabel?: string;
  titlePlaceholder?: string;
};

/**
 * The lines grid, built for the counter: Tab moves across, ↑/↓ move between lines, Entrée goes
 * to the next line (adding one at the end), Ctrl+Suppr deletes the line.
 */
export function JobsEditor(props: Props) {
  const defaultVat = () => props.settings.defaultVatRateBp;

  function update(jobIndex: number, lineIndex: number, changes: Partial<DraftLine>) {
    props.setJobs(jobIndex, 'lines', lineIndex, changes);
    props.onEdit();
  }

  function focusCell(jobIndex: number, lineIndex: number, column: string) {
    queueMicrotask(() => {
      const cell = document.querySelector<HTMLElement>(
        `[data-job="${jobIndex}"][data-line="${lineIndex}"][data-col="${column}"]`,
      );
      cell?.focus();
      if (cell instanceof HTMLInputElement) cell.select();
    });
  }

  function addLine(jobIndex: number, line: DraftLine = emptyLine(defaultVat())) {
    props.setJobs(jobIndex, 'lines', (lines) => [...lines, line]);
    props.onEdit();
    focusCell(jobIndex, props.jobs[jobIndex]!.lines.length - 1, 'description');
  }

  function removeLine(jobIndex: number, lineIndex: number) {
    props.setJobs(jobIndex, 'lines', (lines) => lines.filter((_, i) => i !== lineIndex));
    props.onEdit();
    const remaining = props.jobs[jobIndex]!.lines.length;
    if (remaining > 0) focusCell(jobIndex, Math.min(lineIndex, remaining - 1), 'description');
  }

  function onCellKey(event: KeyboardEvent, jobIndex: number, lineIndex: number, column: string) {
    const lines = props.jobs[jobIndex]!.lines.length;
    const isSelect = (event.target as HTMLElement).tagName === 'SELECT';
    if (event.key === 'Delete' && event.ctrlKey) {
      event.preventDefault();
      removeLine(jobIndex, lineIndex);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey) {
      event.preventDefault();
      if (lineIndex === lines - 1) addLine(jobIndex);
      else focusCell(jobIndex, lineIndex + 1, column);
    } else if (event.key === 'ArrowDown' && !isSelect && lineIndex < lines - 1) {
      event.preventDefault();
      focusCell(jobIndex, lineIndex + 1, column);
    } else if (event.key === 'ArrowUp' && !isSelect && lineIndex > 0) {
      event.preventDefault();
      focusCell(jobIndex, lineIndex - 1, column);
    }
  }

  function addJob() {
    props.setJobs((jobs) => [
      ...jobs,
      { key: newKey(), title: '', lines: [emptyLine(defaultVat())] },
    ]);
    props.onEdit();
    queueMicrotask(() =>
      document
        .querySelector<HTMLInputElement>(`[data-job-title="${props.jobs.length - 1}"]`)
        ?.focus(),
    );
  }

  const lineTotal = (jobIndex: number, lineIndex: number) =>
    props.totals.lines.find((line) => line.jobIndex === jobIndex && line.lineIndex === lineIndex)
      ?.lineTotalCents ?? 0;

  return (
    <div class="jobs">
      <Index each={props.jobs}>
        {(job, jobIndex) => (
          <section class="job card" aria-label={`Prestation ${jobIndex + 1}`}>
            <div class="job-header">
              <label class="visually-hidden" for={`job-title-${jobIndex}`}>
                Intitulé de la prestation {jobIndex + 1}
              </label>
              <input
                id={`job-title-${jobIndex}`}
                data-job-title={jobIndex}
                class={`job-title ${props.errors[job().key]?.title ? 'cell-invalid' : ''}`}
                placeholder={
                  props.titlePlaceholder ?? 'Intitulé de la prestation (ex. Freinage avant)'
                }
                value={job().title}
                readOnly={!props.isEditable}
                onInput={(event) => {
                  props.setJobs(jobIndex, 'title', event.currentTarget.value);
                  props.onEdit();
                }}
              />
              <span class="job-total">
                {formatEuros(props.totals.jobs[jobIndex]?.totalExclVatCents ?? 0)} HT
              </span>
              <Show when={props.isEditable}>
                <button
                  type="button"
                  class="btn btn-ghost"
                  onClick={() => {
                    props.setJobs((jobs) => jobs.filter((_, i) => i !== jobIndex));
                    props.onEdit();
                  }}
                >
                  Retirer la prestation
                </button>
              </Show>
            </div>
            {/* Scrolls sideways inside the card on a tablet rather than squeezing the description. */}
            <div class="table-wrap">
              <table class="lines">
                {/* Fixed widths: a quantity like 1,5 or a price never gets cut; the description takes the rest. */}
                <colgroup>
                  <col class="col-kind" />
                  <col />
                  <col class="col-ref" />
                  <col class="col-qty" />
                  <col class="col-unit" />
                  <col class="col-price" />
                  <col class="col-discount" />
                  <col class="col-vat" />
                  <col class="col-total" />
                  <col class="col-remove" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Description</th>
                    <th scope="col">Réf.</th>
                    <th scope="col" class="num">
                      Qté
                    </th>
                    <th scope="col">Unité</th>
                    <th scope="col" class="num">
                      PU HT (€)
                    </th>
                    <th scope="col" class="num">
                      Remise %
                    </th>
                    <th scope="col">TVA</th>
                    <th scope="col" class="num">
                      Total HT
                    </th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <Index each={job().lines}>
                    {(line, lineIndex) => {
                      const error = (field: string) => props.errors[line().key]?.[field];
                      const cell = (column: (typeof COLUMNS)[number]) => ({
                        'data-job': jobIndex,
                        'data-line': lineIndex,
                        'data-col': column,
                        disabled: !props.isEditable,
                        onKeyDown: (event: KeyboardEvent) =>
                          onCellKey(event, jobIndex, lineIndex, column),
                      });
                      /** Quantity, unit price and discount: typed as text, French decimals. */
                      const decimalInput = (
                        field: 'quantity' | 'unitPrice' | 'discount',
                        label: string,
                        placeholder?: string,
                      ) => (
                        <input
                          {...cell(field)}
                          aria-label={label}
                          inputMode="decimal"
                          class={`num ${error(field) ? 'cell-invalid' : ''}`}
                          title={error(field)}
                          value={line()[field]}
                          placeholder={placeholder}
                          onInput={(event) =>
                            update(jobIndex, lineIndex, { [field]: event.currentTarget.value })
                          }
                        />
                      );
                      return (
                        <tr class={line().kind === 'labour' ? 'line-labour' : ''}>
                          <td>
                            <select
                              {...cell('kind')}
                              aria-label="Type de ligne"
                              onChange={(event) =>
                                update(jobIndex, lineIndex, {
                                  kind: event.currentTarget.value as DraftLine['kind'],
                                })
                              }
                            >
                              <For each={Object.entries(KIND_LABELS)}>
                                {([value, label]) => (
                                  <option value={value} selected={value === line().kind}>
                                    {label}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                          <td>
                            <input
                              {...cell('description')}
                              aria-label="Description"
                              class={error('description') ? 'cell-invalid' : ''}
                              title={error('description')}
                              value={line().description}
                              onInput={(event) =>
                                update(jobIndex, lineIndex, {
                                  description: event.currentTarget.value,
                                })
                              }
                            />
                          </td>
                          <td>
                            <input
                              {...cell('reference')}
                              aria-label="Référence"
                              value={line().reference}
                              onInput={(event) =>
                                update(jobIndex, lineIndex, {
                                  reference: event.currentTarget.value,
                                })
                              }
                            />
                          </td>
                          <td>{decimalInput('quantity', 'Quantité')}</td>
                          <td>
                            <select
                              {...cell('unit')}
                              aria-label="Unité"
                              onChange={(event) =>
                                update(jobIndex, lineIndex, { unit: event.currentTarget.value })
                              }
                            >
                              <For each={QUOTE_UNITS}>
                                {(unit) => (
                                  <option value={unit} selected={unit === line().unit}>
                                    {unit}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                          <td>{decimalInput('unitPrice', 'Prix unitaire HT', '0,00')}</td>
                          <td>{decimalInput('discount', 'Remise en %')}</td>
                          <td>
                            <select
                              {...cell('vat')}
                              aria-label="Taux de TVA"
                              onChange={(event) =>
                                update(jobIndex, lineIndex, {
                                  vatRateBp: Number(event.currentTarget.value),
                                })
                              }
                            >
                              <For each={VAT_RATE_OPTIONS}>
                                {(option) => (
                                  <option
                                    value={option.value}
                                    selected={option.value === line().vatRateBp}
                                  >
                                    {option.label}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                          <td class="num line-total" data-testid="line-total">
                            {formatEuros(lineTotal(jobIndex, lineIndex))}
                          </td>
                          <td>
                            <Show when={props.isEditable}>
                              <button
                                type="button"
                                class="btn btn-ghost btn-icon"
                                aria-label={`Supprimer la ligne ${lineIndex + 1}`}
                                title="Supprimer la ligne (Ctrl+Suppr)"
                                onClick={() => removeLine(jobIndex, lineIndex)}
                              >
                                ✕
                              </button>
                            </Show>
                          </td>
                        </tr>
                      );
                    }}
                  </Index>
                </tbody>
              </table>
            </div>
            <Show when={props.isEditable}>
              <div class="job-actions">
                <button type="button" class="btn btn-ghost" onClick={() => addLine(jobIndex)}>
                  + Ligne
                </button>
                <select
                  aria-label="Ajouter un taux horaire"
                  value=""
                  onChange={(event) => {
                    const rate = props.settings.labourRates.find(
                      (item) => item.id === event.currentTarget.value,
                    );
                    event.currentTarget.value = '';
                    if (!rate) return;
                    addLine(
                      jobIndex,
                      emptyLine(rate.vatRateBp, {
                        kind: 'labour',
                        description: `Main-d’œuvre ${rate.name.toLowerCase()}`,
                        unit: 'h',
                        unitPrice: centsToText(rate.hourlyRateCents),
                      }),
                    );
                  }}
                >
                  <option value="">+ Main-d’œuvre…</option>
                  <For each={props.settings.labourRates}>
                    {(rate) => (
                      <option value={rate.id}>
                        {rate.name} — {formatEuros(rate.hourlyRateCents)}/h
                      </option>
                    )}
                  </For>
                </select>
                <Show when={props.settings.packages.length > 0}>
                  <select
                    aria-label="Ajouter un forfait"
                    value=""
                    onChange={(event) => {
                      const pack = props.settings.packages.find(
                        (item) => item.id === event.currentTarget.value,
                      );
                      event.currentTarget.value = '';
                      if (!pack) return;
                      props.setJobs(jobIndex, 'lines', (lines) => [
                        ...lines.filter((l) => l.description || l.unitPrice),
                        ...packageToLines(pack),
                      ]);
                      if (!props.jobs[jobIndex]!.title) props.setJobs(jobIndex, 'title', pack.name);
                      props.onEdit();
                    }}
                  >
                    <option value="">+ Forfait…</option>
                    <For each={props.settings.packages}>
                      {(pack) => <option value={pack.id}>{pack.name}</option>}
                    </For>
                  </select>
                </Show>
              </div>
            </Show>
          </section>
        )}
      </Index>
      <Show when={props.isEditable}>
        <button type="button" class="btn btn-secondary add-job" onClick={addJob}>
          {props.addJobLabel ?? '+ Nouvelle prestation'}
        </button>
      </Show>
    </div>
  );
}
