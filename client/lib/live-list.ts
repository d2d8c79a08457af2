import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { ChangeOf, Entity } from '../../domain/schemas/change';
import { errorMessage } from './api';
import { useChanges } from './live';
import {
  isOlder,
  type Listed,
  mergeRows,
  overlayKnown,
  type Placement,
  placeRow,
  type Row,
} from './live-list-rows';
import { useSession } from './session';

export type { Listed, Placement } from './live-list-rows';

export type Page<T> = { items: T[]; nextCursor: string | null };

type Paging<T> =
  | {
      /** The first page, from the route's query; a new one (new filters) starts the list again. */
      firstPage: () => Page<T> | undefined;
      /** A page after `cursor`; the first page for `null`. */
      fetchPage: (cursor: string | null) => Promise<Page<T>>;
    }
  | {
      /**
       * The whole list, from the route's query, for a server answer with no cursor (the staff,
       * the wall screens, the inbox); a new answer starts the list again.
       */
      firstPage: () => { items: readonly T[]; nextCursor?: undefined } | undefined;
      fetchPage?: undefined;
    };

export type LiveListOptions<T extends Row, E extends Entity> = Paging<T> & {
  entity: E;
  /** Where a change's record stands for this list (null: not this list's concern). */
  place: (change: ChangeOf<E>) => Placement<T> | null;
  /**
   * Where a record the screen puts (an action's answer, a refusal's `current`) stands; without
   * it, as for a text search: updated where shown, else the first page is read again.
   */
  placeItem?: (item: T) => Listed;
  /** The list's order (the server's): a new row goes where it belongs. */
  compare: (a: T, b: T) => number;
};

const FLASH_MS = 6000;
/** A burst of changes the list cannot place reads the first page once. */
const RELOAD_AFTER_MS = 300;
/** The records learnt live that are remembered for the next page reads (the oldest go first). */
const KNOWN_MAX = 2000;

/**
 * The one live list (clients, vehicles, quotes, alerts, staff, wall screens): the first page
 * from the route's query, "Charger plus" by cursor for a paged one, and every change applied in
 * place: inserted where it sorts, updated (moved if its sort key moved), or removed when it
 * leaves the list, never shown twice. Rows someone else changed are flagged for a few seconds
 * with who did it. A record carrying a `version` is never replaced by an older one, whatever
 * brings it: a change, a page read that was on its way during a change, or `put` (the rule and
 * the placement are pure: `live-list-rows.ts`).
 */
export function createLiveList<T extends Row, E extends Entity>(options: LiveListOptions<T, E>) {
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

  /**
   * The newest version of each record learnt live (changes, puts), kept until a page read
   * carries it: its placement is evaluated again for the filters of the page read.
   */
  const known = new Map<string, { item: T; place: () => Placement<T> | null }>();
  function remember(item: T, place: () => Placement<T> | null): void {
    if (typeof item.version !== 'number') return;
    known.delete(item.id);
    known.set(item.id, { item, place });
    const oldest = known.keys().next();
    if (known.size > KNOWN_MAX && !oldest.done) known.delete(oldest.value);
  }
  const isSuperseded = (item: T) => isOlder(item, known.get(item.id)?.item);

  /** A page read's rows, with what was learnt live meanwhile laid over them. */
  function withKnown(items: readonly T[], nextCursor: string | null): T[] {
    const placements: Placement<T>[] = [];
    for (const entry of known.values()) {
      const placement = entry.place();
      if (placement) placements.push(placement);
    }
    const overlaid = overlayKnown(items, placements, {
      compare: options.compare,
      hasMore: nextCursor !== null,
    });
    for (const id of overlaid.caughtUp) known.delete(id);
    return overlaid.items;
  }

  const firstPage = (): { items: readonly T[]; nextCursor?: string | null } | undefined =>
    options.firstPage();
  createEffect(
    on(firstPage, (page) => {
      if (!page) return;
      generation += 1;
      const nextCursor = page.nextCursor ?? null;
      const items = withKnown(mergeRows(page.items), nextCursor);
      setList(reconcile({ items, nextCursor }, { key: 'id' }));
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

  /** Applies one record's placement; whether the list changed (or is being read again). */
  function apply(placement: Placement<T>): boolean {
    const placed = placeRow(list.items, placement, {
      compare: options.compare,
      hasMore: list.nextCursor !== null,
    });
    if (placed.outcome === 'unchanged') return false;
    if (placed.outcome === 'reload') return reloadSoon();
    setList('items', reconcile(placed.items, { key: 'id' }));
    return true;
  }

  useChanges(options.entity, (change) => {
    const placement = options.place(change);
    if (!placement || isSuperseded(placement.item)) return;
    remember(placement.item, () => options.place(change));
    if (!apply(placement)) return;
    if (change.actor && change.actor.id !== session.user()?.id) {
      flash(placement.item.id, change.actor.name);
    }
  });

  /** A record as the screen's own action left it: its answer, or a refusal's `current`. */
  function put(item: T): void {
    if (isSuperseded(item)) return;
    const place = (): Placement<T> => ({
      item,
      isListed: options.placeItem ? options.placeItem(item) : 'unknown',
    });
    remember(item, place);
    apply(place());
  }

  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(reloadTimer));
  /**
   * The first page again; rows loaded beyond it (Charger plus) stay, each row once, in order.
   * An unpaged list has nothing to read here (its route query is the one to read again).
   */
  function reloadSoon(): boolean {
    const fetchPage = options.fetchPage;
    if (!fetchPage) return false;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      const started = generation;
      fetchPage(null)
        .then((page) => {
          if (started !== generation) return;
          const nextCursor =
            list.items.length > page.items.length ? list.nextCursor : page.nextCursor;
          const items = withKnown(mergeRows([...page.items, ...list.items]), nextCursor);
          setList(reconcile({ items: items.sort(options.compare), nextCursor }, { key: 'id' }));
        })
        .catch((error) => console.warn('Liste non relue', error));
    }, RELOAD_AFTER_MS);
    return true;
  }

  async function loadMore(): Promise<void> {
    const cursor = list.nextCursor;
    const fetchPage = options.fetchPage;
    if (!cursor || !fetchPage || isLoadingMore()) return;
    const started = generation;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const page = await fetchPage(cursor);
      if (started !== generation) return;
      const items = withKnown(mergeRows([...list.items, ...page.items]), page.nextCursor);
      setList(reconcile({ items, nextCursor: page.nextCursor }, { key: 'id' }));
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
    put,
    /** Who just changed this row, for a few seconds (someone else than the user). */
    changedBy: (id: string): string | undefined => flashes()[id],
  };
}
