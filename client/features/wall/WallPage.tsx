import { createSignal, Match, onCleanup, onMount, Switch } from 'solid-js';
import { AppError } from '../../../domain/errors';
import type { DisplayMode } from '../../../domain/schemas/display-token';
import { api, call } from '../../lib/api';
import { WallBoard } from './WallBoard';
import { WallWorkshop } from './WallWorkshop';
import './wall.css';

type Access = 'checking' | 'granted' | 'waiting' | 'revoked';

/** Refused: a new token may be made; waiting for the server: it may be back in a moment. */
const RETRY_REFUSED_MS = 30_000;
const RETRY_WAITING_MS = 5_000;

function isRefusal(error: unknown): boolean {
  return (
    error instanceof AppError && (error.code === 'unauthenticated' || error.code === 'forbidden')
  );
}

/**
 * The workshop's wall screen: signs in with its display token (`/wall?token=…`, then the token
 * leaves the address bar), shows the dashboard, today's alerts, quotes waiting and the live feed
 * in large type (or, in workshop mode, today's repair orders), and reconnects forever. It never
 * shows a login form or anything to click.
 */
export default function WallPage() {
  const [access, setAccess] = createSignal<Access>('checking');
  const [mode, setMode] = createSignal<DisplayMode>('dashboard');
  let retry: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(retry));

  async function signIn() {
    clearTimeout(retry);
    const token = new URLSearchParams(location.search).get('token');
    try {
      let answer: { user: { displayMode?: DisplayMode } };
      if (token) {
        answer = await call(api.auth.display.$post({ json: { token } }));
        history.replaceState(null, '', '/wall');
      } else {
        answer = await call(api.auth.me.$get());
      }
      // The mode set in Paramètres → Écrans; a change shows on the screen's next load.
      setMode(answer.user.displayMode ?? 'dashboard');
      setAccess('granted');
    } catch (error) {
      const isRefused = isRefusal(error);
      setAccess(isRefused && token ? 'revoked' : 'waiting');
      // Server down or not yet authorised: try again, forever.
      retry = setTimeout(() => void signIn(), isRefused ? RETRY_REFUSED_MS : RETRY_WAITING_MS);
    }
  }
  onMount(() => void signIn());
  function onSignedOut() {
    setAccess('revoked');
    retry = setTimeout(() => void signIn(), RETRY_REFUSED_MS);
  }

  return (
    <div class="wall">
      <Switch>
        <Match when={access() === 'granted' && mode() === 'workshop'}>
          <WallWorkshop onSignedOut={onSignedOut} />
        </Match>
        <Match when={access() === 'granted'}>
          <WallBoard onSignedOut={onSignedOut} />
        </Match>
        <Match when={access() === 'checking'}>
          <div class="wall-message">Connexion de l’écran…</div>
        </Match>
        <Match when={access() === 'waiting'}>
          <div class="wall-message">
            <p>Écran en attente du serveur…</p>
            <p class="wall-small">Nouvel essai automatique dans quelques secondes.</p>
          </div>
        </Match>
        <Match when={access() === 'revoked'}>
          <div class="wall-message">
            <p>Cet écran n’est pas (ou plus) autorisé.</p>
            <p class="wall-small">
              Un administrateur peut créer un jeton d’écran dans Paramètres → Écrans, puis ouvrir le
              lien sur cet écran.
            </p>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
