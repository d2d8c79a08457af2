import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, For, on, onCleanup, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import {
  ALERT_KIND_LABELS,
  ALERT_SEVERITY_LABELS,
  type Alert,
} from '../../../domain/schemas/alert';
import type { Live } from '../../lib/live';
import { getWallAlerts } from '../alerts/alerts.api';
import { viewOf } from '../alerts/inbox';

const SHOWN = 8;
/** A burst of alert changes (the check) is read once, after it. */
const SETTLE_MS = 300;

/**
 * "À traiter aujourd'hui": the alerts to deal with now, snoozed ones aside until their date.
 * The wall gets the feed, not the records: an alert entry in it (or a reconnect, after which
 * some may have been missed) reads the list again.
 */
export function WallAlerts(props: { live: Live; now: Date }) {
  // A failed read keeps what is shown: the wall never shows an error, it tries again later.
  const alerts = createAsync<Alert[]>((previous) => getWallAlerts().catch(() => previous), {
    initialValue: [],
  });
  const today = () => todayInParis(props.now);
  const toDo = () =>
    alerts()
      .filter((alert) => viewOf(alert, today()) === 'todo')
      .slice(0, SHOWN);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void revalidate(getWallAlerts.key), SETTLE_MS);
  };
  let lastSeq = -1;
  createEffect(
    on(props.live.recent, (entries) => {
      const fresh = entries.filter((entry) => entry.seq > lastSeq);
      lastSeq = Math.max(lastSeq, ...entries.map((entry) => entry.seq));
      if (fresh.some((entry) => entry.entity === 'alert' || entry.entity === 'alert_batch')) {
        refresh();
      }
    }),
  );
  props.live.socket.on('connect', refresh);
  onCleanup(() => {
    props.live.socket.off('connect', refresh);
    clearTimeout(timer);
  });

  return (
    <section class="wall-panel">
      <h2>À traiter aujourd’hui</h2>
      <Show when={toDo().length > 0} fallback={<p class="wall-muted">Aucune alerte.</p>}>
        <ul class="wall-list">
          <For each={toDo()}>
            {(alert) => (
              <li class={`wall-alert wall-alert-${alert.severity}`}>
                <span class="wall-tag">{ALERT_SEVERITY_LABELS[alert.severity]}</span>
                <span>
                  {ALERT_KIND_LABELS[alert.kind]} — {alert.subject.label}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
