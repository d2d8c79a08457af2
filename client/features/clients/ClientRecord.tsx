import { A, useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { type Client, ClientSchema } from '../../../domain/schemas/client';
import { errorMessage } from '../../lib/api';
import { createEditableRecord } from '../../lib/editable-record';
import { formatDateTime } from '../../lib/format';
import { usePresence } from '../../lib/presence';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { EditorStatus, LeaveGuardDialog, PresenceNote } from '../../ui/Collaboration';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { ClientCard } from './ClientCard';
import { ClientForm } from './ClientForm';
import { ClientRelated } from './ClientRelated';
import { mergeClientValues, toClientPatch, toFormValues } from './client-values';
import { archiveClient, restoreClient, updateClient } from './clients.api';

/** One client: the card, or the form while editing, live, with what the others do to it. */
export function ClientRecord(props: { initial: Client }) {
  const session = useSession();
  const update = useAction(updateClient);
  const archive = useAction(archiveClient);
  const restore = useAction(restoreClient);
  const [isEditing, setEditing] = createSignal(false);
  const [isConfirmingArchive, setConfirmingArchive] = createSignal(false);
  const editor = createEditableRecord(props.initial, {
    entity: 'client',
    id: props.initial.id,
    schema: ClientSchema,
    toValues: toFormValues,
    merge: mergeClientValues,
    save: ({ values, base, version }) =>
      update(props.initial.id, { ...toClientPatch(base, values), version }),
  });
  const client = editor.record;
  const viewers = usePresence('client', () => props.initial.id, isEditing);
  const mayWrite = () => canWrite(session.user()?.role);

  async function save() {
    if (await editor.save()) {
      setEditing(false);
      showToast('Client enregistré.');
    }
  }

  function stopEditing() {
    editor.discard();
    setEditing(false);
  }

  async function toggleArchive() {
    try {
      if (client().archivedAt) {
        editor.adopt(await restore(client().id));
        showToast('Client restauré.');
      } else {
        editor.adopt(await archive(client().id));
        showToast('Client archivé.');
      }
    } catch (caught) {
      editor.setError(errorMessage(caught));
    }
  }

  return (
    <>
      <header class="page-header">
        <div>
          <p class="breadcrumb">
            <A href="/clients">Clients</A>
          </p>
          <h1>
            {getClientDisplayName(client())}{' '}
            <Show when={client().archivedAt}>
              <Badge tone="warning">Archivé</Badge>
            </Show>
          </h1>
          <p class="page-lead">
            {client().kind === 'business' ? 'Entreprise' : 'Particulier'} · modifié le{' '}
            {formatDateTime(client().updatedAt)}
          </p>
        </div>
        <Show when={mayWrite() && !isEditing()}>
          <div class="header-actions">
            <Button onClick={() => setConfirmingArchive(true)}>
              {client().archivedAt ? 'Restaurer' : 'Archiver'}
            </Button>
            <Button
              variant="primary"
              onClick={() => setEditing(true)}
              disabled={Boolean(client().archivedAt)}
            >
              Modifier
            </Button>
          </div>
        </Show>
      </header>

      <PresenceNote viewers={viewers()} what="cette fiche" />
      <EditorStatus editor={editor} what="ce client" />

      <Show when={isEditing()} fallback={<ClientCard client={client()} />}>
        <div class="card">
          <ClientForm
            values={editor.values}
            setValues={editor.setValues}
            isDirty={editor.isDirty()}
            submitLabel="Enregistrer"
            serverErrors={editor.errors()}
            isSubmitting={editor.isSaving()}
            onCancel={stopEditing}
            onSubmit={() => void save()}
          />
        </div>
      </Show>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />

      <Show when={!isEditing()}>
        <ClientRelated client={client()} canAdd={mayWrite() && !client().archivedAt} />
      </Show>

      <ConfirmDialog
        open={isConfirmingArchive()}
        title={client().archivedAt ? 'Restaurer ce client ?' : 'Archiver ce client ?'}
        message={
          client().archivedAt
            ? 'Il réapparaîtra dans la liste des clients.'
            : 'Il disparaîtra de la liste des clients ; son historique est conservé et il peut être restauré.'
        }
        confirmLabel={client().archivedAt ? 'Restaurer' : 'Archiver'}
        tone={client().archivedAt ? 'primary' : 'danger'}
        onConfirm={() => void toggleArchive()}
        onClose={() => setConfirmingArchive(false)}
      />
    </>
  );
}
