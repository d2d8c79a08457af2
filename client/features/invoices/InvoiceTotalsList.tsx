import { For, Show } from 'solid-js';
import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import type { Invoice, InvoiceLine } from '../../../domain/schemas/invoice';
import { formatEuros } from '../../lib/format';
import { formatRate } from './invoice-labels';

/** Totals, VAT per rate, deposits and the net to pay: the PDF's and the XML's arithmetic. */
export function InvoiceTotalsList(props: { invoice: Invoice; lines: InvoiceLine[] }) {
  const totals = () =>
    computeInvoiceTotals({
      lines: props.lines,
      vatExempt: props.invoice.seller.vatExempt,
      deductedDeposits: props.invoice.deductedDeposits,
    });
  return (
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
  );
}
