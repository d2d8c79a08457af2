import { For, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import { QUOTE_LINE_KINDS, QUOTE_UNITS } from '../../../domain/quote/totals';
import { isVatRateBp, VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import { type Column, type GridMoves, onCellKey } from './grid-keys';
import type { DraftLine } from './quote-draft';

const KIND_LABELS = { labour: 'Main-d’œuvre', part: 'Pièce', fee: 'Frais' } as const;

function isLineKind(value: string): value is DraftLine['kind'] {
  return QUOTE_LINE_KINDS.some((kind) => kind === value);
}

function isUnit(value: string): value is DraftLine['unit'] {
  return QUOTE_UNITS.some((unit) => unit === value);
}

/** One line of a job: its cells, typed as text (French decimals), its total, its delete button. */
export function LineRow(props: {
  line: DraftLine;
  jobIndex: number;
  lineIndex: number;
  totalCents: number;
  isEditable: boolean;
  /** Cell errors by field (`quantity`, `unitPrice`…). */
  errorOf: (field: string) => string | undefined;
  onChange: (changes: Partial<DraftLine>) => void;
  moves: GridMoves;
}) {
  const cell = (column: Column) => ({
    'data-job': props.jobIndex,
    'data-line': props.lineIndex,
    'data-col': column,
    disabled: !props.isEditable,
    onKeyDown: (event: KeyboardEvent) =>
      onCellKey(
        event,
        { jobIndex: props.jobIndex, lineIndex: props.lineIndex, column },
        props.moves,
      ),
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
      class={`num ${props.errorOf(field) ? 'cell-invalid' : ''}`}
      title={props.errorOf(field)}
      value={props.line[field]}
      placeholder={placeholder}
      onInput={(event) => props.onChange({ [field]: event.currentTarget.value })}
    />
  );
  return (
    <tr class={props.line.kind === 'labour' ? 'line-labour' : ''} data-line-key={props.line.key}>
      <td>
        <select
          {...cell('kind')}
          aria-label="Type de ligne"
          onChange={(event) => {
            const kind = event.currentTarget.value;
            if (isLineKind(kind)) props.onChange({ kind });
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
      <td>
        <input
          {...cell('description')}
          aria-label="Description"
          class={props.errorOf('description') ? 'cell-invalid' : ''}
          title={props.errorOf('description')}
          value={props.line.description}
          onInput={(event) => props.onChange({ description: event.currentTarget.value })}
        />
      </td>
      <td>
        <input
          {...cell('reference')}
          aria-label="Référence"
          value={props.line.reference}
          onInput={(event) => props.onChange({ reference: event.currentTarget.value })}
        />
      </td>
      <td>{decimalInput('quantity', 'Quantité')}</td>
      <td>
        <select
          {...cell('unit')}
          aria-label="Unité"
          onChange={(event) => {
            const unit = event.currentTarget.value;
            if (isUnit(unit)) props.onChange({ unit });
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
      <td>{decimalInput('unitPrice', 'Prix unitaire HT', '0,00')}</td>
      <td>{decimalInput('discount', 'Remise en %')}</td>
      <td>
        <select
          {...cell('vat')}
          aria-label="Taux de TVA"
          onChange={(event) => {
            const rate = Number(event.currentTarget.value);
            if (isVatRateBp(rate)) props.onChange({ vatRateBp: rate });
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
      <td class="num line-total" data-testid="line-total">
        {formatEuros(props.totalCents)}
      </td>
      <td>
        <Show when={props.isEditable}>
          <button
            type="button"
            class="btn btn-ghost btn-icon"
            aria-label={`Supprimer la ligne ${props.lineIndex + 1}`}
            title="Supprimer la ligne (Ctrl+Suppr)"
            onClick={() => props.moves.removeLine(props.lineIndex)}
          >
            ✕
          </button>
        </Show>
      </td>
    </tr>
  );
}
