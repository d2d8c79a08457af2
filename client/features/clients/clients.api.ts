import { action, query } from '@solidjs/router';
import type { Client, ClientInput, ClientUpdate } from '../../../domain/schemas/client';
import { del, get, patch, post, toQuery } from '../../lib/api';

export type ClientPage = { items: Client[]; nextCursor: string | null };

export const getClientsPage = query(
  (q: string, archived: boolean, cursor?: string) =>
    get<ClientPage>(
      `/clients${toQuery({ q, archived: archived || undefined, cursor, limit: 50 })}`,
    ),
  'clients',
);

export const getClient = query((id: string) => get<Client>(`/clients/${id}`), 'client');

/*
 * Writes are router actions: a successful one revalidates the queries on screen (list, detail),
 * a failed one rejects with the AppError (conflict, validation) for the form to show.
 */
export const createClient = action(
  (input: ClientInput) => post<Client>('/clients', input),
  'client-create',
);
export const updateClient = action(
  (id: string, input: ClientUpdate) => patch<Client>(`/clients/${id}`, input),
  'client-update',
);
export const archiveClient = action(
  (id: string) => del<Client>(`/clients/${id}`),
  'client-archive',
);
export const restoreClient = action(
  (id: string) => post<Client>(`/clients/${id}/restore`),
  'client-restore',
);
