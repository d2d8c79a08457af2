import { A, createAsync, revalidate } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import { QUOTE_STATUS_LABELS } from '../../../domain/schemas/quote';
import { formatDate } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { Badge, Spinner } from '../../ui/Feedback';
import { getQuotesPage } from './quotes.api';

export const STATUS_TONES = {
  draft: 'neutral',
  sent: 'info',
  accepted: 'success',
  partially_accepted: 'success',
  refused: 'danger',
  expired: 'warning',
} as const;

/** A client's or a vehicle's quotes, newest first, live. */
export function QuoteList(props: {
  filters: { clientId?: string; vehicleId?: string };
  empty: string;
}) {
  const page = createAsync(() => getQuotesPage(props.filters));
  useChanges((change) => {
    if (change.entity === 'quote') void revalidate(getQuotesPage.key);
  });
  return (
    <Suspense fallback={<Spinner />}>
      <Show when={(page()?.items.length ?? 0) > 0} fallback={<p class="muted">{props.empty}</p>}>
        <table class="table">
          <tbody>
            <For each={page()?.items}>
              {(quote) => (
                <tr>
                  <td>
                    <A href={`/quotes/${quote.id}`}>{quote.number ?? 'Brouillon'}</A>
                  </td>
                  <td>
                    <Badge tone={STATUS_TONES[quote.status]}>
                      {QUOTE_STATUS_LABELS[quote.status]}
                    </Badge>
                  </td>
                  <td>{quote.vehiclePlate ?? '—'}</td>
                  <td class="num">{formatEuros(quote.totals.inclVatCents)} TTC</td>
                  <td>{formatDate(quote.createdAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </Suspense>
  );
}
