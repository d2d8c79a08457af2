import { Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import type { QuoteSummary } from '../../../domain/schemas/quote';

/** A list row's amount: the total, and for a partial agreement what was accepted. */
export function QuoteAmount(props: { quote: QuoteSummary }) {
  return (
    <>
      {formatEuros(props.quote.totals.inclVatCents)} TTC
      <Show
        when={
          props.quote.status === 'partially_accepted' && props.quote.acceptedExclVatCents !== null
        }
      >
        <span class="quote-accepted" data-testid="row-accepted">
          accepté : {formatEuros(props.quote.acceptedExclVatCents ?? 0)} HT
        </span>
      </Show>
    </>
  );
}
