import { For, Show } from 'solid-js';
import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import type { Invoice, InvoiceLine } from '../../../domain/schemas/invoice';
import { PART_CONDITION_LABELS } from '../../../domain/schemas/repair-order';
import { formatEuros } from '../../lib/format';
import { InvoiceTotalsList } from './InvoiceTotalsList';
import { formatQuantity, formatRate } from './invoice-labels';

/** An issued invoice's (or a credit note's) lines as the PDF prints them, with the totals. */
export function InvoiceLines(props: { invoice: Invoice; lines: InvoiceLine[] }) {
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
                  <Show when={line.partCondition}>
                    {(condition) => (
                      <span class="muted"> · {PART_CONDITION_LABELS[condition()]}</span>
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
      <InvoiceTotalsList invoice={props.invoice} lines={props.lines} />
    </section>
  );
}
