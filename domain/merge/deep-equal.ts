/**
 * Structural equality of JSON-like values, the merge's default notion of "unchanged": what the
 * server sends back after a save is a fresh copy, so reference equality would see every array
 * field (a client's `phones`) as edited.
 *
 * Object keys holding `undefined` count as absent, as they do once serialised to JSON. Values that
 * are neither JSON-like nor plain objects (a Date, a Map) are only equal to themselves.
 */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => isDeepEqual(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = definedKeys(a);
  const keysB = definedKeys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && isDeepEqual(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/** The top-level fields of `after` that differ from `before`: a PATCH of what changed. */
export function pickChanged<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (!isDeepEqual(before[key], after[key])) changed[key] = after[key];
  }
  return changed;
}
