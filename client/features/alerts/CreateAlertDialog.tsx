import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { todayInParis } from '../../../domain/dates';
import type { Alert } from '../../../domain/schemas/alert';
import { errorMessage, fieldErrors } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { ClientPicker } from '../clients/ClientPicker';
import { createAlert } from './alerts.api';

/**
 * "Nouveau rappel" on a client. What is typed stays when the dialog is closed without creating
 * (Escape, Annuler) and when the server refuses: it is cleared only once the reminder exists.
 */
export function CreateAlertDialog(props: {
  open: boolean;
  colleagues: Array<{ id: string; name: string }>;
  onCreated: (alert: Alert) => void;
  onClose: () => void;
}) {
  const create = useAction(createAlert);
  const [client, setClient] = createSignal<{ id: string; name: string } | null>(null);
  const [title, setTitle] = createSignal('');
  const [dueDate, setDueDate] = createSignal(todayInParis(new Date()));
  const [assignee, setAssignee] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [isBusy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const subject = client();
    if (!subject || !title().trim()) {
      setError('Choisissez un client et saisissez l’objet du rappel.');
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      props.onCreated(
        await create({
          subjectType: 'client',
          subjectId: subject.id,
          title: title(),
          dueDate: dueDate(),
          assigneeId: assignee() || null,
        }),
      );
      showToast('Rappel créé.');
      setTitle('');
      setClient(null);
      setAssignee('');
      setDueDate(todayInParis(new Date()));
      props.onClose();
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} title="Nouveau rappel" onClose={props.onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <Show
          when={client()}
          fallback={
            <ClientPicker
              id="alert-client"
              label="Client"
              onPick={(picked) => setClient({ id: picked.id, name: getClientDisplayName(picked) })}
            />
          }
        >
          {(picked) => (
            <p>
              Client : <strong>{picked().name}</strong>{' '}
              <button type="button" class="btn btn-ghost" onClick={() => setClient(null)}>
                Changer
              </button>
            </p>
          )}
        </Show>
        <Field label="Objet" for="alert-title" error={errors().title}>
          <input
            id="alert-title"
            value={title()}
            placeholder="Rappeler pour les pneus hiver"
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </Field>
        <div class="form-row">
          <Field label="Échéance" for="alert-due" error={errors().dueDate}>
            <input
              id="alert-due"
              type="date"
              value={dueDate()}
              onInput={(event) => setDueDate(event.currentTarget.value)}
            />
          </Field>
          <Field label="Assignée à" for="alert-assignee" error={errors().assigneeId}>
            <select
              id="alert-assignee"
              onChange={(event) => setAssignee(event.currentTarget.value)}
            >
              <option value="">Personne</option>
              <For each={props.colleagues}>
                {(colleague) => (
                  <option value={colleague.id} selected={colleague.id === assignee()}>
                    {colleague.name}
                  </option>
                )}
              </For>
            </select>
          </Field>
        </div>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={isBusy()}>
            Créer le rappel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
