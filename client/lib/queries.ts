import { action, json, query } from '@solidjs/router';
import type { Change, ChangeOf, Entity } from '../../domain/schemas/change';

/**
 * Router queries that the change stream keeps current. The router caches every query's answer
 * and serves it again on Back without asking the server; without this, Back to a quote showed
 * the version of ten minutes ago as "Enregistré". Each change updates the cache it concerns:
 * a record's entry takes the change's data, a list's entries are dropped so that the next visit
 * reads them again (the list on screen is patched live by `createLiveList`).
 */
const updaters: Array<(change: Change) => void> = [];
const droppers: Array<(entity: Entity) => void> = [];

/** Called by the live socket for every change, before the screens' own listeners. */
export function applyChangeToCache(change: Change): void {
  for (const update of updaters) update(change);
  dropStaleQueries(change.entity);
}

/**
 * A change of `entity` this screen may not see (its seq and entity only, domain/access.ts):
 * the lists it makes stale are dropped all the same (the colleagues after a new account).
 */
export function dropStaleQueries(entity: Entity): void {
  for (const drop of droppers) drop(entity);
}

function isOf<E extends Entity>(change: Change, entity: E): change is ChangeOf<E> {
  return change.entity === entity;
}

/**
 * A failed read is not kept: the router would serve the same failure again, and the screen's
 * "Réessayer" would show it once more instead of asking the server.
 */
function forgetOnFailure<T>(key: string, request: Promise<T>): Promise<T> {
  return request.catch((error: unknown) => {
    query.delete(key);
    throw error;
  });
}

/** One record by id (`getClient(id)`): a change of that record replaces its cached value. */
export function recordQuery<E extends Entity>(
  entity: E,
  name: string,
  fetch: (id: string) => Promise<ChangeOf<E>['data']>,
) {
  const fetched = new Set<string>();
  const cached = query((id: string): Promise<ChangeOf<E>['data']> => {
    fetched.add(id);
    return forgetOnFailure(cached.keyFor(id), fetch(id));
  }, name);
  updaters.push((change) => {
    if (isOf(change, entity) && fetched.has(change.id)) {
      query.set(cached.keyFor(change.id), change.data);
    }
  });
  return cached;
}

/**
 * A query whose answer a change of any of `entities` makes stale (a list, a history, the
 * inbox): its cached entries are dropped, the screen showing it keeps what it has.
 */
export function staleOnQuery<A extends unknown[], T>(
  entities: readonly Entity[],
  name: string,
  fetch: (...args: A) => Promise<T>,
) {
  const keys = new Set<string>();
  const cached = query((...args: A): Promise<T> => {
    const key: string = cached.keyFor(...args);
    keys.add(key);
    return forgetOnFailure(key, fetch(...args));
  }, name);
  droppers.push((entity) => {
    if (!entities.includes(entity)) return;
    for (const key of keys) query.delete(key);
    keys.clear();
  });
  return cached;
}

/**
 * A write, as a router action that revalidates nothing: the router's default would refetch
 * every query on screen after each action; here the change the write produces updates the
 * caches it concerns (above), and the screens' live listeners apply it.
 */
export function liveAction<A extends unknown[], T>(
  name: string,
  write: (...args: A) => Promise<T>,
) {
  return action(async (...args: A) => json(await write(...args), { revalidate: 'nothing' }), name);
}
