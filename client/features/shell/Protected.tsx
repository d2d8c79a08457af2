import { Navigate, type RouteSectionProps, useLocation } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { canRead } from '../../../domain/access';
import { LiveProvider } from '../../lib/live';
import { useSession } from '../../lib/session';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { Shell } from './Shell';

/** Signed-in screens: the live socket and the shell; anyone else goes to the login page. */
export function Protected(props: RouteSectionProps) {
  const session = useSession();
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Switch>
      <Match when={session.user.error}>
        <div class="page-center">
          <ErrorMessage error={session.user.error} retry={() => session.retry()} />
        </div>
      </Match>
      <Match when={session.user.loading && session.user() === undefined}>
        <div class="page-center">
          <Spinner />
        </div>
      </Match>
      <Match when={session.user() === null}>
        <Navigate href={`/login?next=${next()}`} />
      </Match>
      <Match when={session.user()}>
        <LiveProvider
          onSignedOut={async () => Boolean(await session.refresh())}
          isWall={!canRead(session.user()?.role)}
        >
          <Shell>{props.children}</Shell>
        </LiveProvider>
      </Match>
    </Switch>
  );
}
