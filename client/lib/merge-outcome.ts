import { mergeRecord, resolveRecord, type Side } from '../../domain/merge/merge-record';
import type { MergeOutcome } from './editable-record';

/** How a form's field is named and shown in the conflict panel and the notices. */
export type FieldLabels<V> = { [K in keyof V]?: { label: string; show?: (value: V[K]) => string } };

const showPlain = (value: unknown): string => {
  if (Array.isArray(value)) return value.filter(Boolean).join(', ') || '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  return String(value ?? '').trim() || '—';
};

/**
 * A flat form's three-way merge (domain/merge), worded for the user: the fields named in
 * `labels` are merged; `isEqual` says when two values are the same for the user (trimmed text,
 * a phone however it is spaced).
 */
export function createRecordMerge<V extends Record<string, unknown>>(
  labels: FieldLabels<V>,
  isEqual?: (field: keyof V, a: unknown, b: unknown) => boolean,
) {
  const fields = Object.keys(labels) as Array<keyof V>;
  const show = <K extends keyof V>(field: K, value: V[K]) =>
    labels[field]?.show?.(value) ?? showPlain(value);
  return (base: V, mine: V, theirs: V): MergeOutcome<V> => {
    const merge = mergeRecord(base, mine, theirs, { fields, ...(isEqual ? { isEqual } : {}) });
    return {
      merged: merge.merged,
      theirChanges: merge.theirs.map((field) => labels[field]?.label ?? String(field)),
      conflicts: merge.conflicts.map((conflict) => ({
        id: String(conflict.field),
        label: labels[conflict.field]?.label ?? String(conflict.field),
        mine: show(conflict.field, conflict.mine),
        theirs: show(conflict.field, conflict.theirs),
      })),
      resolve: (choices) => {
        const picks: Partial<Record<keyof V, Side>> = {};
        for (const field of fields) {
          const side = choices[String(field)];
          if (side) picks[field] = side;
        }
        return resolveRecord(merge, picks);
      },
    };
  };
}
