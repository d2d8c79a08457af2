import { useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { canAdminister } from '../../../domain/access';
import { type Settings, SettingsSchema } from '../../../domain/schemas/settings';
import { createEditableRecord } from '../../lib/editable-record';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { EditorStatus, LeaveGuardDialog } from '../../ui/Collaboration';
import { ConfirmDialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { AccountingSection } from './AccountingSection';
import { CompanySection } from './CompanySection';
import { LabourRatesSection } from './LabourRatesSection';
import { PackagesSection } from './PackagesSection';
import { QuotingSection } from './QuotingSection';
import { patchSettings, SETTINGS_ID } from './settings.api';
import { mergeSettingsValues } from './settings-merge';
import { toSettingsPatch, toSettingsValues, validateSettingsValues } from './settings-values';

/**
 * The settings as one editable record (entity `settings`, id `settings`): a change of any other
 * entity or id never reaches this form, and one whose data is not settings is dropped by the
 * schema, so the alert rules saved elsewhere cannot empty it. Saving sends the changed fields;
 * another admin's save meanwhile is merged in, field by field, rate by rate, package by package.
 */
export function SettingsEditor(props: { initial: Settings }) {
  const session = useSession();
  const patch = useAction(patchSettings);
  const [isConfirmingDiscard, setConfirmingDiscard] = createSignal(false);
  const editor = createEditableRecord(props.initial, {
    entity: 'settings',
    id: SETTINGS_ID,
    schema: SettingsSchema,
    toValues: toSettingsValues,
    merge: mergeSettingsValues,
    validate: validateSettingsValues,
    save: ({ values, base, version }) => patch(toSettingsPatch(base, values, version)),
  });
  const isAdmin = () => canAdminister(session.user()?.role);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!isAdmin()) return;
    const isSaved = await editor.save();
    if (isSaved) showToast('Paramètres enregistrés.');
  }

  return (
    <>
      <form class="settings-form" onSubmit={submit} noValidate>
        <header class="page-header">
          <div>
            <h1>Paramètres du garage</h1>
            <p class="page-lead">
              Ce qui s’imprime sur les devis.{' '}
              {editor.record().version === 0
                ? 'Jamais enregistrés : ce sont les valeurs par défaut.'
                : `Dernière modification le ${formatDateTime(editor.record().updatedAt)}.`}
              <Show when={!isAdmin()}> Seul un administrateur peut les modifier.</Show>
            </p>
          </div>
          <Show when={isAdmin()}>
            <div class="header-actions">
              <Show when={editor.isDirty()}>
                <Button onClick={() => setConfirmingDiscard(true)}>
                  Annuler les modifications
                </Button>
              </Show>
              <Button
                type="submit"
                variant="primary"
                isLoading={editor.isSaving()}
                disabled={!editor.isDirty() || editor.conflict() !== null}
              >
                {editor.isDirty() ? 'Enregistrer' : 'Enregistré'}
              </Button>
            </div>
          </Show>
        </header>
        <EditorStatus editor={editor} what="les paramètres" />
        <CompanySection
          values={editor.values}
          setValues={editor.setValues}
          errors={editor.errors()}
          isEditable={isAdmin()}
        />
        <QuotingSection
          values={editor.values}
          setValues={editor.setValues}
          errors={editor.errors()}
          isEditable={isAdmin()}
        />
        <LabourRatesSection
          values={editor.values}
          setValues={editor.setValues}
          errors={editor.errors()}
          isEditable={isAdmin()}
        />
        <PackagesSection
          values={editor.values}
          setValues={editor.setValues}
          errors={editor.errors()}
          isEditable={isAdmin()}
        />
        <AccountingSection
          values={editor.values}
          setValues={editor.setValues}
          errors={editor.errors()}
          isEditable={isAdmin()}
        />
      </form>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />
      <ConfirmDialog
        open={isConfirmingDiscard()}
        title="Annuler vos modifications ?"
        message="Les paramètres reviennent à leur dernière version enregistrée."
        confirmLabel="Annuler mes modifications"
        cancelLabel="Continuer la saisie"
        onConfirm={() => editor.discard()}
        onClose={() => setConfirmingDiscard(false)}
      />
    </>
  );
}
