import { A, createAsync, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
} from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import type { Client } from '../../../domain/schemas/client';
import { errorMessage } from '../../lib/api';
import { formatPhone } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { type ClientPage, getClientsPage } from './clients.api';

/** Rows someone else just changed: highlighted for a few seconds, with who did it. */
function createRecentEdits() {
  const [edits, setEdits] = createSignal<Record<string, string>>({});
  return {
    byId: (id: string) => edits()[id],
    mark(id: string, name: string) {
      setEdits((current) => ({ ...current, [id]: name }));
      setTimeout(() => setEdits(({ [id]: _, ...rest }) => rest), 6000);
    },
  };
}

export default function ClientsPage() {
  const navigate = useNavigate();
  const session = useSession();
  const [params, setParams] = useSearchParams<{ q?: string; archived?: string }>();
  const [search, setSearch] = createSignal(params.q ?? '');
  const archived = () => params.archived === '1';
  const firstPage = createAsync(() => getClientsPage(params.q ?? '', archived()));
  const [morePages, setMorePages] = createSignal<ClientPage[]>([]);
  const [loadMoreError, setLoadMoreError] = createSignal<string | null>(null);
  const [isLoadingMore, setLoadingMore] = createSignal(false);
  const recentEdits = createRecentEdits();
  let searchInput!: HTMLInputElement;

  // A new search or filter starts from the first page again.
  createEffect(on([() => params.q, archived], () => setMorePages([])));

  // Typing searches after a short pause; the query lives in the URL (?q=) so it survives reloads.
  let debounce: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      search,
      (value) => {
        clearTimeout(debounce);
        debounce = setTimeout(
          () => setParams({ q: value.trim() || undefined }, { replace: true }),
          200,
        );
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(debounce));
  // Back and forward buttons change ?q= under the box: follow them.
  createEffect(
    on(
      () => params.q,
      (q) => {
        if ((q ?? '') !== search().trim()) setSearch(q ?? '');
      },
      { defer: true },
    ),
  );

  // "/" focuses the search box from anywhere on the page.
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
      event.preventDefault();
      searchInput.focus();
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  useChanges((change) => {
    if (change.entity !== 'client') return;
    // Only what someone else did flashes; your own save needs no signal.
    if (change.actor && change.actor.id !== session.user()?.id) {
      recentEdits.mark(change.id, change.actor.name);
    }
    const updated = change.data as Client;
    // Pages loaded with "Charger plus" are patched in place; the first page is fetched again.
    const isStillListed = Boolean(updated.archivedAt) === archived();
    setMorePages((pages) =>
      pages.map((page) => ({
        ...page,
        items: isStillListed
          ? page.items.map((item) => (item.id === updated.id ? updated : item))
          : page.items.filter((item) => item.id !== updated.id),
      })),
    );
    void revalidate(getClientsPage.key);
  });

  // A client created or archived meanwhile shifts the pages: never show one twice.
  const items = () => {
    const seen = new Set<string>();
    return [...(firstPage()?.items ?? []), ...morePages().flatMap((page) => page.items)].filter(
      (client) => !seen.has(client.id) && seen.add(client.id),
    );
  };
  const nextCursor = () => (morePages().at(-1) ?? firstPage())?.nextCursor ?? null;

  async function loadMore() {
    const cursor = nextCursor();
    if (!cursor) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const page = await getClientsPage(params.q ?? '', archived(), cursor);
      setMorePages((pages) => [...pages, page]);
    } catch (error) {
      setLoadMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div class="page">
      <header class="page-header">
        <h1>Clients</h1>
        <A href="/clients/new" class="btn btn-primary">
          Nouveau client
        </A>
      </header>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">Rechercher un client</span>
          <input
            ref={searchInput}
            type="search"
            placeholder="Nom, entreprise, téléphone, e-mail, ville…  ( / )"
            value={search()}
            onInput={(event) => setSearch(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && search()) {
                event.preventDefault();
                setSearch('');
              }
            }}
          />
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={archived()}
            onChange={(event) =>
              setParams({ archived: event.currentTarget.checked ? '1' : undefined })
            }
          />
          Clients archivés
        </label>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des clients…" />}>
          <Show
            when={items().length > 0}
            fallback={
              <EmptyState
                title={
                  params.q
                    ? `Aucun client ne correspond à « ${params.q} ».`
                    : 'Aucun client pour l’instant.'
                }
              >
                <A href="/clients/new">Créer un client</A>
              </EmptyState>
            }
          >
            <Table class="clients-table" label="Clients">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Téléphone</th>
                  <th scope="col" class="hide-narrow">
                    E-mail
                  </th>
                  <th scope="col">Ville</th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(client) => (
                    <tr
                      class={recentEdits.byId(client.id) ? 'row-flash' : ''}
                      onClick={() => navigate(`/clients/${client.id}`)}
                    >
                      <td>
                        <A href={`/clients/${client.id}`}>{getClientDisplayName(client)}</A>
                        <Show when={recentEdits.byId(client.id)}>
                          <span class="row-hint">modifié par {recentEdits.byId(client.id)}</span>
                        </Show>
                      </td>
                      <td>{client.phones[0] ? formatPhone(client.phones[0]) : '—'}</td>
                      <td class="hide-narrow">{client.email ?? '—'}</td>
                      <td>{client.address.city ?? '—'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </Table>
            <Show when={loadMoreError()}>
              <div class="alert alert-error">{loadMoreError()}</div>
            </Show>
            <Show when={nextCursor()}>
              <div class="load-more">
                <Button onClick={() => void loadMore()} isLoading={isLoadingMore()}>
                  Charger plus
                </Button>
              </div>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
