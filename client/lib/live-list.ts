import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { ChangeOf, Entity } from '../../domain/schemas/change';
import { errorMessage } from './api';
import { useChanges } from './live';
import { useSession } from './session';

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Where a changed record stands for this list. */
export type Placement<T> =
  /** Show it (in place if listed, else at its sorted place if it falls within what is loaded). */
  | { item: T; isListed: true }
  /** Not (or no longer) in this list: archived, another status, another client… */
  | { item: T; isListed: false }
  /**
   * Cannot tell here (a text search the server evaluates): updated if shown; otherwise the
   * first page is read again, so a new match appears.
   */
  | { item: T; isListed: 'unknown' };

export type LiveListOptions<T extends { id: string }, E extends Entity> = {
  entity: E;
  /** The first page, from the route's query; a new one (new filters) starts the list again. */
  firstPage: () => Page<T> | undefined;
  /** A page after `cursor`; the first page for `null`. */
  fetchPage: (cursor: string | null) => Promise<Page<T>>;
  place: (change: ChangeOf<E>) => Placement<T> | null;
  /** The list's order (the server's): a new row goes where it belongs. */
  compare: (a: T, b: T) => number;
};

const FLASH_MS = 6000;
/** A burst of changes the list cannot place reads the first page once. */
const RELOAD_AFTER_MS = 300;

/**
 * The one live, paged list (clients, vehicles, quotes, alerts): the first page from the route's
 * query, "Charger plus" by cursor, and every change applied in place: inserted where it sorts,
 * updated, or removed when it leaves the list, never shown twice. Rows someone else changed are
 * flagged for a few seconds with who did it.
 */
export function createLiveList<T extends { id: string }, E extends Entity>(
  options: LiveListOptions<T, E>,
) {
  const session = useSession();
  const [list, setList] = createStore<{ items: T[]; nextCursor: string | null }>({
    items: [],
    nextCursor: null,
  });
  const [isLoaded, setLoaded] = createSignal(false);
  const [isLoadingMore, setLoadingMore] = createSignal(false);
  const [loadMoreError, setLoadMoreError] = createSignal<string | null>(null);
  const [flashes, setFlashes] = createSignal<Record<string, string>>({});
  const timers = new Set<ReturnType<typeof setTimeout>>();
  onCleanup(() => {
    for (const timer of timers) clearTimeout(timer);
  });
  /** Bumped on every new first page: a "Charger plus" of the previous filters is dropped. */
  let generation = 0;

  createEffect(
    on(options.firstPage, (page) => {
      if (!page) return;
      generation += 1;
      setList(reconcile({ items: dedupe(page.items), nextCursor: page.nextCursor }, { key: 'id' }));
      setLoaded(true);
      setLoadMoreError(null);
    }),
  );

  function flash(id: string, name: string): void {
    setFlashes((current) => ({ ...current, [id]: name }));
    const timer = setTimeout(() => {
      timers.delete(timer);
      setFlashes(({ [id]: _, ...rest }) => rest);
    }, FLASH_MS);
    timers.add(timer);
  }

  useChanges(options.entity, (change) => {
    const placement = options.place(change);
    if (!placement) return;
    const index = list.items.findIndex((item) => item.id === placement.item.id);
    if (index >= 0 && placement.isListed === false) {
      setList('items', (items) => items.filter((item) => item.id !== placement.item.id));
    } else if (index >= 0) {
      setList('items', index, reconcile(placement.item));
    } else if (placement.isListed === true && fallsWithinLoaded(placement.item)) {
      setList('items', (items) => insertSorted(items, placement.item));
    } else if (placement.isListed === 'unknown') {
      reloadSoon();
    } else {
      return;
    }
    if (change.actor && change.actor.id !== session.user()?.id) flash(change.id, change.actor.name);
  });

  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(reloadTimer));
  /** The first page again; rows loaded beyond it (Charger plus) stay, each row once, in order. */
  function reloadSoon(): void {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      const started = generation;
      options
        .fetchPage(null)
        .then((page) => {
          if (started !== generation) return;
          setList((current) => ({
            items: dedupe([...page.items, ...current.items]).sort(options.compare),
            nextCursor:
              current.items.length > page.items.length ? current.nextCursor : page.nextCursor,
          }));
        })
        .catch((error) => console.warn('Liste non relue', error));
    }, RELOAD_AFTER_MS);
  }

  /** A new row past the last loaded one belongs to a page not loaded yet. */
  function fallsWithinLoaded(item: T): boolean {
    const last = list.items.at(-1);
    return list.nextCursor === null || !last || options.compare(item, last) <= 0;
  }

  function insertSorted(items: T[], item: T): T[] {
    const at = items.findIndex((other) => options.compare(item, other) < 0);
    return at < 0 ? [...items, item] : [...items.slice(0, at), item, ...items.slice(at)];
  }

  async function loadMore(): Promise<void> {
    const cursor = list.nextCursor;
    if (!cursor || isLoadingMore()) return;
    const started = generation;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const page = await options.fetchPage(cursor);
      if (started !== generation) return;
      setList((current) => ({
        items: dedupe([...current.items, ...page.items]),
        nextCursor: page.nextCursor,
      }));
    } catch (error) {
      setLoadMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    items: () => list.items,
    isLoaded,
    hasMore: () => list.nextCursor !== null,
    loadMore,
    isLoadingMore,
    loadMoreError,
    /** Who just changed this row, for a few seconds (someone else than the user). */
    changedBy: (id: string): string | undefined => flashes()[id],
  };
}

/** A row created or archived meanwhile shifts the pages: never show one twice. */
function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}
