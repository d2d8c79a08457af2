import {
  createResource,
  createSignal,
  For,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import { AppError } from '../../../domain/errors';
import { describeChange } from '../../../domain/feed';
import { formatEuros } from '../../../domain/money';
import {
  ALERT_KIND_LABELS,
  ALERT_SEVERITY_LABELS,
  type Alert,
} from '../../../domain/schemas/alert';
import type { SessionUser } from '../../../domain/schemas/staff';
import { get, post } from '../../lib/api';
import { formatCalendarDate, formatRelative } from '../../lib/format';
import { createLive, type Live } from '../../lib/live';
import { ApexChart } from '../dashboard/ApexChart';
import { weeklyQuotes } from '../dashboard/charts';
import { createLiveDashboard } from '../dashboard/dashboard.live';
import { FigureCards } from '../dashboard/FigureCards';
import '../dashboard/dashboard.css';
import './wall.css';

type Access = 'checking' | 'granted' | 'waiting' | 'revoked';

/**
 * The workshop's wall screen: signs in with its display token (`/wall?token=…`, then the token
 * leaves the address bar), shows the dashboard, today's alerts, quotes waiting and the live feed
 * in large type, and reconnects forever. It never shows a login form or anything to click.
 */
export default function WallPage() {
  const [access, setAccess] = createSignal<Access>('checking');
  let retry: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(retry));

  async function signIn() {
    clearTimeout(retry);
    const token = new URLSearchParams(location.search).get('token');
    try {
      if (token) {
        await post<{ user: SessionUser }>('/auth/display', { token });
        history.replaceState(null, '', '/wall');
      } else {
        await get<{ user: SessionUser }>('/auth/me');
      }
      setAccess('granted');
    } catch (error) {
      const isRefused =
        error instanceof AppError &&
        (error.code === 'unauthenticated' || error.code === 'forbidden');
      setAccess(isRefused && token ? 'revoked' : 'waiting');
      // Server down or not yet authorised: try again, forever.
      retry = setTimeout(() => void signIn(), isRefused ? 30_000 : 5_000);
    }
  }
  onMount(() => void signIn());

  return (
    <div class="wall">
      <Switch>
        <Match when={access() === 'granted'}>
          <WallBoard
            onSignedOut={() => {
              setAccess('revoked');
              retry = setTimeout(() => void signIn(), 30_000);
            }}
          />
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

function WallBoard(props: { onSignedOut: () => void }) {
  const live: Live = createLive({
    onSignedOut: async () => {
      try {
        await get('/auth/me');
        return true;
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated') {
          props.onSignedOut();
          return false;
        }
        return true; // the server is restarting: keep trying
      }
    },
  });
  onCleanup(() => live.socket.close());
  const dashboard = createLiveDashboard(live.socket);
  const [alerts, { refetch }] = createResource(() =>
    get<{ items: Alert[] }>('/alerts?limit=8').catch(() => ({ items: [] as Alert[] })),
  );
  let alertsTimer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = live.onChange((change) => {
    if (change.entity !== 'alert') return;
    clearTimeout(alertsTimer);
    alertsTimer = setTimeout(() => void refetch(), 300);
  });
  live.socket.on('connect', () => void refetch());
  onCleanup(() => {
    unsubscribe();
    clearTimeout(alertsTimer);
  });

  const [now, setNow] = createSignal(new Date());
  const clock = setInterval(() => setNow(new Date()), 1000);
  onCleanup(() => clearInterval(clock));
  const time = () =>
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }).format(now());
  const date = () =>
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }).format(now());
  const state = () =>
    ({
      online: 'En direct',
      connecting: 'Connexion…',
      reconnecting: 'Reconnexion…',
      offline: 'Hors ligne',
    })[live.state()];

  return (
    <div class="wall-board">
      <header class="wall-header">
        <div class="wall-clock">
          <span class="wall-time">{time()}</span>
          <span class="wall-date">{date()}</span>
        </div>
        <span
          class={`wall-connection wall-${live.state()}`}
          role="status"
          data-testid="wall-connection"
        >
          <span class="connection-dot" aria-hidden="true" />
          {state()}
        </span>
      </header>
      <Show when={dashboard.snapshot()} fallback={<div class="wall-message">Chargement…</div>}>
        {(snapshot) => (
          <>
            <FigureCards snapshot={snapshot()} wall />
            <div class="wall-columns">
              <section class="wall-panel">
                <h2>À traiter aujourd’hui</h2>
                <Show
                  when={(alerts()?.items.length ?? 0) > 0}
                  fallback={<p class="wall-muted">Aucune alerte.</p>}
                >
                  <ul class="wall-list">
                    <For each={alerts()?.items}>
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
              <section class="wall-panel">
                <h2>Devis en attente de réponse</h2>
                <Show
                  when={snapshot().quotesAwaiting.length > 0}
                  fallback={<p class="wall-muted">Aucun.</p>}
                >
                  <ul class="wall-list">
                    <For each={snapshot().quotesAwaiting}>
                      {(quote) => (
                        <li>
                          <strong>{quote.number}</strong> {quote.clientName} ·{' '}
                          {formatEuros(quote.totals.inclVatCents)} · jusqu’au{' '}
                          {formatCalendarDate(quote.validUntil)}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <section class="wall-panel">
                <h2>En direct</h2>
                <ul class="wall-list wall-feed" data-testid="wall-feed">
                  <For each={live.recent().slice(0, 8)}>
                    {(change) => (
                      <li>
                        <span>{describeChange(change)}</span>
                        <span class="wall-muted"> · {formatRelative(change.at, now())}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </div>
            <section class="wall-panel wall-chart">
              <h2>Devis des 12 dernières semaines</h2>
              <ApexChart label="Devis par semaine" {...weeklyQuotes(snapshot(), true)} />
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
