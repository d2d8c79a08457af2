import { Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import type { Quote } from '../../../domain/schemas/quote';

/** What the client agreed to: for a partial acceptance, the amount of the accepted lines only. */
export function AcceptedAmount(props: {
  accepted: NonNullable<Quote['acceptedTotals']>;
  isPartial: boolean;
  vatExempt: boolean;
}) {
  return (
    <section class="totals card accepted-amount" aria-label="Montant accepté">
      <h2>{props.isPartial ? 'Accepté en partie' : 'Accepté'}</h2>
      <dl>
        <dt>Montant accepté HT</dt>
        <dd data-testid="accepted-excl">{formatEuros(props.accepted.exclVatCents)}</dd>
        <Show when={!props.vatExempt}>
          <dt>TVA</dt>
          <dd>{formatEuros(props.accepted.vatCents)}</dd>
        </Show>
        <dt class="grand">{props.vatExempt ? 'Net à payer accepté' : 'Montant accepté TTC'}</dt>
        <dd class="grand" data-testid="accepted-incl">
          {formatEuros(props.accepted.inclVatCents)}
        </dd>
      </dl>
    </section>
  );
}
