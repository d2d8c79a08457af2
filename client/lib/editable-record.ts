import { useBeforeLeave } from '@solidjs/router';
import { batch, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import { isDeepEqual } from '../../domain/merge/deep-equal';
import type { Side } from '../../domain/merge/merge-record';
import { readDetails } from '../../domain/refusals';
import type { ChangeOf } from '../../domain/schemas/change';
import { errorMessage, fieldErrors } from './api';
import { useChanges } from './live';
import { useSession } from './session';

/** The entities a screen edits through this primitive. */
export type EditableEntity =
  | 'client'
  | 'vehicle'
  | 'quote'
  | 'repair_order'
  | 'settings'
  | 'alert_rules'
  | 'invoice';
type Versioned = { version: number };
type Who = { id: string; name: string } | null;

export type { Side };

/** One overlapping edit, as the conflict panel shows it: the two values, worded for the user. */
export type ConflictRow = { id: string; label: string; mine: string; theirs: string };

/** What a merge gives the editor; built by each screen from `domain/merge` with its labels. */
export type MergeOutcome<V> = {
  merged: V;
  /** What the other person changed that is now in the form, in words ("Ville", "ligne Vidange"). */
  theirChanges: string[];
  conflicts: ConflictRow[];
  /** The form once the user has picked a side for each conflict (unpicked ones keep theirs). */
  resolve: (choices: Record<string, Side>) => V;
};

export type Notice = {
  by: string;
  at: string;
  /** What they changed, in words; empty when unknown. */
  changes: string[];
  /** `merged`: their changes were put into the user's unsaved form; `saved`: and it was saved. */
  kind: 'updated' | 'merged' | 'saved';
};

export type PendingConflict<V> = { by: string; at: string; outcome: MergeOutcome<V> };

export type EditableRecordOptions<R extends Versioned, V extends object> = {
  entity: EditableEntity;
  /** The record's id in the change log (`settings`, `alert-rules` for the singletons). */
  id: string;
  /** Checks the `current` record a `stale_version` refusal carries. */
  schema: z.ZodType<R>;
  toValues: (record: R) => V;
  merge: (base: V, mine: V, theirs: V) => MergeOutcome<V>;
  /**
   * Saves what changed between `base` and `values` with `version` (PATCH of the changed fields);
   * rejects with the server's AppError.
   */
  save: (input: { values: V; base: V; version: number; record: R }) => Promise<R>;
  /** Checked before saving; field errors by path (the same schema as the server's). */
  validate?: (values: V) => Record<string, string> | null;
  /** The changes `record` may carry that belong to another record of the entity. */
  accepts?: (change: ChangeOf<EditableEntity>) => boolean;
};

const clone = <T>(value: T): T => structuredClone(unwrap(value));

/**
 * The one way a screen edits a record live (docs/architecture.md, "Versions and merges"):
 * the form's values and the version they started from; a dirty state and a guard against
 * leaving with unsaved edits (in-app links, Back, reload); saves that send the changed fields
 * with `version`; and, when someone else saves meanwhile (seen live, or refused with
 * `stale_version`), a three-way merge against the base the user started from. Edits that do
 * not overlap merge by themselves and the user is told what the other person did; overlapping
 * ones wait in `conflict` for the user to pick, side by side. Nothing is dropped unseen.
 */
export function createEditableRecord<R extends Versioned, V extends object>(
  initial: R,
  options: EditableRecordOptions<R, V>,
) {
  const session = useSession();
  const [record, setRecord] = createSignal<R>(initial);
  const [base, setBase] = createSignal<V>(options.toValues(initial));
  const [values, setValues] = createStore<V>(options.toValues(initial));
  const [isSaving, setSaving] = createSignal(false);
  const [conflict, setConflict] = createSignal<PendingConflict<V> | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saveErrors, setErrors] = createSignal<Record<string, string>>({});
  /**
   * Once a save was refused by the form's own check, the errors follow the typing: a fixed
   * field clears at once, a new mistake shows at once, until a save goes through.
   */
  const [isChecking, setChecking] = createSignal(false);
  const errors = createMemo(() =>
    isChecking() && options.validate ? (options.validate(values) ?? {}) : saveErrors(),
  );
  /** Changes seen while a save is in flight: applied once it settles, in order. */
  let queued: Array<{ record: R; by: Who; at: string }> = [];

  const isDirty = createMemo(() => !isDeepEqual(values, base()));
  const isMine = (by: Who) => by !== null && by.id === session.user()?.id;

  /** The form shows `next` as saved: nothing of the user's is pending. */
  function adopt(next: R): void {
    const nextValues = options.toValues(next);
    batch(() => {
      setRecord(() => next);
      setBase(() => nextValues);
      setValues(reconcile(clone(nextValues)));
      setConflict(null);
      setErrors({});
    });
  }

  /** Another version of the record arrived (live, or in a `stale_version` refusal). */
  function integrate(theirs: R, by: Who, at: string): MergeOutcome<V> | null {
    if (theirs.version <= record().version) return null;
    if (!isDirty()) {
      const changes = options.merge(base(), base(), options.toValues(theirs)).theirChanges;
      adopt(theirs);
      if (!isMine(by)) setNotice({ by: by?.name ?? 'Quelqu’un', at, changes, kind: 'updated' });
      return null;
    }
    const outcome = options.merge(base(), clone(values), options.toValues(theirs));
    batch(() => {
      setRecord(() => theirs);
      setBase(() => options.toValues(theirs));
      setValues(reconcile(clone(outcome.merged)));
      if (outcome.conflicts.length > 0) {
        setConflict({ by: by?.name ?? 'Quelqu’un', at, outcome });
      } else if (!isMine(by)) {
        setNotice({
          by: by?.name ?? 'Quelqu’un',
          at,
          changes: outcome.theirChanges,
          kind: 'merged',
        });
      }
    });
    return outcome;
  }

  useChanges(options.entity, options.id, (change) => {
    if (options.accepts && !options.accepts(change)) return;
    const theirs = options.schema.safeParse(change.data);
    if (!theirs.success) return;
    if (isSaving()) queued.push({ record: theirs.data, by: change.actor, at: change.at });
    else integrate(theirs.data, change.actor, change.at);
  });

  function flushQueue(): void {
    const pending = queued;
    queued = [];
    for (const item of pending) integrate(item.record, item.by, item.at);
  }

  /**
   * Saves the form. A `stale_version` answer merges the other person's version in; when nothing
   * overlaps, the merged form is saved again at once (the user asked to save), and they are told
   * what the other person changed. Returns true once saved.
   */
  async function save(): Promise<boolean> {
    if (conflict() || isSaving()) return false;
    const invalid = options.validate?.(clone(values));
    if (invalid && Object.keys(invalid).length > 0) {
      setChecking(true);
      setError('Certaines informations sont invalides : corrigez les champs en rouge.');
      return false;
    }
    setChecking(false);
    setSaving(true);
    setError(null);
    setErrors({});
    let retried = false;
    try {
      for (;;) {
        const sent = clone(values);
        try {
          const saved = await options.save({
            values: sent,
            base: base(),
            version: record().version,
            record: record(),
          });
          const typedMeanwhile = !isDeepEqual(values, sent);
          if (typedMeanwhile) {
            // Keystrokes made while the save was in flight stay in the form, unsaved.
            const kept = options.merge(sent, clone(values), options.toValues(saved)).merged;
            adopt(saved);
            setValues(reconcile(kept));
          } else {
            adopt(saved);
          }
          if (notice()?.kind === 'merged') setNotice({ ...notice()!, kind: 'saved' });
          return true;
        } catch (caught) {
          const stale = readDetails(caught, 'stale_version');
          const current = stale ? options.schema.safeParse(stale.current) : null;
          if (!stale || !current?.success) throw caught;
          const outcome = integrate(
            current.data,
            stale.changedBy,
            stale.changedAt ?? new Date().toISOString(),
          );
          if (retried || !outcome || outcome.conflicts.length > 0) return false;
          retried = true;
        }
      }
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setError(errorMessage(caught));
      if (!(caught instanceof AppError)) console.error(caught);
      return false;
    } finally {
      setSaving(false);
      flushQueue();
    }
  }

  /** The user picked a side for every overlapping edit: the form takes those values. */
  function resolve(choices: Record<string, Side>): void {
    const pending = conflict();
    if (!pending) return;
    batch(() => {
      setValues(reconcile(clone(pending.outcome.resolve(choices))));
      setConflict(null);
      setNotice({
        by: pending.by,
        at: pending.at,
        changes: pending.outcome.theirChanges,
        kind: 'merged',
      });
    });
  }

  /** Drops the user's edits: the form shows the record as saved. */
  function discard(): void {
    adopt(record());
    setError(null);
  }

  const guard = createLeaveGuard(isDirty);

  return {
    record,
    values,
    setValues,
    base,
    isDirty,
    isSaving,
    save,
    discard,
    conflict,
    resolve,
    notice,
    dismissNotice: () => setNotice(null),
    error,
    setError,
    errors,
    /** The in-app "leave without saving?" question, for `<LeaveGuardDialog>`. */
    guard,
    /** After an action that saved the record another way (a transition): show that version. */
    adopt,
  };
}

export type EditableRecord<R extends Versioned, V extends object> = ReturnType<
  typeof createEditableRecord<R, V>
>;

/**
 * Unsaved edits are not lost by leaving: an in-app link or Back asks first (the screen shows
 * `<LeaveGuardDialog>`), a reload or closing the tab gets the browser's own question.
 */
export function createLeaveGuard(isDirty: () => boolean) {
  const [pending, setPending] = createSignal<(() => void) | null>(null);
  useBeforeLeave((event) => {
    if (event.defaultPrevented || !isDirty()) return;
    event.preventDefault();
    setPending(() => () => event.retry(true));
  });
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!isDirty()) return;
    event.preventDefault();
    // Older browsers need returnValue set to show their prompt.
    event.returnValue = '';
  };
  onMount(() => window.addEventListener('beforeunload', onBeforeUnload));
  onCleanup(() => window.removeEventListener('beforeunload', onBeforeUnload));
  return {
    isAsking: () => pending() !== null,
    /** Leave anyway, dropping the edits. */
    leave: () => {
      const go = pending();
      setPending(null);
      go?.();
    },
    stay: () => setPending(null),
  };
}
