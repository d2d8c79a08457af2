/**
 * Structural equality of JSON-like values (strings, numbers, booleans, null, arrays, plain
 * objects): what "changed" means for a form, a record field or a quote line. An absent key and
 * an `undefined` value are the same.
 */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!isDeepEqual(left[key], right[key])) return false;
  }
  return true;
}

/** The top-level fields of `after` that differ from `before`: a PATCH of what changed. */
export function pickChanged<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (!isDeepEqual(before[key], after[key])) changed[key] = after[key];
  }
  return changed;
}
