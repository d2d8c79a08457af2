import { createSignal, For, Index, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import { formatCentsForInput, parseEurosToCents } from '../../../domain/money';
import { QUOTE_LINE_KINDS } from '../../../domain/quote/totals';
import { VAT_RATES_BP } from '../../../domain/quote/vat';
import type { Invoice, InvoiceLine } from '../../../domain/schemas/invoice';
import { PART_CONDITION_LABELS, PART_CONDITIONS } from '../../../domain/schemas/repair-order';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { InvoiceTotalsList } from './InvoiceTotalsList';
import { formatQuantity, formatRate } from './invoice-labels';
import { formatPercent, type InvoiceFormValues, parsePercentToBp } from './invoice-values';

const KIND_LABELS = { labour: 'Main-d’œuvre', part: 'Pièce', fee: 'Frais' } as const;
const DEFAULT_UNITS = { labour: 'h', part: 'pièce', fee: 'forfait' } as const;

/** "1,5" → 1.5; null for anything else than a positive number of at most 3 decimals. */
function parseQuantity(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value > 0 ? value : null;
}

/** A number typed in a cell: kept in the line when it reads, flagged invalid when it does not. */
function NumberCell(props: {
  label: string;
  shown: string;
  parse: (text: string) => number | null;
  onValue: (value: number) => void;
}) {
  const [isInvalid, setInvalid] = createSignal(false);
  return (
    <input
      class="input input-small"
      inputMode="decimal"
      aria-label={props.label}
      aria-invalid={isInvalid()}
      value={props.shown}
      onChange={(event) => {
        const value = props.parse(event.currentTarget.value);
        setInvalid(value === null);
        if (value !== null) props.onValue(value);
      }}
    />
  );
}

/** A draft's lines, edited in place, with the live totals (the invoice's arithmetic). */
export function InvoiceLineEditor(props: {
  invoice: Invoice;
  values: InvoiceFormValues;
  setValues: SetStoreFunction<InvoiceFormValues>;
}) {
  const nets = () =>
    computeInvoiceTotals({
      lines: props.values.lines,
      vatExempt: props.invoice.seller.vatExempt,
      deductedDeposits: [],
    }).lines;
  const defaultRate = () =>
    props.invoice.seller.vatExempt ? 0 : (props.values.lines[0]?.vatRateBp ?? 2000);

  function addLine(kind: InvoiceLine['kind']) {
    props.setValues('lines', props.values.lines.length, {
      kind,
      description: KIND_LABELS[kind],
      reference: null,
      quantity: 1,
      unit: DEFAULT_UNITS[kind],
      unitPriceCents: 0,
      vatRateBp: defaultRate(),
      discountBp: 0,
      partCondition: null,
    });
  }

  return (
    <section class="card invoice-lines" aria-label="Lignes">
      <table class="table invoice-line-editor">
        <thead>
          <tr>
            <th scope="col">Désignation</th>
            <th scope="col" class="num">
              Qté
            </th>
            <th scope="col" class="num">
              PU HT
            </th>
            <th scope="col" class="num">
              Remise %
            </th>
            <th scope="col" class="num">
              TVA
            </th>
            <th scope="col" class="num">
              Total HT
            </th>
            <th scope="col">
              <span class="visually-hidden">Retirer</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <Index each={props.values.lines}>
            {(line, index) => (
              <tr>
                <td>
                  <input
                    class="input invoice-description"
                    aria-label={`Désignation de la ligne ${index + 1}`}
                    value={line().description}
                    onChange={(event) =>
                      props.setValues('lines', index, 'description', event.currentTarget.value)
                    }
                  />
                  <Show when={line().kind === 'part'}>
                    <select
                      class="input input-small invoice-condition"
                      aria-label={`État de la pièce : ${line().description}`}
                      value={line().partCondition ?? ''}
                      onChange={(event) =>
                        props.setValues(
                          'lines',
                          index,
                          'partCondition',
                          PART_CONDITIONS.find((value) => value === event.currentTarget.value) ??
                            null,
                        )
                      }
                    >
                      <option value="">État à préciser</option>
                      <For each={PART_CONDITIONS}>
                        {(condition) => (
                          <option value={condition} selected={line().partCondition === condition}>
                            {PART_CONDITION_LABELS[condition]}
                          </option>
                        )}
                      </For>
                    </select>
                  </Show>
                </td>
                <td class="num nowrap">
                  <NumberCell
                    label={`Quantité de la ligne ${index + 1}`}
                    shown={formatQuantity(line().quantity)}
                    parse={parseQuantity}
                    onValue={(value) => props.setValues('lines', index, 'quantity', value)}
                  />{' '}
                  {line().unit}
                </td>
                <td class="num">
                  <NumberCell
                    label={`Prix unitaire HT de la ligne ${index + 1}`}
                    shown={formatCentsForInput(line().unitPriceCents)}
                    parse={(text) => {
                      const parsed = parseEurosToCents(text);
                      return parsed.ok && parsed.cents >= 0 ? parsed.cents : null;
                    }}
                    onValue={(value) => props.setValues('lines', index, 'unitPriceCents', value)}
                  />
                </td>
                <td class="num">
                  <NumberCell
                    label={`Remise en % de la ligne ${index + 1}`}
                    shown={line().discountBp ? formatPercent(line().discountBp) : ''}
                    parse={(text) => {
                      if (!text.trim()) return 0;
                      const bp = parsePercentToBp(text);
                      return bp !== null && bp < 10_000 ? bp : null;
                    }}
                    onValue={(value) => props.setValues('lines', index, 'discountBp', value)}
                  />
                </td>
                <td class="num">
                  <select
                    class="input input-small"
                    aria-label={`TVA de la ligne ${index + 1}`}
                    value={line().vatRateBp}
                    disabled={props.invoice.seller.vatExempt}
                    onChange={(event) =>
                      props.setValues(
                        'lines',
                        index,
                        'vatRateBp',
                        VAT_RATES_BP.find((rate) => String(rate) === event.currentTarget.value) ??
                          line().vatRateBp,
                      )
                    }
                  >
                    <For each={VAT_RATES_BP}>
                      {(rate) => (
                        <option value={rate} selected={line().vatRateBp === rate}>
                          {formatRate(rate)}
                        </option>
                      )}
                    </For>
                  </select>
                </td>
                <td class="num">{formatEuros(nets()[index]?.netCents ?? 0)}</td>
                <td>
                  <Button
                    variant="ghost"
                    aria-label={`Retirer la ligne ${index + 1}`}
                    onClick={() =>
                      props.setValues('lines', (lines) => lines.filter((_, at) => at !== index))
                    }
                  >
                    ✕
                  </Button>
                </td>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
      <div class="invoice-add-line">
        <For each={QUOTE_LINE_KINDS}>
          {(kind) => <Button onClick={() => addLine(kind)}>+ {KIND_LABELS[kind]}</Button>}
        </For>
      </div>
      <InvoiceTotalsList invoice={props.invoice} lines={props.values.lines} />
    </section>
  );
}
