import type { ConnectionState } from '../../lib/live';

const TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const STATES: Record<ConnectionState, string> = {
  online: 'En direct',
  connecting: 'Connexion…',
  reconnecting: 'Reconnexion…',
  offline: 'Hors ligne',
};

/** The clock (Paris time, read across the workshop) and whether the screen is live. */
export function WallHeader(props: { now: Date; state: ConnectionState }) {
  return (
    <header class="wall-header">
      <div class="wall-clock">
        <span class="wall-time">{TIME.format(props.now)}</span>
        <span class="wall-date">{DATE.format(props.now)}</span>
      </div>
      <span
        class={`wall-connection wall-${props.state}`}
        role="status"
        data-testid="wall-connection"
      >
        <span class="connection-dot" aria-hidden="true" />
        {STATES[props.state]}
      </span>
    </header>
  );
}
