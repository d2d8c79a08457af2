import { A, createAsync, query, useSearchParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import type { AlertSeverity } from '../../../domain/alerts/rules';
import {
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  ALERT_SEVERITY_LABELS,
  ALERT_STATUS_LABELS,
  type Alert,
  type AlertKind,
} from '../../../domain/schemas/alert';
import { errorMessage, get } from '../../lib/api';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { revalidateSoon, useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Badge, EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { ClientPicker } from '../clients/ClientPicker';
import {
  acknowledgeAlert,
  assignAlert,
  createAlert,
  getInbox,
  type InboxFilters,
  resolveAlert,
  runCheck,
  snoozeAlert,
} from './alerts.api';
import './alerts.css';

export const SEVERITY_TONES: Record<AlertSeverity, 'info' | 'warning' | 'danger'> = {
  soon: 'info',
  urgent: 'warning',
  overdue: 'danger',
};

const getColleagues = query(
  () => get<{ items: Array<{ id: string; name: string }> }>('/staff/directory'),
  'colleagues',
);
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

function subjectLink(alert: Alert): string {
  if (alert.subject.type === 'quote') return `/quotes/${alert.subject.id}`;
  if (alert.subject.type === 'vehicle') return `/vehicles/${alert.subject.id}`;
  return `/clients/${alert.subject.id}`;
}

/** One inbox for the whole garage, live on every screen. */
export default function AlertsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams<{
    status?: string;
    kind?: string;
    assignee?: string;
  }>();
  const filters = (): InboxFilters => ({
    status: params.status === 'resolved' ? 'resolved' : 'active',
    kind: (params.kind || undefined) as AlertKind | undefined,
    assignee: params.assignee || undefined,
  });
  const inbox = createAsync(() => getInbox(filters()));
  const colleagues = createAsync(() => getColleagues());
  const [snoozing, setSnoozing] = createSignal<Alert | null>(null);
  const [isCreating, setCreating] = createSignal(false);
  const [isChecking, setChecking] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const canWrite = () => session.user()?.role !== 'display';

  useChanges((change) => {
    if (change.entity === 'alert') revalidateSoon(getInbox.key);
  });

  async function act(action: () => Promise<unknown>, success: string) {
    setError(null);
    try {
      await action();
      showToast(success);
      revalidateSoon(getInbox.key, 0);
    } catch (caught) {
      setError(errorMessage(caught));
      revalidateSoon(getInbox.key, 0);
    }
  }

  async function checkNow() {
    setChecking(true);
    try {
      const { ran, summary } = await runCheck();
      showToast(
        ran && summary
          ? `Vérification faite : ${summary.created} nouvelle(s), ${summary.resolved} résolue(s).`
          : 'Une vérification est déjà en cours sur un autre poste.',
        'info',
      );
      revalidateSoon(getInbox.key, 0);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setChecking(false);
    }
  }

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1>Alertes</h1>
          <Show when={inbox()}>
            {(loaded) => (
              <p class="page-lead">
                <Show when={loaded().schedule.lastRun} fallback="Aucune vérification encore.">
                  {(run) => (
                    <>
                      Dernière vérification le {formatDateTime(run().finishedAt ?? run().startedAt)}
                    </>
                  )}
                </Show>
                <Show when={loaded().schedule.nextRuns[0]}>
                  {(next) => <> · prochaine le {formatDateTime(next())}</>}
                </Show>
              </p>
            )}
          </Show>
        </div>
        <div class="header-actions">
          <Show when={session.user()?.role === 'admin'}>
            <Button isLoading={isChecking()} onClick={() => void checkNow()}>
              Vérifier maintenant
            </Button>
          </Show>
          <Show when={canWrite()}>
            <Button variant="primary" onClick={() => setCreating(true)}>
              Nouveau rappel
            </Button>
          </Show>
        </div>
      </header>

      <Show when={inbox()}>
        {(loaded) => (
          <section class="severity-counts" aria-label="Alertes actives par gravité">
            <For each={['overdue', 'urgent', 'soon'] as const}>
              {(severity) => (
                <span class={`severity-count severity-${severity}`}>
                  <strong>{loaded().counts[severity]}</strong> {ALERT_SEVERITY_LABELS[severity]}
                </span>
              )}
            </For>
          </section>
        )}
      </Show>

      <div class="toolbar">
        <select
          aria-label="Statut"
          onChange={(event) => setParams({ status: event.currentTarget.value || undefined })}
        >
          <option value="" selected={params.status !== 'resolved'}>
            À traiter
          </option>
          <option value="resolved" selected={params.status === 'resolved'}>
            Résolues
          </option>
        </select>
        <select
          aria-label="Type d’alerte"
          onChange={(event) => setParams({ kind: event.currentTarget.value || undefined })}
        >
          <option value="">Tous les types</option>
          <For each={ALERT_KINDS}>
            {(kind) => (
              <option value={kind} selected={params.kind === kind}>
                {ALERT_KIND_LABELS[kind]}
              </option>
            )}
          </For>
        </select>
        <select
          aria-label="Assignée à"
          onChange={(event) => setParams({ assignee: event.currentTarget.value || undefined })}
        >
          <option value="">Toute l’équipe</option>
          <option value="me" selected={params.assignee === 'me'}>
            Moi
          </option>
          <option value="none" selected={params.assignee === 'none'}>
            Personne
          </option>
        </select>
      </div>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>

      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des alertes…" />}>
          <Show
            when={(inbox()?.items.length ?? 0) > 0}
            fallback={<EmptyState title="Rien à traiter pour l’instant." />}
          >
            <ul class="alert-list">
              <For each={inbox()?.items}>
                {(alert) => (
                  <li class={`alert-item alert-item-${alert.severity}`} data-testid="alert-item">
                    <div class="alert-main">
                      <div class="alert-tags">
                        <Badge tone={SEVERITY_TONES[alert.severity]}>
                          {ALERT_SEVERITY_LABELS[alert.severity]}
                        </Badge>
                        <span class="alert-kind">{ALERT_KIND_LABELS[alert.kind]}</span>
                        <Show when={alert.status !== 'open'}>
                          <span class="muted">
                            · {ALERT_STATUS_LABELS[alert.status]}
                            <Show when={alert.snoozedUntil}>
                              {' '}
                              jusqu’au {formatCalendarDate(alert.snoozedUntil)}
                            </Show>
                          </span>
                        </Show>
                      </div>
                      <p class="alert-title">
                        {alert.title} — <A href={subjectLink(alert)}>{alert.subject.label}</A>
                      </p>
                      <p class="alert-detail">
                        Échéance {formatCalendarDate(alert.dueDate)}
                        <Show when={alert.detail}> · {alert.detail}</Show>
                      </p>
                    </div>
                    <Show when={canWrite() && alert.status !== 'resolved'}>
                      <div class="alert-actions">
                        <select
                          aria-label={`Assigner « ${alert.title} »`}
                          onChange={(event) =>
                            void act(
                              () => assignAlert(alert, event.currentTarget.value || null),
                              'Alerte assignée.',
                            )
                          }
                        >
                          <option value="">Non assignée</option>
                          <For each={colleagues()?.items}>
                            {(colleague) => (
                              <option
                                value={colleague.id}
                                selected={colleague.id === alert.assigneeId}
                              >
                                {colleague.name}
                              </option>
                            )}
                          </For>
                        </select>
                        <Show when={alert.status === 'open'}>
                          <Button
                            onClick={() =>
                              void act(() => acknowledgeAlert(alert), 'Alerte prise en compte.')
                            }
                          >
                            Vu
                          </Button>
                        </Show>
                        <Button onClick={() => setSnoozing(alert)}>Reporter</Button>
                        <Button
                          variant="primary"
                          onClick={() => void act(() => resolveAlert(alert), 'Alerte résolue.')}
                        >
                          Résoudre
                        </Button>
                      </div>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Suspense>
      </ErrorBoundary>

      <SnoozeDialog
        alert={snoozing()}
        onClose={() => setSnoozing(null)}
        onSnooze={(alert, until) =>
          void act(() => snoozeAlert(alert, until), `Reportée au ${formatCalendarDate(until)}.`)
        }
      />
      <CreateAlertDialog
        open={isCreating()}
        colleagues={colleagues()?.items ?? []}
        onClose={() => setCreating(false)}
      />
    </div>
  );
}

function SnoozeDialog(props: {
  alert: Alert | null;
  onClose: () => void;
  onSnooze: (alert: Alert, until: string) => void;
}) {
  const [until, setUntil] = createSignal('');
  return (
    <Dialog open={props.alert !== null} title="Reporter l’alerte" onClose={props.onClose}>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.alert || !until()) return;
          props.onSnooze(props.alert, until());
          props.onClose();
        }}
      >
        <Field label="Jusqu’au" for="snooze-until" hint="Elle reviendra « à traiter » ce jour-là.">
          <input
            id="snooze-until"
            type="date"
            min={today()}
            value={until()}
            onInput={(event) => setUntil(event.currentTarget.value)}
          />
        </Field>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" disabled={!until() || until() <= today()}>
            Reporter
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function CreateAlertDialog(props: {
  open: boolean;
  colleagues: Array<{ id: string; name: string }>;
  onClose: () => void;
}) {
  const [client, setClient] = createSignal<{ id: string; name: string } | null>(null);
  const [title, setTitle] = createSignal('');
  const [dueDate, setDueDate] = createSignal(today());
  const [assignee, setAssignee] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const subject = client();
    if (!subject || !title().trim()) {
      setError('Choisissez un client et saisissez l’objet du rappel.');
      return;
    }
    setBusy(true);
    try {
      await createAlert({
        subjectType: 'client',
        subjectId: subject.id,
        title: title(),
        dueDate: dueDate(),
        assigneeId: assignee() || null,
      });
      showToast('Rappel créé.');
      setTitle('');
      setClient(null);
      props.onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} title="Nouveau rappel" onClose={props.onClose}>
      <form class="form" onSubmit={submit}>
        <Show when={error()}>
          <div class="alert alert-error">{error()}</div>
        </Show>
        <Show
          when={client()}
          fallback={
            <ClientPicker
              id="alert-client"
              label="Client"
              onPick={(picked) =>
                setClient({ id: picked.id, name: picked.lastName ?? picked.companyName ?? '' })
              }
            />
          }
        >
          <p>
            Client : <strong>{client()!.name}</strong>{' '}
            <button type="button" class="btn btn-ghost" onClick={() => setClient(null)}>
              Changer
            </button>
          </p>
        </Show>
        <Field label="Objet" for="alert-title">
          <input
            id="alert-title"
            value={title()}
            placeholder="Rappeler pour les pneus hiver"
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </Field>
        <div class="form-row">
          <Field label="Échéance" for="alert-due">
            <input
              id="alert-due"
              type="date"
              value={dueDate()}
              onInput={(event) => setDueDate(event.currentTarget.value)}
            />
          </Field>
          <Field label="Assignée à" for="alert-assignee">
            <select
              id="alert-assignee"
              onChange={(event) => setAssignee(event.currentTarget.value)}
            >
              <option value="">Personne</option>
              <For each={props.colleagues}>
                {(colleague) => <option value={colleague.id}>{colleague.name}</option>}
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
