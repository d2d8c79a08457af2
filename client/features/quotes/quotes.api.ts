import { query } from '@solidjs/router';
import type {
  Quote,
  QuoteStatus,
  QuoteSummary,
  QuoteTransition,
} from '../../../domain/schemas/quote';
import { get, patch, post, toQuery } from '../../lib/api';
import type { ApiLine } from './quote-draft';

export type QuotePage = { items: QuoteSummary[]; nextCursor: string | null };

export const getQuotesPage = query(
  (
    filters: { q?: string; status?: QuoteStatus; clientId?: string; vehicleId?: string },
    cursor?: string,
  ) => get<QuotePage>(`/quotes${toQuery({ ...filters, cursor, limit: 50 })}`),
  'quotes',
);

export const getQuote = query((id: string) => get<Quote>(`/quotes/${id}`), 'quote');
export const getQuoteRevision = query(
  (id: string, revision: number) => get<Quote>(`/quotes/${id}/revisions/${revision}`),
  'quote-revision',
);

export type QuoteEdit = {
  version: number;
  jobs?: Array<{ id?: string; title: string; lines: ApiLine[] }>;
  vehicleId?: string | null;
  mileageKm?: number | null;
  validUntil?: string;
  notes?: string | null;
};

export const createQuote = (input: {
  clientId: string;
  vehicleId?: string | null;
  jobs?: unknown[];
}) => post<Quote>('/quotes', { jobs: [], ...input });
export const updateQuote = (id: string, edit: QuoteEdit) => patch<Quote>(`/quotes/${id}`, edit);
export const transitionQuote = (id: string, transition: QuoteTransition) =>
  post<Quote>(`/quotes/${id}/transition`, transition);
export const duplicateQuote = (id: string) => post<Quote>(`/quotes/${id}/duplicate`);
export const keepDeclinedWork = (id: string) => post<Quote>(`/quotes/${id}/declined-work`);
