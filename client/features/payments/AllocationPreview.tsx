import { For, Show } from 'solid-js';
import type { InvoiceBalance } from '../../../domain/schemas/payment';
import { formatEuros } from '../../lib/format';
import type { Allocation } from './payment-values';

/**
 * Where the payment goes, before it is taken: each invoice's part (the oldest first), and what
 * becomes the client's credit. On one invoice, what a partial payment leaves due.
 */
export function AllocationPreview(props: {
  invoices: readonly InvoiceBalance[];
  plan: { allocations: Allocation[]; creditCents: number };
}) {
  const numberOf = (id: string) =>
    props.invoices.find((invoice) => invoice.invoiceId === id)?.number ?? 'Facture';
  const isPlain = () => props.invoices.length === 1 && props.plan.creditCents === 0;
  const leftCents = () =>
    props.invoices.reduce((sum, invoice) => sum + invoice.balanceCents, 0) -
    props.plan.allocations.reduce((sum, line) => sum + line.amountCents, 0);
  return (
    <Show
      when={!isPlain()}
      fallback={
        <Show when={leftCents() > 0}>
          <p class="muted" data-testid="payment-left">
            Il restera {formatEuros(leftCents())} dû sur la facture.
          </p>
        </Show>
      }
    >
      <div class="payment-allocation" aria-live="polite">
        <Show when={props.plan.allocations.length > 0}>
          <p class="payment-allocation-title">Affectation, la plus ancienne facture d’abord :</p>
          <ul>
            <For each={props.plan.allocations}>
              {(line) => (
                <li>
                  {numberOf(line.invoiceId)} : <strong>{formatEuros(line.amountCents)}</strong>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.plan.creditCents > 0}>
          <p class="alert alert-info" data-testid="payment-credit">
            {formatEuros(props.plan.creditCents)}{' '}
            {props.invoices.length > 0
              ? 'au-delà de ce qui est dû iront au crédit du client.'
              : 'iront au crédit du client (aucune facture cochée).'}
          </p>
        </Show>
      </div>
    </Show>
  );
}
