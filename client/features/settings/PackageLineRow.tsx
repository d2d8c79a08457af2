import { For, Show } from 'solid-js';
import { QUOTE_LINE_KINDS, QUOTE_UNITS } from '../../../domain/quote/totals';
import { isVatRateBp, VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import { Button } from '../../ui/Button';
import type { PackageLineValues } from './settings-values';

const KIND_LABELS = { labour: 'Main-d’œuvre', part: 'Pièce', fee: 'Frais' } as const;
type TextCell = 'description' | 'reference' | 'quantity' | 'unitPrice' | 'discount';

/** The API's name of each typed cell, for its error path. */
const API_CELLS: Record<TextCell, string> = {
  description: 'description',
  reference: 'reference',
  quantity: 'quantity',
  unitPrice: 'unitPriceCents',
  discount: 'discountBp',
};

/**
 * One line of a package, the cells of a quote line. Entrée in a cell goes to the next line (a new
 * one at the end) instead of saving the whole form.
 */
export function PackageLineRow(props: {
  line: PackageLineValues;
  /** `package-<id>-line-<n>`: the cells' ids start with it. */
  idPrefix: string;
  /** `packages.<p>.lines.<n>`: the cells' error paths start with it. */
  errorPath: string;
  errors: Record<string, string>;
  isEditable: boolean;
  onChange: <K extends keyof PackageLineValues>(field: K, value: PackageLineValues[K]) => void;
  onEnter: () => void;
  onRemove: () => void;
}) {
  const error = (cell: TextCell) => props.errors[`${props.errorPath}.${API_CELLS[cell]}`];
  const cell = (name: TextCell, label: string, inputMode?: 'decimal') => (
    <td>
      <input
        id={`${props.idPrefix}-${name}`}
        aria-label={label}
        inputMode={inputMode}
        aria-invalid={error(name) ? 'true' : undefined}
        title={error(name)}
        classList={{ 'cell-invalid': Boolean(error(name)) }}
        value={props.line[name]}
        disabled={!props.isEditable}
        onInput={(event) => props.onChange(name, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          props.onEnter();
        }}
      />
    </td>
  );

  return (
    <tr>
      <td>
        <select
          aria-label="Type de ligne"
          disabled={!props.isEditable}
          onChange={(event) => {
            const value = event.currentTarget.value;
            const kind = QUOTE_LINE_KINDS.find((known) => known === value);
            if (kind) props.onChange('kind', kind);
          }}
        >
          <For each={QUOTE_LINE_KINDS}>
            {(kind) => (
              <option value={kind} selected={kind === props.line.kind}>
                {KIND_LABELS[kind]}
              </option>
            )}
          </For>
        </select>
      </td>
      {cell('description', 'Description')}
      {cell('reference', 'Référence')}
      {cell('quantity', 'Quantité', 'decimal')}
      <td>
        <select
          aria-label="Unité"
          disabled={!props.isEditable}
          onChange={(event) => {
            const value = event.currentTarget.value;
            const unit = QUOTE_UNITS.find((known) => known === value);
            if (unit) props.onChange('unit', unit);
          }}
        >
          <For each={QUOTE_UNITS}>
            {(unit) => (
              <option value={unit} selected={unit === props.line.unit}>
                {unit}
              </option>
            )}
          </For>
        </select>
      </td>
      {cell('unitPrice', 'Prix unitaire HT', 'decimal')}
      {cell('discount', 'Remise (%)', 'decimal')}
      <td>
        <select
          aria-label="TVA de la ligne"
          disabled={!props.isEditable}
          onChange={(event) => {
            const vat = Number(event.currentTarget.value);
            if (isVatRateBp(vat)) props.onChange('vatRateBp', vat);
          }}
        >
          <For each={VAT_RATE_OPTIONS}>
            {(option) => (
              <option value={option.value} selected={option.value === props.line.vatRateBp}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      </td>
      <td>
        <Show when={props.isEditable}>
          <Button
            variant="ghost"
            class="btn-remove"
            aria-label="Retirer la ligne"
            onClick={props.onRemove}
          >
            ×
          </Button>
        </Show>
      </td>
    </tr>
  );
}
