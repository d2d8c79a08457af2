import { For, Show } from 'solid-js';
import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import type { Invoice, InvoiceLine } from '../../../domain/schemas/invoice';
import {
  PART_CONDITION_LABELS,
  PART_CONDITIONS,
  type PartCondition,
} from '../../../domain/schemas/repair-order';
import { formatEuros } from '../../lib/format';

function formatQuantity(quantity: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }).format(quantity);
}

function formatRate(bp: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(bp / 100)} %`;
}

/** A part's condition, chosen in a draft (arrêté du 27 mars 1987). */
function ConditionSelect(props: {
  line: InvoiceLine;
  onPick: (condition: PartCondition | null) => void;
}) {
  return (
    <select
      class="input input-small invoice-condition"
      aria-label={`État de la pièce : ${props.line.description}`}
      value={props.line.partCondition ?? ''}
      onChange={(event) =>
        props.onPick(PART_CONDITIONS.find((value) => value === event.currentTarget.value) ?? null)
      }
    >
      <option value="">État à préciser</option>
      <For each={PART_CONDITIONS}>
        {(condition) => <option value={condition}>{PART_CONDITION_LABELS[condition]}</option>}
      </For>
    </select>
  );
}

/**
 * The lines as the PDF prints them, with the totals (the XML's arithmetic); in a draft
 * (`onCondition`), each part's condition is picked here.
 */
export function InvoiceLines(props: {
  invoice: Invoice;
  lines: InvoiceLine[];
  onCondition?: (index: number, condition: PartCondition | null) => void;
}) {
  const totals = () =>
    computeInvoiceTotals({
      lines: props.lines,
      vatExempt: props.invoice.seller.vatExempt,
      deductedDeposits: props.invoice.deductedDeposits,
    });
  return (
    <section class="card invoice-lines" aria-label="Lignes">
      <table class="table">
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
              Remise
            </th>
            <th scope="col" class="num">
              TVA
            </th>
            <th scope="col" class="num">
              Total HT
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.lines}>
            {(line, index) => (
              <tr>
                <td>
                  {line.description}
                  <Show when={line.reference}>
                    <span class="muted"> · {line.reference}</span>
                  </Show>
                  <Show
                    when={line.kind === 'part' && props.onCondition}
                    fallback={
                      <Show when={line.partCondition}>
                        {(condition) => (
                          <span class="muted"> · {PART_CONDITION_LABELS[condition()]}</span>
                        )}
                      </Show>
                    }
                  >
                    {(pick) => (
                      <>
                        {' '}
                        <ConditionSelect
                          line={line}
                          onPick={(condition) => pick()(index(), condition)}
                        />
                      </>
                    )}
                  </Show>
                </td>
                <td class="num">
                  {formatQuantity(line.quantity)} {line.unit}
                </td>
                <td class="num">{formatEuros(line.unitPriceCents)}</td>
                <td class="num">{line.discountBp ? formatRate(line.discountBp) : '—'}</td>
                <td class="num">{formatRate(line.vatRateBp)}</td>
                <td class="num">{formatEuros(totals().lines[index()]?.netCents ?? 0)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <dl class="invoice-totals">
        <dt>Total HT</dt>
        <dd>{formatEuros(totals().taxBasisTotalCents)}</dd>
        <For each={totals().vatBreakdown}>
          {(group) => (
            <>
              <dt>TVA {formatRate(group.vatRateBp)}</dt>
              <dd>{formatEuros(group.vatCents)}</dd>
            </>
          )}
        </For>
        <dt>Total TTC</dt>
        <dd data-testid="invoice-total">{formatEuros(totals().grandTotalCents)}</dd>
        <Show when={totals().prepaidCents > 0}>
          <dt>Acomptes déduits</dt>
          <dd>− {formatEuros(totals().prepaidCents)}</dd>
          <dt>Net à payer</dt>
          <dd>{formatEuros(totals().duePayableCents)}</dd>
        </Show>
      </dl>
    </section>
  );
}
