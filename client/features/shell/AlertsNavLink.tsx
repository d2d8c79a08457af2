import { A } from '@solidjs/router';
import { ErrorBoundary, onCleanup, Show } from 'solid-js';
import { countPressing } from '../alerts/inbox';
import { createLiveInbox } from '../alerts/inbox.live';
import '../alerts/alerts.css';

/** "Alertes" with the number that cannot wait (overdue + urgent, to deal with today), live. */
function PressingCount() {
  // The inbox page's own query without filters: one answer for both.
  const inbox = createLiveInbox(() => ({ status: 'active' }));
  const pressing = () => countPressing(inbox.items(), inbox.today());
  return (
    <Show when={pressing() > 0}>
      <span class="alerts-nav-badge" title="Alertes urgentes ou en retard">
        {pressing()}
      </span>
    </Show>
  );
}

const RETRY_MS = 30_000;

/** Nothing shown; the count is tried again a little later (the server may be restarting). */
function RetryLater(props: { retry: () => void }) {
  const timer = setTimeout(() => props.retry(), RETRY_MS);
  onCleanup(() => clearTimeout(timer));
  return null;
}

export function AlertsNavLink() {
  return (
    <A href="/alerts" activeClass="active">
      Alertes
      {/* The count is a hint: if it cannot be read, the link is still there. */}
      <ErrorBoundary fallback={(_, reset) => <RetryLater retry={reset} />}>
        <PressingCount />
      </ErrorBoundary>
    </A>
  );
}
