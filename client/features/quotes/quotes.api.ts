import type {
  QuoteCreate,
  QuoteStatus,
  QuoteTransition,
  QuoteUpdate,
} from '../../../domain/schemas/quote';
import type { QuoteEmail } from '../../../domain/schemas/quote-email';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';

export type QuoteFilters = {
  q?: string;
  status?: QuoteStatus;
  clientId?: string;
  vehicleId?: string;
};

/** The query string of a list: only the filters set. */
function toListQuery(filters: QuoteFilters, cursor?: string) {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.vehicleId ? { vehicleId: filters.vehicleId } : {}),
    ...(cursor ? { cursor } : {}),
    limit: '50',
  };
}

export const getQuotesPage = staleOnQuery(
  // A client renamed or a plate changed is shown on the quote's row.
  ['quote', 'client', 'vehicle'],
  'quotes',
  (filters: QuoteFilters, cursor?: string) =>
    call(api.quotes.$get({ query: toListQuery(filters, cursor) })),
);

export const getQuote = recordQuery('quote', 'quote', (id) =>
  call(api.quotes[':id'].$get({ param: { id } })),
);

/** A revision is frozen for good: cached as any query, never stale. */
export const getQuoteRevision = staleOnQuery([], 'quote-revision', (id: string, revision: number) =>
  call(
    api.quotes[':id'].revisions[':revision'].$get({ param: { id, revision: String(revision) } }),
  ),
);

export const createQuote = liveAction('quote-create', (input: QuoteCreate) =>
  call(api.quotes.$post({ json: input })),
);
export const updateQuote = liveAction('quote-update', (id: string, edit: QuoteUpdate) =>
  call(api.quotes[':id'].$patch({ param: { id }, json: edit })),
);
export const transitionQuote = liveAction(
  'quote-transition',
  (id: string, transition: QuoteTransition) =>
    call(api.quotes[':id'].transition.$post({ param: { id }, json: transition })),
);
export const duplicateQuote = liveAction('quote-duplicate', (id: string) =>
  call(api.quotes[':id'].duplicate.$post({ param: { id } })),
);
export const keepDeclinedWork = liveAction('quote-declined-work', (id: string) =>
  call(api.quotes[':id']['declined-work'].$post({ param: { id } })),
);

/**
 * The quote's e-mails: delivery happens on the server without a change event, so the history
 * reads them again after a send and while one is on its way (QuoteMessages).
 */
export const getQuoteMessages = staleOnQuery([], 'quote-messages', (id: string) =>
  call(api.quotes[':id'].messages.$get({ param: { id } })),
);
export const emailQuote = liveAction('quote-email', (id: string, input: QuoteEmail) =>
  call(api.quotes[':id'].email.$post({ param: { id }, json: input })),
);
