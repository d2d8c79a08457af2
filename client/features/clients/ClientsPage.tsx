import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { buildClientSortName, getClientDisplayName } from '../../../domain/client/client-name';
import type { Client } from '../../../domain/schemas/client';
import { formatPhone } from '../../lib/format';
import { createLiveList } from '../../lib/live-list';
import { Button } from '../../ui/Button';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { SearchBox } from '../../ui/SearchBox';
import { Table } from '../../ui/Table';
import { type ClientFilters, getClientsPage } from './clients.api';

/** The server's order: sort name, then id (collation C, code point by code point). */
function compareClients(a: Client, b: Client): number {
  const [left, right] = [buildClientSortName(a), buildClientSortName(b)];
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export default function ClientsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ q?: string; archived?: string }>();
  const filters = (): ClientFilters => ({ q: params.q ?? '', archived: params.archived === '1' });
  const firstPage = createAsync(() => getClientsPage(filters()));
  const clients = createLiveList({
    entity: 'client',
    firstPage,
    fetchPage: (cursor) => (cursor ? getClientsPage(filters(), cursor) : getClientsPage(filters())),
    compare: compareClients,
    place: (change) => {
      const isListed = Boolean(change.data.archivedAt) === filters().archived;
      // The server matches the search text: a new client is added only to the unfiltered list.
      return { item: change.data, isListed: !isListed ? false : filters().q ? 'unknown' : true };
    },
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>Clients</h1>
        <A href="/clients/new" class="btn btn-primary">
          Nouveau client
        </A>
      </header>
      <div class="toolbar">
        <SearchBox
          label="Rechercher un client"
          placeholder="Nom, entreprise, téléphone, e-mail, ville…"
          query={params.q}
          onSearch={(q) => setParams({ q }, { replace: true })}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={filters().archived}
            onChange={(event) =>
              setParams({ archived: event.currentTarget.checked ? '1' : undefined })
            }
          />
          Clients archivés
        </label>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des clients…" />}>
          <Show when={firstPage()}>
            <Show
              when={clients.items().length > 0}
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
                  <For each={clients.items()}>
                    {(client) => (
                      <tr
                        class={clients.changedBy(client.id) ? 'row-flash' : ''}
                        onClick={() => navigate(`/clients/${client.id}`)}
                      >
                        <td>
                          <A href={`/clients/${client.id}`}>{getClientDisplayName(client)}</A>
                          <Show when={clients.changedBy(client.id)}>
                            <span class="row-hint">modifié par {clients.changedBy(client.id)}</span>
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
              <Show when={clients.loadMoreError()}>
                <div class="alert alert-error">{clients.loadMoreError()}</div>
              </Show>
              <Show when={clients.hasMore()}>
                <div class="load-more">
                  <Button
                    onClick={() => void clients.loadMore()}
                    isLoading={clients.isLoadingMore()}
                  >
                    Charger plus
                  </Button>
                </div>
              </Show>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
