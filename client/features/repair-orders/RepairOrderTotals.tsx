import { For, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import { formatVatRate, VAT_EXEMPTION_MENTION } from '../../../domain/quote/vat';
import type { RepairOrder } from '../../../domain/schemas/repair-order';

/** The authorised work's totals, as the server computed them (the OR is never edited in cents). */
export function RepairOrderTotals(props: { order: RepairOrder }) {
  const totals = () => props.order.totals;
  return (
    <section class="ro-totals card" aria-label="Totaux des travaux autorisés">
      <dl>
        <dt>Total HT</dt>
        <dd data-testid="ro-total-excl">{formatEuros(totals().exclVatCents)}</dd>
        <Show
          when={!props.order.vatExempt}
          fallback={
            <>
              <dt class="ro-totals-exempt" />
              <dd class="ro-totals-exempt">{VAT_EXEMPTION_MENTION}</dd>
            </>
          }
        >
          <For each={totals().byRate.filter((rate) => rate.baseCents !== 0)}>
            {(rate) => (
              <>
                <dt>
                  TVA {formatVatRate(rate.vatRateBp)}{' '}
                  <span class="muted">sur {formatEuros(rate.baseCents)}</span>
                </dt>
                <dd>{formatEuros(rate.vatCents)}</dd>
              </>
            )}
          </For>
        </Show>
        <dt class="ro-grand">Total TTC</dt>
        <dd class="ro-grand" data-testid="ro-total-incl">
          {formatEuros(totals().inclVatCents)}
        </dd>
      </dl>
      <p class="muted ro-totals-note">Travaux commandés et suppléments acceptés.</p>
    </section>
  );
}
