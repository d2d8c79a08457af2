import type { ClientInput, ClientUpdate } from '../../../domain/schemas/client';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';

export type ClientFilters = { q: string; archived: boolean };

export const getClientsPage = staleOnQuery(
  ['client'],
  'clients',
  (filters: ClientFilters, cursor?: string) =>
    call(
      api.clients.$get({
        query: {
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.archived ? { archived: 'true' } : {}),
          ...(cursor ? { cursor } : {}),
          limit: '50',
        },
      }),
    ),
);

export const getClient = recordQuery('client', 'client', (id) =>
  call(api.clients[':id'].$get({ param: { id } })),
);

/**
 * The e-mails sent to the client (« Messages envoyés »): delivery happens on the server without
 * a change event, so SentMessages reads them again while one is on its way.
 */
export const getClientMessages = staleOnQuery([], 'client-messages', (id: string) =>
  call(api.clients[':id'].messages.$get({ param: { id } })),
);

/** The client search of a picker (transfer, new quote): a few rows, never cached. */
export const searchClients = (q: string) =>
  call(api.clients.$get({ query: { ...(q ? { q } : {}), limit: '8' } }));

export const createClient = liveAction('client-create', (input: ClientInput) =>
  call(api.clients.$post({ json: input })),
);
export const updateClient = liveAction('client-update', (id: string, input: ClientUpdate) =>
  call(api.clients[':id'].$patch({ param: { id }, json: input })),
);
export const archiveClient = liveAction('client-archive', (id: string) =>
  call(api.clients[':id'].$delete({ param: { id } })),
);
export const restoreClient = liveAction('client-restore', (id: string) =>
  call(api.clients[':id'].restore.$post({ param: { id } })),
);
