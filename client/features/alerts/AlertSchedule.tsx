import { createAsync, revalidate } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { formatDateTime } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { ALERT_RULES_ID, getAlertSchedule } from './alert-rules.api';

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The check's last run and next three, as the server computes them from the saved schedule.
 * A rules change does not carry them: it is what makes this read them again.
 */
export function AlertSchedule() {
  const schedule = createAsync(() => getAlertSchedule());
  useChanges('alert_rules', ALERT_RULES_ID, () => void revalidate(getAlertSchedule.key));
  return (
    <ErrorBoundary fallback={<p class="muted">Prochaines vérifications indisponibles.</p>}>
      <Suspense fallback={<p class="muted">Calcul des prochaines vérifications…</p>}>
        <Show when={schedule()}>
          {(loaded) => (
            <>
              <Show when={loaded().nextRuns.length > 0}>
                <p class="muted">
                  Prochaines vérifications :{' '}
                  {loaded()
                    .nextRuns.map((run) => LONG_DATE.format(new Date(run)))
                    .join(' ; ')}
                  .
                </p>
              </Show>
              <Show when={loaded().lastRun}>
                {(run) => (
                  <p class="muted">
                    Dernière vérification le {formatDateTime(run().startedAt)}
                    {run().error ? ` : échec (${run().error}).` : '.'}
                  </p>
                )}
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
