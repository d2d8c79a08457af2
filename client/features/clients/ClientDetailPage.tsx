import { A, createAsync, revalidate, useAction, useParams } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  on,
  onCleanup,
  Show,
  Suspense,
} from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { AppError } from '../../../domain/errors';
import type { Client } from '../../../domain/schemas/client';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatDateTime, formatTime } from '../../lib/format';
import { useChanges, useLive } from '../../lib/live';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { NewQuoteDialog } from '../quotes/NewQuoteDialog';
import { QuoteList } from '../quotes/QuoteList';
import { ClientVehicles } from '../vehicles/ClientVehicles';
import { ClientCard } from './ClientCard';
import { ClientForm } from './ClientForm';
import { ConflictPanel } from './ConflictPanel';
import {
  type ClientFormValues,
  reapplyChanges,
  toClientInput,
  toFormValues,
} from './client-values';
import { archiveClient, getClient, restoreClient, updateClient } from './clients.api';

type Conflict = {
  current: Client;
  changedBy: string | null;
  changedAt: string | null;
  /** What was submitted, and what the form started from (to tell my changes from theirs). */
  mine: ClientFormValues;
  base: ClientFormValues;
};
type Editing = { initial: ClientFormValues; version: number };

export default function ClientDetailPage() {
  const params = useParams<{ id: string }>();
  const live = useLive();
  const session = useSession();
  const client = createAsync(() => getClient(params.id));
  const [editing, setEditing] = createSignal<Editing | null>(null);
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const update = useAction(updateClient);
  const archive = useAction(archiveClient);
  const restore = useAction(restoreClient);
  const [changedMeanwhile, setChangedMeanwhile] = createSignal<{ name: string; at: string } | null>(
    null,
  );
  const [isConfirmingArchive, setConfirmingArchive] = createSignal(false);
  const [isCreatingQuote, setCreatingQuote] = createSignal(false);
  const canWrite = () => session.user()?.role !== 'display';

  // Another client opened from the search or the feed: what was being edited was the previous one.
  createEffect(
    on(
      () => params.id,
      () => {
        setEditing(null);
        setConflict(null);
        setChangedMeanwhile(null);
        setErrors({});
        setError(null);
      },
      { defer: true },
    ),
  );

  // Presence: the others see who looks at, or edits, this client.
  let viewedId = params.id;
  createEffect(
    on([() => params.id, () => editing() !== null], ([id, isEditing]) => {
      viewedId = id;
      live.view('client', id, isEditing);
    }),
  );
  onCleanup(() => live.leave('client', viewedId));
  const others = () =>
    live
      .presence()
      .filter((entry) => entry.staffId !== session.user()?.id)
      .flatMap((entry) =>
        entry.views
          .filter((view) => view.entity === 'client' && view.id === params.id)
          .map((view) => ({ name: entry.name, editing: view.editing })),
      );

  useChanges((change) => {
    if (change.entity !== 'client' || change.id !== params.id) return;
    void revalidate(getClient.keyFor(params.id));
    if (change.actor?.id !== session.user()?.id) {
      setChangedMeanwhile({ name: change.actor?.name ?? 'Quelqu’un', at: change.at });
    }
  });

  function startEditing(current: Client, initial = toFormValues(current)) {
    setErrors({});
    setError(null);
    setChangedMeanwhile(null);
    setEditing({ initial, version: current.version });
  }

  async function save(values: ClientFormValues, version: number, base: ClientFormValues) {
    setSubmitting(true);
    setError(null);
    try {
      await update(params.id, { ...toClientInput(values), version });
      setEditing(null);
      setConflict(null);
      setChangedMeanwhile(null);
      showToast('Client enregistré.');
    } catch (caught) {
      if (caught instanceof AppError && caught.code === 'conflict') {
        const details = caught.details as {
          current: Client;
          changedBy: { name: string } | null;
          changedAt: string | null;
        };
        setChangedMeanwhile(null);
        setConflict({
          current: details.current,
          changedBy: details.changedBy?.name ?? null,
          changedAt: details.changedAt,
          mine: values,
          base,
        });
      } else {
        setErrors(fieldErrors(caught));
        setError(errorMessage(caught));
      }
    } finally {
      setSubmitting(false);
    }
  }

  async function toggleArchive(current: Client) {
    try {
      if (current.archivedAt) {
        await restore(current.id);
        showToast('Client restauré.');
      } else {
        await archive(current.id);
        showToast('Client archivé.');
      }
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div class="page page-narrow">
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement du client…" />}>
          <Show when={client()}>
            {(current) => (
              <>
                <header class="page-header">
                  <div>
                    <p class="breadcrumb">
                      <A href="/clients">Clients</A>
                    </p>
                    <h1>
                      {getClientDisplayName(current())}{' '}
                      <Show when={current().archivedAt}>
                        <Badge tone="warning">Archivé</Badge>
                      </Show>
                    </h1>
                    <p class="page-lead">
                      {current().kind === 'business' ? 'Entreprise' : 'Particulier'} · modifié le{' '}
                      {formatDateTime(current().updatedAt)}
                    </p>
                  </div>
                  <Show when={canWrite() && !editing()}>
                    <div class="header-actions">
                      <Button onClick={() => setConfirmingArchive(true)}>
                        {current().archivedAt ? 'Restaurer' : 'Archiver'}
                      </Button>
                      <Button
                        variant="primary"
                        onClick={() => startEditing(current())}
                        disabled={Boolean(current().archivedAt)}
                      >
                        Modifier
                      </Button>
                    </div>
                  </Show>
                </header>

                <Show when={others().length > 0}>
                  <div class="presence-note" role="status">
                    <For each={others()}>
                      {(other) => (
                        <span>
                          {other.name} {other.editing ? 'modifie' : 'consulte'} aussi cette fiche.{' '}
                        </span>
                      )}
                    </For>
                  </div>
                </Show>
                <Show when={!editing() && changedMeanwhile()}>
                  {(meanwhile) => (
                    <div class="presence-note" role="status">
                      Fiche mise à jour par {meanwhile().name} à {formatTime(meanwhile().at)}.
                    </div>
                  )}
                </Show>
                <Show when={error()}>
                  <div class="alert alert-error" role="alert">
                    {error()}
                  </div>
                </Show>

                <Show when={conflict()}>
                  {(state) => (
                    <ConflictPanel
                      changedBy={state().changedBy}
                      changedAt={state().changedAt}
                      theirs={toFormValues(state().current)}
                      mine={state().mine}
                      base={state().base}
                      isSubmitting={isSubmitting()}
                      onTakeTheirs={() => {
                        setConflict(null);
                        startEditing(state().current);
                      }}
                      onReapplyMine={() => {
                        const theirs = toFormValues(state().current);
                        void save(
                          reapplyChanges(theirs, state().mine, state().base),
                          state().current.version,
                          theirs,
                        );
                      }}
                      onCancel={() => {
                        setConflict(null);
                        setEditing(null);
                      }}
                    />
                  )}
                </Show>

                <Show
                  when={!conflict() && editing()}
                  keyed
                  fallback={
                    <Show when={!editing()}>
                      <ClientCard client={current()} />
                    </Show>
                  }
                >
                  {(edit) => (
                    <div class="card">
                      <ClientForm
                        initial={edit.initial}
                        submitLabel="Enregistrer"
                        serverErrors={errors()}
                        isSubmitting={isSubmitting()}
                        onCancel={() => {
                          setEditing(null);
                          setConflict(null);
                        }}
                        onSubmit={(values) => void save(values, edit.version, edit.initial)}
                        notice={
                          <Show when={changedMeanwhile()}>
                            {(meanwhile) => (
                              <div class="alert alert-warning" role="status">
                                {meanwhile().name} a modifié ce client à{' '}
                                {formatTime(meanwhile().at)}. En enregistrant, vous verrez ses
                                changements à côté des vôtres.
                              </div>
                            )}
                          </Show>
                        }
                      />
                    </div>
                  )}
                </Show>

                <Show when={!editing()}>
                  <ClientVehicles
                    clientId={current().id}
                    clientName={getClientDisplayName(current())}
                    canAdd={canWrite() && !current().archivedAt}
                  />
                  <section class="card">
                    <div class="section-header">
                      <h2>Devis</h2>
                      <Show when={canWrite() && !current().archivedAt}>
                        <Button onClick={() => setCreatingQuote(true)}>Nouveau devis</Button>
                      </Show>
                    </div>
                    <QuoteList
                      filters={{ clientId: current().id }}
                      empty="Aucun devis pour ce client."
                    />
                  </section>
                  <NewQuoteDialog
                    open={isCreatingQuote()}
                    onClose={() => setCreatingQuote(false)}
                    clientId={current().id}
                  />
                </Show>

                <ConfirmDialog
                  open={isConfirmingArchive()}
                  title={current().archivedAt ? 'Restaurer ce client ?' : 'Archiver ce client ?'}
                  message={
                    current().archivedAt
                      ? 'Il réapparaîtra dans la liste des clients.'
                      : 'Il disparaîtra de la liste des clients ; son historique est conservé et il peut être restauré.'
                  }
                  confirmLabel={current().archivedAt ? 'Restaurer' : 'Archiver'}
                  tone={current().archivedAt ? 'primary' : 'danger'}
                  onConfirm={() => void toggleArchive(current())}
                  onClose={() => setConfirmingArchive(false)}
                />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
