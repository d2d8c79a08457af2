import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { formatEuros, formatQuantity } from '../../../domain/money';
import {
  PART_CONDITION_LABELS,
  PART_CONDITIONS,
  PIEC_CATEGORY_LABELS,
  PIEC_CHOICE_LABELS,
  PIEC_CHOICES,
  type RepairOrderLine,
} from '../../../domain/schemas/repair-order';
import type { RepairOrderForm } from './repair-order-form';

/**
 * One line of the work: a part's condition and, for a PIEC category, the customer's answer,
 * chosen in the form until the check-in is signed; read-only after.
 */
export function WorkLineRow(props: {
  line: RepairOrderLine;
  form: RepairOrderForm;
  setForm: SetStoreFunction<RepairOrderForm>;
  isEditable: boolean;
  /** The server said this PIEC answer is missing. */
  isMissing: boolean;
  /** Before the check-in is signed, and with the form saved. */
  onRemove?: (() => void) | undefined;
}) {
  return (
    <tr class={props.isMissing ? 'ro-line-missing' : ''} data-line={props.line.id}>
      <td>
        {props.line.description}
        <Show when={props.line.reference}>
          <span class="muted"> · {props.line.reference}</span>
        </Show>
      </td>
      <td class="num">
        {formatQuantity(props.line.quantity)} {props.line.unit}
      </td>
      <td class="num">{formatEuros(props.line.unitPriceCents)}</td>
      <td>
        <Show when={props.line.kind === 'part'}>
          <div class="ro-part">
            <Show
              when={props.isEditable}
              fallback={
                <span>
                  {props.line.partCondition ? PART_CONDITION_LABELS[props.line.partCondition] : '—'}
                  <Show when={props.line.piecChoice}>
                    {' · '}
                    {PIEC_CHOICE_LABELS[props.line.piecChoice!]}
                  </Show>
                </span>
              }
            >
              <select
                class="input"
                aria-label={`État de la pièce ${props.line.description}`}
                value={props.form[`condition.${props.line.id}`] ?? 'new'}
                onChange={(event) =>
                  props.setForm(`condition.${props.line.id}`, event.currentTarget.value)
                }
              >
                <For each={PART_CONDITIONS}>
                  {(condition) => (
                    <option value={condition}>{PART_CONDITION_LABELS[condition]}</option>
                  )}
                </For>
              </select>
              <Show when={props.line.piecCategory}>
                <select
                  class="input"
                  aria-label={`Choix PIEC ${props.line.description}`}
                  value={props.form[`piec.${props.line.id}`] ?? 'proposed'}
                  onChange={(event) =>
                    props.setForm(`piec.${props.line.id}`, event.currentTarget.value)
                  }
                >
                  <For each={PIEC_CHOICES}>
                    {(choice) => <option value={choice}>{PIEC_CHOICE_LABELS[choice]}</option>}
                  </For>
                </select>
              </Show>
            </Show>
            <Show when={props.line.piecCategory}>
              <span class="muted ro-piec-category">
                {PIEC_CATEGORY_LABELS[props.line.piecCategory!]}
              </span>
            </Show>
          </div>
        </Show>
      </td>
      <td class="num">
        {formatEuros(props.line.totalExclVatCents)}
        <Show when={props.onRemove}>
          <button
            type="button"
            class="btn btn-ghost btn-small"
            aria-label={`Retirer la ligne ${props.line.description}`}
            onClick={() => props.onRemove?.()}
          >
            ×
          </button>
        </Show>
      </td>
    </tr>
  );
}
