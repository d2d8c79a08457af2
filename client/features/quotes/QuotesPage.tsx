import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import {
  QUOTE_STATUS_LABELS,
  QUOTE_STATUSES,
  type QuoteStatus,
} from '../../../domain/schemas/quote';
import { formatCalendarDate, formatDate, initials } from '../../lib/format';
import { useLive } from '../../lib/live';
import { Button } from '../../ui/Button';
import { Badge, EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { SearchBox } from '../../ui/SearchBox';
import { NewQuoteDialog } from './NewQuoteDialog';
import { QuoteAmount } from './QuoteAmount';
import { STATUS_TONES } from './QuoteList';
import { createQuoteList } from './quote-list';
import { getQuotesPage, type QuoteFilters } from './quotes.api';
import './quotes.css';

export default function QuotesPage() {
  const navigate = useNavigate();
  const live = useLive();
  const [params, setParams] = useSearchParams<{ q?: string; status?: QuoteStatus }>();
  const [isCreating, setCreating] = createSignal(false);
  const filters = (): QuoteFilters => ({ q: params.q, status: params.status });
  const firstPage = createAsync(() => getQuotesPage(filters()));
  const quotes = createQuoteList(filters, firstPage);

  /** Who has each quote open right now. */
  const viewers = (id: string) =>
    live
      .presence()
      .filter((entry) => entry.views.some((view) => view.entity === 'quote' && view.id === id))
      .map((entry) => ({
        name: entry.name,
        editing: entry.views.some((view) => view.id === id && view.editing),
      }));

  return (
    <div class="page">
      <header class="page-header">
        <h1>Devis</h1>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Nouveau devis
        </Button>
      </header>
      <div class="toolbar">
        <SearchBox
          label="Rechercher un devis"
          placeholder="Numéro, client, immatriculation, prestation…"
          query={params.q}
          onSearch={(q) => setParams({ q }, { replace: true })}
        />
        <fieldset class="status-filter" aria-label="Filtrer par statut">
          <button
            type="button"
            class={`btn ${!params.status ? 'active' : ''}`}
            onClick={() => setParams({ status: undefined })}
          >
            Tous
          </button>
          <For each={QUOTE_STATUSES}>
            {(status) => (
              <button
                type="button"
                class={`btn ${params.status === status ? 'active' : ''}`}
                aria-pressed={params.status === status}
                onClick={() => setParams({ status })}
              >
                {QUOTE_STATUS_LABELS[status]}
              </button>
            )}
          </For>
        </fieldset>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des devis…" />}>
          <Show
            when={quotes.items().length > 0}
            fallback={<EmptyState title="Aucun devis ne correspond." />}
          >
            <table class="table clients-table">
              <thead>
                <tr>
                  <th scope="col">Numéro</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Client</th>
                  <th scope="col">Véhicule</th>
                  <th scope="col" class="num">
                    Total TTC
                  </th>
                  <th scope="col" class="hide-narrow">
                    Créé le
                  </th>
                  <th scope="col">Valable jusqu’au</th>
                </tr>
              </thead>
              <tbody>
                <For each={quotes.items()}>
                  {(quote) => (
                    <tr onClick={() => navigate(`/quotes/${quote.id}`)}>
                      <td class="nowrap">
                        <A href={`/quotes/${quote.id}`}>{quote.number ?? 'Brouillon'}</A>
                        <Show when={quote.revision > 1}>
                          <span class="muted"> v{quote.revision}</span>
                        </Show>
                        <span class="viewing">
                          <For each={viewers(quote.id)}>
                            {(viewer) => (
                              <span
                                class="avatar"
                                title={`${viewer.name} ${viewer.editing ? 'modifie' : 'consulte'} ce devis`}
                              >
                                {initials(viewer.name)}
                              </span>
                            )}
                          </For>
                        </span>
                      </td>
                      <td>
                        <Badge tone={STATUS_TONES[quote.status]}>
                          {QUOTE_STATUS_LABELS[quote.status]}
                        </Badge>
                      </td>
                      <td>{quote.clientName}</td>
                      <td class="nowrap">{quote.vehiclePlate ?? '—'}</td>
                      <td class="num">
                        <QuoteAmount quote={quote} />
                      </td>
                      <td class="hide-narrow">{formatDate(quote.createdAt)}</td>
                      <td>{formatCalendarDate(quote.validUntil)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={quotes.loadMoreError()}>
              <div class="alert alert-error">{quotes.loadMoreError()}</div>
            </Show>
            <Show when={quotes.hasMore()}>
              <div class="load-more">
                <Button onClick={() => void quotes.loadMore()} isLoading={quotes.isLoadingMore()}>
                  Charger plus
                </Button>
              </div>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
      <NewQuoteDialog open={isCreating()} onClose={() => setCreating(false)} />
    </div>
  );
}
