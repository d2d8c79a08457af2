import { isDeepEqual } from './deep-equal';

/**
 * The three-way merge of a flat record (client, vehicle, settings forms), run by the editable
 * record when a save meets a newer version: "base" is the version the user started from, "mine"
 * the form, "theirs" the version someone else saved meanwhile. Pure, so the editor and its tests
 * run the same code.
 */

export type Side = 'mine' | 'theirs';

export type FieldConflict<T> = {
  [K in keyof T]: { field: K; base: T[K]; mine: T[K]; theirs: T[K] };
}[keyof T];

export type RecordMerge<T> = {
  /** base + my edits + their edits; a conflicting field holds MY value until resolved (what the user typed never vanishes from the form). */
  merged: T;
  /** Fields the other person changed that were taken in (not overlapping mine). */
  theirs: Array<keyof T>;
  /** Fields both changed to different values. */
  conflicts: Array<FieldConflict<T>>;
};

export type MergeRecordOptions<T> = {
  /**
   * The fields to merge, in the order conflicts and `theirs` list them. Any other key is copied
   * from mine as it is (an id, a version the form carries along). Default: every key of the
   * three versions, mine's first.
   */
  fields?: ReadonlyArray<keyof T>;
  /** Default: `isDeepEqual`, so a field holding an array or an object compares by content. */
  isEqual?: (field: keyof T, a: unknown, b: unknown) => boolean;
};

export function mergeRecord<T extends Record<string, unknown>>(
  base: T,
  mine: T,
  theirs: T,
  options: MergeRecordOptions<T> = {},
): RecordMerge<T> {
  const isEqual = options.isEqual ?? ((_field, a, b) => isDeepEqual(a, b));
  const fields = options.fields ?? listKeys<T>(mine, theirs, base);
  // Mine is the starting point so that what the user typed stays unless their edit replaces it.
  const merged: T = { ...mine };
  const theirFields: Array<keyof T> = [];
  const conflicts: Array<FieldConflict<T>> = [];

  for (const field of fields) {
    const [baseValue, mineValue, theirValue] = [base[field], mine[field], theirs[field]];
    const winner = pickThreeWay(baseValue, mineValue, theirValue, (a, b) => isEqual(field, a, b));
    if (winner === 'theirs') {
      merged[field] = theirValue;
      theirFields.push(field);
    } else if (winner === 'conflict') {
      conflicts.push({
        field,
        base: baseValue,
        mine: mineValue,
        theirs: theirValue,
      } as FieldConflict<T>);
    }
  }

  return { merged, theirs: theirFields, conflicts };
}

/**
 * The rule every merged value follows: mine when they did not touch it or both made the same
 * edit, theirs when only they changed it, a conflict when both changed it differently.
 */
export function pickThreeWay<V>(
  base: V,
  mine: V,
  theirs: V,
  isEqual: (a: V, b: V) => boolean,
): Side | 'conflict' {
  if (isEqual(mine, theirs) || isEqual(base, theirs)) return 'mine';
  return isEqual(base, mine) ? 'theirs' : 'conflict';
}

/** Applies the user's picks; a conflict left unchosen keeps mine, which `merged` already holds. */
export function resolveRecord<T>(
  merge: RecordMerge<T>,
  choices: Partial<Record<keyof T, Side>>,
): T {
  const resolved: T = { ...merge.merged };
  for (const conflict of merge.conflicts) {
    if (choices[conflict.field] === 'theirs') resolved[conflict.field] = conflict.theirs;
  }
  return resolved;
}

/** Every key of the records, each once, in the order first met (deterministic merges). */
function listKeys<T>(...records: T[]): Array<keyof T> {
  const keys = new Set<keyof T>();
  for (const record of records) {
    for (const key of Object.keys(record as object)) keys.add(key as keyof T);
  }
  return [...keys];
}
