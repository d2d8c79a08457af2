import type { z } from 'zod';
import { buildClientSortName } from '../../../domain/client/client-search';
import { AppError, fromZodError } from '../../../domain/errors';
import {
  type Client,
  ClientInputSchema,
  type ClientListQuerySchema,
  type ClientUpdateSchema,
  type ClientValues,
} from '../../../domain/schemas/client';
import type { QuoteMessage } from '../../../domain/schemas/quote-email';
import { toSearchTerms } from '../../../domain/text';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import { encodeCursor } from '../../db/cursor';
import type { Actor, Deps } from '../../deps';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import { listClientMessages } from '../mail/mail.service';
import {
  countClients,
  insertClient,
  selectClientById,
  selectClientPage,
  updateClientArchived,
  updateClientVersioned,
} from './clients.repo';

const NOT_FOUND = 'Ce client est introuvable.';

export async function listClients(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof ClientListQuerySchema>,
): Promise<{ items: Client[]; nextCursor: string | null }> {
  requireRole(actor, READERS);
  const items = await selectClientPage(deps.db, {
    terms: toSearchTerms(query.q ?? ''),
    archived: query.archived,
    cursor: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    items.length > query.limit && last ? encodeCursor(buildClientSortName(last), last.id) : null;
  return { items: page, nextCursor };
}

export async function getClient(deps: Deps, actor: Actor, id: string): Promise<Client> {
  requireRole(actor, READERS);
  const client = await selectClientById(deps.db, id);
  if (!client) throw new AppError('not_found', NOT_FOUND);
  return client;
}

/** « Messages envoyés » on the client's page: every e-mail sent to this client, newest first. */
export async function listClientEmails(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ items: QuoteMessage[] }> {
  await getClient(deps, actor, id);
  return listClientMessages(deps, actor, id);
}

export async function createClient(
  deps: Deps,
  actor: Actor,
  values: ClientValues,
): Promise<Client> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const client = await insertClient(tx, values);
    record({ entity: 'client', action: 'created', id: client.id, data: client });
    return client;
  });
}

/** A partial update is merged into the current client and the result checked as a whole. */
export async function updateClient(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof ClientUpdateSchema>,
): Promise<Client> {
  requireRole(actor, WRITERS);
  const { version, ...changes } = patch;
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await selectClientById(tx, id);
    if (!current) throw new AppError('not_found', NOT_FOUND);
    if (current.version !== version)
      throw await staleVersionError(tx, 'client', current.id, current);
    const merged = ClientInputSchema.safeParse({ ...current, ...changes });
    if (!merged.success) throw fromZodError(merged.error);
    const client = await updateClientVersioned(tx, id, version, merged.data, deps.now());
    if (!client) throw await staleVersionError(tx, 'client', current.id, current);
    // A new name reaches the vehicles' and quotes' search text by trigger (decision 0010).
    record({ entity: 'client', action: 'updated', id, data: client });
    return client;
  });
}

export async function setClientArchived(
  deps: Deps,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<Client> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await selectClientById(tx, id);
    if (!current) throw new AppError('not_found', NOT_FOUND);
    if (Boolean(current.archivedAt) === archived) return current;
    const now = deps.now();
    const client = await updateClientArchived(tx, id, archived ? now : null, now);
    if (!client) throw new AppError('not_found', NOT_FOUND);
    record({ entity: 'client', action: archived ? 'archived' : 'restored', id, data: client });
    return client;
  });
}

/*
 * For the features above this one, inside their own transaction and after their own access
 * check: no actor here (docs/decisions/0010-feature-boundaries.md).
 */

export function readClient(db: Executor, id: string): Promise<Client | undefined> {
  return selectClientById(db, id);
}

/** Whether the garage has any client at all, archived ones included (the demo seeds an empty one). */
export async function hasClients(db: Executor): Promise<boolean> {
  return (await countClients(db)) > 0;
}
