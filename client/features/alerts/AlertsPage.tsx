import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { ALERT_SEVERITY_LABELS, type Alert } from '../../../domain/schemas/alert';
import { useSession } from '../../lib/session';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { AlertFilters } from './AlertFilters';
import { AlertItem } from './AlertItem';
import { AlertsHeader } from './AlertsHeader';
import { getColleagues } from './alerts.api';
import { CreateAlertDialog } from './CreateAlertDialog';
import {
  countBySeverity,
  INBOX_LIMIT,
  type InboxView,
  readInboxFilters,
  toInboxQuery,
} from './inbox';
import { createLiveInbox } from './inbox.live';
import { SnoozeDialog } from './SnoozeDialog';
import { useAlertActions } from './use-alert-actions';
import './alerts.css';

const EMPTY: Record<InboxView, string> = {
  todo: 'Rien à traiter pour l’instant.',
  snoozed: 'Aucune alerte reportée.',
  resolved: 'Aucune alerte résolue.',
};

/** One inbox for the whole garage, live on every screen. */
export default function AlertsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams<{
    status?: string;
    kind?: string;
    assignee?: string;
  }>();
  const filters = () => readInboxFilters(params);
  const inbox = createLiveInbox(() => toInboxQuery(filters()));
  // Who alerts can be assigned to: without it the inbox still works (assigning waits).
  const colleagues = createAsync(() =>
    getColleagues().catch((error) => {
      console.warn('Liste des collègues indisponible', error);
      return { items: [] };
    }),
  );
  const actions = useAlertActions(inbox);
  const [snoozing, setSnoozing] = createSignal<Alert | null>(null);
  const [isCreating, setCreating] = createSignal(false);
  const mayWrite = () => canWrite(session.user()?.role);
  const shown = () => inbox.inView(filters().view);
  const counts = () => countBySeverity(inbox.inView('todo'));

  return (
    <div class="page">
      <AlertsHeader inbox={inbox} actions={actions} onCreate={() => setCreating(true)} />

      <Show when={filters().view !== 'resolved' && inbox.isLoaded()}>
        <section class="alerts-counts" aria-label="À traiter, par gravité">
          <For each={['overdue', 'urgent', 'soon'] as const}>
            {(severity) => (
              <span class={`alerts-count alerts-count-${severity}`}>
                <strong>{counts()[severity]}</strong> {ALERT_SEVERITY_LABELS[severity]}
              </span>
            )}
          </For>
        </section>
      </Show>

      <AlertFilters filters={filters()} onChange={(next) => setParams(next)} />
      <Show when={actions.error()}>
        <div class="alert alert-error" role="alert">
          {actions.error()}
        </div>
      </Show>

      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des alertes…" />}>
          <Show when={inbox.data()}>
            <Show when={shown().length > 0} fallback={<EmptyState title={EMPTY[filters().view]} />}>
              <ul class="alerts-list">
                <For each={shown()}>
                  {(alert) => (
                    <AlertItem
                      alert={alert}
                      colleagues={colleagues()?.items ?? []}
                      canWrite={mayWrite()}
                      changedBy={inbox.changedBy(alert.id)}
                      actions={actions}
                      onSnooze={() => setSnoozing(alert)}
                      today={inbox.today()}
                    />
                  )}
                </For>
              </ul>
              <Show when={inbox.items().length >= INBOX_LIMIT}>
                <p class="muted alerts-limit">
                  Seules les {INBOX_LIMIT} premières alertes sont affichées : filtrez par type ou
                  par personne pour voir les autres.
                </p>
              </Show>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>

      <SnoozeDialog
        alert={snoozing()}
        onClose={() => setSnoozing(null)}
        onSnooze={(alert, until) => void actions.snooze(alert, until)}
      />
      <Show when={mayWrite()}>
        <CreateAlertDialog
          open={isCreating()}
          colleagues={colleagues()?.items ?? []}
          onCreated={inbox.put}
          onClose={() => setCreating(false)}
        />
      </Show>
    </div>
  );
}
