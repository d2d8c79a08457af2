import { createSignal, For, onCleanup, Show } from 'solid-js';
import { describeChange } from '../../../domain/feed';
import { formatEuros } from '../../../domain/money';
import { formatCalendarDate, formatRelative } from '../../lib/format';
import { ApexChart } from '../dashboard/ApexChart';
import { weeklyQuotes } from '../dashboard/charts';
import { createLiveDashboard } from '../dashboard/dashboard.live';
import { FigureCards } from '../dashboard/FigureCards';
import { WallAlerts } from './WallAlerts';
import { WallHeader } from './WallHeader';
import { createWallLive } from './wall.live';
import '../dashboard/dashboard.css';

const FEED_SHOWN = 8;

/**
 * The signed-in wall: its own live connection as a wall (the feed's labels, never the records),
 * the dashboard pushed by the server, today's alerts, the quotes waiting and the feed.
 */
export function WallBoard(props: { onSignedOut: () => void }) {
  const live = createWallLive(props.onSignedOut);
  onCleanup(() => live.close());
  const dashboard = createLiveDashboard(live.socket);

  const [now, setNow] = createSignal(new Date());
  const clock = setInterval(() => setNow(new Date()), 1000);
  onCleanup(() => clearInterval(clock));

  return (
    <div class="wall-board">
      <WallHeader now={now()} state={live.state()} />
      <Show when={dashboard.snapshot()} fallback={<div class="wall-message">Chargement…</div>}>
        {(snapshot) => (
          <>
            <FigureCards snapshot={snapshot()} wall />
            <div class="wall-columns">
              <WallAlerts live={live} now={now()} />
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
                  <For each={live.recent().slice(0, FEED_SHOWN)}>
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
