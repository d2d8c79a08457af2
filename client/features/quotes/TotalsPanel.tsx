import { For, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import type { QuoteTotals } from '../../../domain/quote/totals';
import { formatVatRate, VAT_EXEMPTION_MENTION } from '../../../domain/quote/vat';

/** Excl. VAT, VAT per rate, incl. VAT: recomputed on every keystroke, to the server's cent. */
export function TotalsPanel(props: { totals: QuoteTotals; vatExempt: boolean }) {
  return (
    <section class="totals card" aria-label="Totaux du devis">
      <dl>
        <dt>Total HT</dt>
        <dd data-testid="total-excl">{formatEuros(props.totals.exclVatCents)}</dd>
        <Show
          when={!props.vatExempt}
          fallback={
            <>
              <dt class="totals-note" />
              <dd class="totals-note">{VAT_EXEMPTION_MENTION}</dd>
            </>
          }
        >
          <For
            each={props.totals.byRate.filter((rate) => rate.baseCents !== 0 || rate.vatCents !== 0)}
          >
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
        <dt class="grand">Total TTC</dt>
        <dd class="grand" data-testid="total-incl">
          {formatEuros(props.totals.inclVatCents)}
        </dd>
      </dl>
    </section>
  );
}
