import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { revalidateSoon, useChanges } from '../../lib/live';
import { getInbox } from '../alerts/alerts.api';
import '../alerts/alerts.css';

/** "Alertes" in the navigation, with the number that cannot wait (overdue + urgent), live. */
export function AlertsNavLink() {
  const inbox = createAsync(() => getInbox({ status: 'active' }));
  useChanges((change) => {
    if (change.entity === 'alert') revalidateSoon(getInbox.key);
  });
  const pressing = () => (inbox() ? inbox()!.counts.overdue + inbox()!.counts.urgent : 0);
  return (
    <A href="/alerts" activeClass="active">
      Alertes
      <Show when={pressing() > 0}>
        <span class="nav-badge" title="Alertes urgentes ou en retard">
          {pressing()}
        </span>
      </Show>
    </A>
  );
}
