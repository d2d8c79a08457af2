import { type QuoteSummary, summarizeQuote } from '../../../domain/schemas/quote';
import { createLiveList, type Page } from '../../lib/live-list';
import { getQuotesPage, type QuoteFilters } from './quotes.api';

/** The server's order: newest first (created at, then id). */
function compareQuotes(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** A live page of quotes (the quotes screen, a client's or a vehicle's quotes). */
export function createQuoteList(
  filters: () => QuoteFilters,
  firstPage: () => Page<QuoteSummary> | undefined,
) {
  return createLiveList({
    entity: 'quote',
    firstPage,
    fetchPage: (cursor) => (cursor ? getQuotesPage(filters(), cursor) : getQuotesPage(filters())),
    compare: compareQuotes,
    place: (change) => {
      const item = summarizeQuote(change.data);
      const { status, clientId, vehicleId, q } = filters();
      const isListed =
        (!status || item.status === status) &&
        (!clientId || item.clientId === clientId) &&
        (!vehicleId || item.vehicleId === vehicleId) &&
        !item.archivedAt;
      return { item, isListed: !isListed ? false : q ? 'unknown' : true };
    },
  });
}
