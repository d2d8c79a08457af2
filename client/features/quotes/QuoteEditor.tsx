import { createAsync, useAction } from '@solidjs/router';
import { createMemo, onCleanup, onMount, Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { checkQuoteCompliance } from '../../../domain/quote/compliance';
import { type Quote, QuoteSchema } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { createEditableRecord } from '../../lib/editable-record';
import { usePresence } from '../../lib/presence';
import { useSession } from '../../lib/session';
import { EditorStatus, LeaveGuardDialog, PresenceNote } from '../../ui/Collaboration';
import { showToast } from '../../ui/toast';
import { getClient } from '../clients/clients.api';
import { JobsEditor } from './JobsEditor';
import { QuoteHeader } from './QuoteHeader';
import { QuoteSidePanel } from './QuoteSidePanel';
import { computeDraftTotals, toQuoteDraft, toQuotePatch, validateDraft } from './quote-draft';
import { mergeQuoteDraft } from './quote-merge';
import { updateQuote } from './quotes.api';

/** The quote editor: one editable record (lines, fields), live, merged with the others' saves. */
export function QuoteEditor(props: { initial: Quote; settings: Settings }) {
  const session = useSession();
  const update = useAction(updateQuote);
  const editor = createEditableRecord(props.initial, {
    entity: 'quote',
    id: props.initial.id,
    schema: QuoteSchema,
    toValues: toQuoteDraft,
    merge: mergeQuoteDraft,
    validate: validateDraft,
    save: ({ values, base, version }) =>
      update(props.initial.id, toQuotePatch(base, values, version)),
  });
  const quote = editor.record;
  const draft = editor.values;
  const client = createAsync(() => getClient(quote().clientId));
  const viewers = usePresence('quote', () => props.initial.id, editor.isDirty);
  const isEditable = () => quote().status === 'draft' && canWrite(session.user()?.role);
  const totals = createMemo(() => computeDraftTotals(draft.jobs, quote().vatExempt));
  const compliance = createMemo(() =>
    checkQuoteCompliance({
      settings: props.settings,
      client: {
        name: quote().clientName,
        address: client()?.address ?? { street: null, postalCode: null, city: null },
      },
      quote: { validUntil: draft.fields.validUntil || null, jobs: draft.jobs },
    }),
  );

  async function save() {
    if (await editor.save()) showToast('Devis enregistré.');
  }

  // Ctrl+S saves from anywhere in the editor.
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (isEditable() && editor.isDirty()) void save();
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <div class="quote-editor">
      <QuoteHeader
        quote={quote()}
        settings={props.settings}
        isDirty={editor.isDirty()}
        canSend={compliance().length === 0}
        onChanged={editor.adopt}
        onError={editor.setError}
      />
      <PresenceNote viewers={viewers()} what="ce devis" />
      <EditorStatus editor={editor} what="ce devis" />
      <Show when={quote().status !== 'draft' && editor.isDirty()}>
        <div class="alert alert-warning" role="alert">
          Ce devis n’est plus un brouillon : vos modifications non enregistrées ne peuvent plus y
          être portées. Révisez-le pour les reprendre, ou abandonnez-les.{' '}
          <button type="button" class="btn btn-small" onClick={() => editor.discard()}>
            Abandonner mes modifications
          </button>
        </div>
      </Show>
      <div class="editor-layout">
        <div class="editor-main">
          <JobsEditor
            draft={draft}
            setDraft={editor.setValues}
            totals={totals()}
            settings={props.settings}
            isEditable={isEditable()}
            errors={editor.errors()}
          />
          <Show when={isEditable()}>
            <p class="shortcuts">
              Clavier : <kbd>Tab</kbd> case suivante · <kbd>↑</kbd> <kbd>↓</kbd> ligne précédente /
              suivante · <kbd>Entrée</kbd> ligne suivante (nouvelle ligne en fin de prestation) ·{' '}
              <kbd>Ctrl</kbd>+<kbd>Suppr</kbd> supprimer la ligne · <kbd>Ctrl</kbd>+<kbd>S</kbd>{' '}
              enregistrer
            </p>
          </Show>
        </div>
        <QuoteSidePanel
          quote={quote()}
          draft={draft}
          setDraft={editor.setValues}
          totals={totals()}
          compliance={compliance()}
          errors={editor.errors()}
          isEditable={isEditable()}
          isDirty={editor.isDirty()}
          isSaving={editor.isSaving()}
          hasConflict={editor.conflict() !== null}
          onSave={() => void save()}
        />
      </div>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />
    </div>
  );
}
