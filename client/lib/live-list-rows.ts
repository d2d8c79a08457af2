/**
 * The rules of the live list (`live-list.ts`), pure: which version of a record wins, where a
 * record goes in the rows, and what a page read keeps of what was learnt live meanwhile.
 */

/** A row: its record's id and, for an entity that has one, its version. */
export type Row = { id: string; version?: number };

/** Whether a record belongs to this list. */
export type Listed =
  /** Yes: shown in place if listed, else at its sorted place if it falls within what is loaded. */
  | true
  /** No (or no longer): archived, another status, another client… */
  | false
  /**
   * Cannot tell here (a text search the server evaluates): updated if shown; otherwise the first
   * page is read again, so a new match appears.
   */
  | 'unknown';

/** Where a record stands for this list. */
export type Placement<T> = { item: T; isListed: Listed };

/**
 * The version rule: a record never replaces a newer version of itself, whether it comes from a
 * change, a page read or the screen's own action. Versions only go up on the server, so the
 * higher one is the later state. Without a version on both sides there is nothing to compare:
 * the last one applied wins.
 */
export function isOlder(candidate: Row, than: Row | undefined): boolean {
  return (
    than !== undefined &&
    typeof candidate.version === 'number' &&
    typeof than.version === 'number' &&
    candidate.version < than.version
  );
}

/**
 * Each record once (a record created or archived meanwhile shifts the pages): at the place it
 * first appears, in the newest of the versions given (the first one when they tie).
 */
export function mergeRows<T extends Row>(items: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const item of items) {
    const known = newest.get(item.id);
    if (!known || isOlder(known, item)) newest.set(item.id, item);
  }
  const placed = new Set<string>();
  const rows: T[] = [];
  for (const item of items) {
    if (placed.has(item.id)) continue;
    placed.add(item.id);
    rows.push(newest.get(item.id) ?? item);
  }
  return rows;
}

export type RowsContext<T> = {
  /** The list's order (the server's). */
  compare: (a: T, b: T) => number;
  /** Pages remain after the loaded rows: a record sorting past the last one belongs to them. */
  hasMore: boolean;
};

/**
 * `changed`: the rows differ (or may: an update in place); `unchanged`: nothing to do here;
 * `reload`: the list cannot tell, the first page should be read again.
 */
export type PlaceOutcome<T> =
  | { outcome: 'changed'; items: T[] }
  | { outcome: 'unchanged' }
  | { outcome: 'reload' };

/**
 * The rows once a record's placement is known: updated where it is (moved if its sort key
 * moved), added where it sorts, removed when it leaves, never twice, never older than shown.
 */
export function placeRow<T extends Row>(
  items: readonly T[],
  { item, isListed }: Placement<T>,
  { compare, hasMore }: RowsContext<T>,
): PlaceOutcome<T> {
  const index = items.findIndex((row) => row.id === item.id);
  const shown = index >= 0 ? items[index] : undefined;
  if (isOlder(item, shown)) return { outcome: 'unchanged' };
  const others = index >= 0 ? [...items.slice(0, index), ...items.slice(index + 1)] : [...items];
  if (isListed === false)
    return shown ? { outcome: 'changed', items: others } : { outcome: 'unchanged' };
  if (!shown && isListed === 'unknown') return { outcome: 'reload' };
  // The loaded rows end at the last one read: past it, a record is on a page not loaded yet.
  const last = items.at(-1);
  const isWithinLoaded = !hasMore || last === undefined || compare(item, last) <= 0;
  if (!isWithinLoaded)
    return shown ? { outcome: 'changed', items: others } : { outcome: 'unchanged' };
  if (shown && isInOrder(others, index, item, compare)) {
    return { outcome: 'changed', items: [...others.slice(0, index), item, ...others.slice(index)] };
  }
  const at = others.findIndex((other) => compare(item, other) < 0);
  return {
    outcome: 'changed',
    items: at < 0 ? [...others, item] : [...others.slice(0, at), item, ...others.slice(at)],
  };
}

/** The row still sorts between its neighbours: it stays where it is (its DOM and focus too). */
function isInOrder<T>(
  others: readonly T[],
  index: number,
  item: T,
  compare: (a: T, b: T) => number,
) {
  const before = others[index - 1];
  const after = others[index];
  return (
    (before === undefined || compare(before, item) <= 0) &&
    (after === undefined || compare(item, after) <= 0)
  );
}

/**
 * A page read, with what the screen learnt live laid over it: a request sent before a change
 * may be answered after it, and must not bring back the older version nor drop a record created
 * meanwhile. `known` is the newest placement of each record learnt live (changes and the screen's
 * own actions), evaluated for the list's filters now. Returns the rows and the records the read
 * has caught up with (it carries their version or a newer one: no need to remember them).
 */
export function overlayKnown<T extends Row>(
  items: readonly T[],
  known: readonly Placement<T>[],
  context: RowsContext<T>,
): { items: T[]; caughtUp: string[] } {
  const read = new Map(items.map((item) => [item.id, item]));
  const caughtUp: string[] = [];
  let rows = [...items];
  for (const placement of known) {
    const fetched = read.get(placement.item.id);
    if (fetched && !isOlder(fetched, placement.item)) {
      caughtUp.push(placement.item.id);
      continue;
    }
    const placed = placeRow(rows, placement, context);
    if (placed.outcome === 'changed') rows = placed.items;
  }
  return { items: rows, caughtUp };
}
