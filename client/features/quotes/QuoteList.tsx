import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { QUOTE_STATUS_LABELS } from '../../../domain/schemas/quote';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge, Spinner } from '../../ui/Feedback';
import { QuoteAmount } from './QuoteAmount';
import { createQuoteList } from './quote-list';
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
  const firstPage = createAsync(() => getQuotesPage(props.filters));
  const quotes = createQuoteList(() => props.filters, firstPage);
  return (
    <Suspense fallback={<Spinner />}>
      <Show when={quotes.items().length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <table class="table">
          <tbody>
            <For each={quotes.items()}>
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
                  <td class="num">
                    <QuoteAmount quote={quote} />
                  </td>
                  <td>{formatDate(quote.createdAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={quotes.hasMore()}>
          <Button onClick={() => void quotes.loadMore()} isLoading={quotes.isLoadingMore()}>
            Charger plus
          </Button>
        </Show>
      </Show>
    </Suspense>
  );
}
