import { mergeRecord, resolveRecord } from '../../../domain/merge/merge-record';
import type { ConflictRow, Side } from '../../lib/editable-record';

/** How a list's items are named and compared for the user. */
export type ItemWords<T> = {
  /** Prefixes the conflicts' ids (`rate:<id>`), so they never meet a field's. */
  prefix: string;
  /** "Taux « Mécanique »": the item in a notice or a conflict row. */
  name: (item: T) => string;
  /** The item in full, for one side of a conflict row. */
  show: (item: T) => string;
  /** What makes two versions of an item the same for the user (trimmed text, amounts). */
  comparable: (item: T) => unknown;
};

export type ListMerge<T> = {
  merged: T[];
  theirChanges: string[];
  conflicts: ConflictRow[];
  resolve: (choices: Record<string, Side>) => T[];
};

type Id = string;

/**
 * A list's three-way merge item by item, by id (labour rates, packages): an item only they added,
 * changed or removed is taken in; one both changed differently (or one changed, the other
 * removed) is a conflict, shown whole on each side. Built on `mergeRecord`, each item a field
 * holding its comparable form, so it follows the same rule as every other field. The merged list
 * keeps my order; an item that comes from their version goes after the one it followed there.
 */
export function mergeById<T extends { id: Id }>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  words: ItemWords<T>,
): ListMerge<T> {
  const versions = { base: byId(base), mine: byId(mine), theirs: byId(theirs) };
  const ids = [...new Set([...mine, ...theirs, ...base].map((item) => item.id))];
  const fingerprint = (item: T | undefined) =>
    item === undefined ? undefined : JSON.stringify(words.comparable(item));
  const asRecord = (version: Map<Id, T>) =>
    Object.fromEntries(ids.map((id) => [id, fingerprint(version.get(id))]));
  const merge = mergeRecord(
    asRecord(versions.base),
    asRecord(versions.mine),
    asRecord(versions.theirs),
    { fields: ids },
  );

  /** The items a merged record of fingerprints stands for, in order. */
  function toList(chosen: Record<Id, string | undefined>): T[] {
    const pick = (id: Id): T | undefined => {
      const wanted = chosen[id];
      if (wanted === undefined) return undefined;
      const own = versions.mine.get(id);
      return own && fingerprint(own) === wanted ? own : versions.theirs.get(id);
    };
    const list = mine.flatMap((item) => pick(item.id) ?? []);
    theirs.forEach((item, index) => {
      if (list.some((placed) => placed.id === item.id)) return;
      const chosenItem = pick(item.id);
      if (!chosenItem) return;
      // After the nearest item that preceded it in their list and is placed; else last.
      const positions = theirs
        .slice(0, index)
        .reverse()
        .map((other) => list.findIndex((placed) => placed.id === other.id));
      const at = positions.find((position) => position >= 0);
      list.splice(at === undefined ? list.length : at + 1, 0, chosenItem);
    });
    return list;
  }

  /** Named as `first` has it (mine in a conflict, theirs in what they did), else as it was. */
  const nameOf = (id: Id, first: Map<Id, T>) => {
    const item = first.get(id) ?? versions.mine.get(id) ?? versions.theirs.get(id);
    const named = item ?? versions.base.get(id);
    return named ? words.name(named) : id;
  };
  const showOf = (item: T | undefined) => (item ? words.show(item) : 'Retiré');

  return {
    merged: toList(merge.merged),
    theirChanges: merge.theirs.map(String).map((id) => {
      const name = nameOf(id, versions.theirs);
      if (!versions.base.has(id)) return `${name} ajouté`;
      if (!versions.theirs.has(id)) return `${name} retiré`;
      return name;
    }),
    conflicts: merge.conflicts.map(({ field }) => ({
      id: `${words.prefix}:${field}`,
      label: nameOf(String(field), versions.mine),
      mine: showOf(versions.mine.get(String(field))),
      theirs: showOf(versions.theirs.get(String(field))),
    })),
    resolve: (choices) => {
      const picked: Record<Id, Side> = {};
      for (const conflict of merge.conflicts) {
        const side = choices[`${words.prefix}:${conflict.field}`];
        if (side) picked[conflict.field] = side;
      }
      return toList(resolveRecord(merge, picked));
    },
  };
}

function byId<T extends { id: Id }>(items: readonly T[]): Map<Id, T> {
  return new Map(items.map((item) => [item.id, item]));
}
