import { createSignal, For, Show } from 'solid-js';
import type { Notice, PendingConflict, Side } from '../lib/editable-record';
import { formatTime } from '../lib/format';
import type { Viewer } from '../lib/presence';
import { Button } from './Button';
import { Dialog } from './Dialog';

/** "Paul Martin consulte aussi ce devis." — who else is on this record, and whether typing. */
export function PresenceNote(props: { viewers: Viewer[]; what: string }) {
  return (
    <Show when={props.viewers.length > 0}>
      <div class="presence-note" role="status">
        <For each={props.viewers}>
          {(viewer) => (
            <span class="presence-person">
              <span
                class={`presence-dot ${viewer.isEditing ? 'editing' : ''}`}
                aria-hidden="true"
              />
              {viewer.name} {viewer.isEditing ? 'modifie' : 'consulte'} {props.what}.{' '}
            </span>
          )}
        </For>
      </div>
    </Show>
  );
}

function listChanges(changes: string[]): string {
  if (changes.length === 0) return '';
  const shown = changes.slice(0, 6);
  const more = changes.length - shown.length;
  return ` : ${shown.join(', ')}${more > 0 ? ` et ${more} autre(s)` : ''}`;
}

/** What the other person did, once it is in the form (or on screen). */
export function MergeNotice(props: { notice: Notice | null; what: string; onDismiss: () => void }) {
  return (
    <Show when={props.notice}>
      {(notice) => (
        <div
          class={`alert ${notice().kind === 'updated' ? 'alert-info' : 'alert-warning'} merge-notice`}
          role="status"
        >
          <span>
            <strong>{notice().by}</strong> a modifié {props.what} à {formatTime(notice().at)}
            {listChanges(notice().changes)}.{' '}
            {notice().kind === 'merged'
              ? 'Ses changements sont repris dans votre saisie, qui reste à enregistrer.'
              : notice().kind === 'saved'
                ? 'Vos modifications ont été enregistrées avec les siennes.'
                : ''}
          </span>
          <button
            type="button"
            class="btn btn-ghost btn-small"
            aria-label="Fermer"
            onClick={() => props.onDismiss()}
          >
            ×
          </button>
        </div>
      )}
    </Show>
  );
}

/**
 * Overlapping edits, side by side: for each, the other person's value and the user's, and the
 * user picks. Nothing is applied before every row has a side.
 */
export function ConflictPanel<V>(props: {
  conflict: PendingConflict<V>;
  what: string;
  onResolve: (choices: Record<string, Side>) => void;
}) {
  const [choices, setChoices] = createSignal<Record<string, Side>>({});
  const rows = () => props.conflict.outcome.conflicts;
  const isComplete = () => rows().every((row) => choices()[row.id] !== undefined);
  const pickAll = (side: Side) =>
    setChoices(Object.fromEntries(rows().map((row) => [row.id, side])));
  return (
    <section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">
        {props.conflict.by} a modifié {props.what} à {formatTime(props.conflict.at)}
      </h2>
      <p>
        Vous avez tous deux changé{' '}
        {rows().length > 1 ? `les ${rows().length} éléments ci-dessous` : 'l’élément ci-dessous'}.
        Choisissez pour chacun la version à garder ; le reste de ses changements et des vôtres est
        déjà fusionné.
      </p>
      <div class="table-wrap">
        <table class="table conflict-table">
          <thead>
            <tr>
              <th scope="col">Élément</th>
              <th scope="col">Sa version ({props.conflict.by})</th>
              <th scope="col">Votre saisie</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr data-conflict={row.id}>
                  <th scope="row">{row.label}</th>
                  <For each={['theirs', 'mine'] as const}>
                    {(side) => (
                      <td classList={{ 'conflict-kept': choices()[row.id] === side }}>
                        <label class="conflict-choice">
                          <input
                            type="radio"
                            name={`conflict-${row.id}`}
                            checked={choices()[row.id] === side}
                            onChange={() =>
                              setChoices((current) => ({ ...current, [row.id]: side }))
                            }
                          />
                          <span>{side === 'theirs' ? row.theirs : row.mine}</span>
                        </label>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="form-actions">
        <Button variant="ghost" onClick={() => pickAll('theirs')}>
          Tout reprendre de sa version
        </Button>
        <Button variant="ghost" onClick={() => pickAll('mine')}>
          Tout garder de ma saisie
        </Button>
        <Button
          variant="primary"
          disabled={!isComplete()}
          title={isComplete() ? undefined : 'Choisissez une version pour chaque ligne.'}
          onClick={() => props.onResolve(choices())}
        >
          Appliquer mes choix
        </Button>
      </div>
    </section>
  );
}

/**
 * What an editor says above its form, the same on every screen: what the others changed, the
 * save's error, and the overlapping edits to pick from.
 */
export function EditorStatus<V>(props: {
  editor: {
    notice: () => Notice | null;
    dismissNotice: () => void;
    error: () => string | null;
    conflict: () => PendingConflict<V> | null;
    resolve: (choices: Record<string, Side>) => void;
  };
  /** The record, as the sentences name it: "ce client", "les paramètres". */
  what: string;
}) {
  return (
    <>
      <MergeNotice
        notice={props.editor.notice()}
        what={props.what}
        onDismiss={props.editor.dismissNotice}
      />
      <Show when={props.editor.error()}>
        <div class="alert alert-error" role="alert">
          {props.editor.error()}
        </div>
      </Show>
      <Show when={props.editor.conflict()}>
        {(conflict) => (
          <ConflictPanel conflict={conflict()} what={props.what} onResolve={props.editor.resolve} />
        )}
      </Show>
    </>
  );
}

/** "Quitter sans enregistrer ?" when a link or Back would drop unsaved edits. */
export function LeaveGuardDialog(props: {
  guard: { isAsking: () => boolean; leave: () => void; stay: () => void };
  onSave?: () => Promise<boolean>;
}) {
  const [isSaving, setSaving] = createSignal(false);
  return (
    <Dialog
      open={props.guard.isAsking()}
      title="Modifications non enregistrées"
      onClose={() => props.guard.stay()}
    >
      <p>Vos modifications ne sont pas enregistrées. Les quitter maintenant les perdrait.</p>
      <div class="dialog-actions">
        <Button onClick={() => props.guard.stay()}>Rester sur la page</Button>
        <Button variant="danger" onClick={() => props.guard.leave()}>
          Quitter sans enregistrer
        </Button>
        <Show when={props.onSave}>
          {(onSave) => (
            <Button
              variant="primary"
              isLoading={isSaving()}
              onClick={async () => {
                setSaving(true);
                const isSaved = await onSave()().finally(() => setSaving(false));
                if (isSaved) props.guard.leave();
                else props.guard.stay();
              }}
            >
              Enregistrer et quitter
            </Button>
          )}
        </Show>
      </div>
    </Dialog>
  );
}
