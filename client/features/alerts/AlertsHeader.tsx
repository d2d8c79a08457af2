import { createSignal, Show } from 'solid-js';
import { canAdminister, canWrite } from '../../../domain/access';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import type { LiveInbox } from './inbox.live';
import type { AlertActions } from './use-alert-actions';

/** The title, when the check last ran and runs next, "Vérifier maintenant", "Nouveau rappel". */
export function AlertsHeader(props: {
  inbox: LiveInbox;
  actions: AlertActions;
  onCreate: () => void;
}) {
  const session = useSession();
  const [isChecking, setChecking] = createSignal(false);

  async function checkNow() {
    setChecking(true);
    await props.actions.checkNow();
    setChecking(false);
  }

  return (
    <header class="page-header">
      <div>
        <h1>Alertes</h1>
        <Show when={props.inbox.schedule()}>
          {(loaded) => (
            <p class="page-lead">
              <Show when={loaded().lastRun} fallback="Aucune vérification encore.">
                {(run) => (
                  <>
                    Dernière vérification le {formatDateTime(run().finishedAt ?? run().startedAt)}
                  </>
                )}
              </Show>
              <Show when={loaded().nextRuns[0]}>
                {(next) => <> · prochaine le {formatDateTime(next())}</>}
              </Show>
            </p>
          )}
        </Show>
      </div>
      <div class="header-actions">
        <Show when={canAdminister(session.user()?.role)}>
          <Button isLoading={isChecking()} onClick={() => void checkNow()}>
            Vérifier maintenant
          </Button>
        </Show>
        <Show when={canWrite(session.user()?.role)}>
          <Button variant="primary" onClick={() => props.onCreate()}>
            Nouveau rappel
          </Button>
        </Show>
      </div>
    </header>
  );
}
