/**
 * The order of a merged list (a quote's jobs, a job's lines), by key.
 *
 * Mine is followed, so the rows the user is looking at do not jump around under the cursor. The
 * one exception is a list only they reordered: then their order is followed, otherwise their
 * reordering would be lost although nothing of mine overlaps it. Items only the other side has
 * go right after the nearest item that precedes them on that side and is already placed, or
 * first when none does.
 */
export function orderKeys(
  keep: ReadonlySet<string>,
  baseKeys: readonly string[],
  mineKeys: readonly string[],
  theirKeys: readonly string[],
): { keys: string[]; isTheirOrder: boolean } {
  const isTheirOrder =
    isReordered(theirKeys, baseKeys, mineKeys) && !isReordered(mineKeys, baseKeys, theirKeys);
  const [primary, secondary] = isTheirOrder ? [theirKeys, mineKeys] : [mineKeys, theirKeys];
  const keys = primary.filter((key) => keep.has(key));
  const placed = new Set(keys);
  for (const [index, key] of secondary.entries()) {
    if (!keep.has(key) || placed.has(key)) continue;
    insertAfterFirstPresent(keys, key, precedingKeys(secondary, index), (candidate) => candidate);
    placed.add(key);
  }
  // Cannot happen when every kept key comes from one of the sides; never drop one if it does.
  for (const key of keep) if (!placed.has(key)) keys.push(key);
  return { keys, isTheirOrder };
}

/**
 * Where `key` goes back when a conflict restores it: right after the first of `precedingKeys`
 * (nearest first) still in `keys`, else first.
 */
export function insertAfterFirstPresent<T>(
  items: T[],
  item: T,
  precedingKeys: readonly string[],
  keyOf: (item: T) => string,
): void {
  for (const preceding of precedingKeys) {
    const index = items.findIndex((candidate) => keyOf(candidate) === preceding);
    if (index >= 0) {
      items.splice(index + 1, 0, item);
      return;
    }
  }
  items.unshift(item);
}

/** The keys before `index` in `keys`, nearest first: what `insertAfterFirstPresent` expects. */
export function precedingKeys(keys: readonly string[], index: number): string[] {
  return keys.slice(0, Math.max(index, 0)).reverse();
}

/**
 * Whether `side` changed the relative order of the items all three versions share (an item
 * added or removed is not a reordering).
 */
function isReordered(
  side: readonly string[],
  baseKeys: readonly string[],
  other: readonly string[],
): boolean {
  const inAll = new Set(baseKeys);
  for (const keys of [side, other]) {
    const present = new Set(keys);
    for (const key of inAll) if (!present.has(key)) inAll.delete(key);
  }
  const shared = (keys: readonly string[]) => keys.filter((key) => inAll.has(key));
  const sideOrder = shared(side);
  const baseOrder = shared(baseKeys);
  return sideOrder.some((key, index) => key !== baseOrder[index]);
}
