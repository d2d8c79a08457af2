import { useLive } from '../../lib/live';

const LABELS = {
  connecting: 'Connexion…',
  online: 'En direct',
  reconnecting: 'Reconnexion…',
  offline: 'Hors ligne',
} as const;

const HINTS = {
  connecting: 'Connexion au serveur en cours.',
  online: 'Connecté : les changements de l’équipe s’affichent en direct.',
  reconnecting:
    'Connexion perdue : reconnexion en cours, les changements manqués seront rattrapés.',
  offline:
    'Hors ligne : les informations affichées peuvent être anciennes. Reconnexion automatique dès que possible.',
} as const;

/** Tells whether what is on screen is live, or catching up after a cut. */
export function ConnectionBadge() {
  const live = useLive();
  return (
    <span class={`connection connection-${live.state()}`} role="status" title={HINTS[live.state()]}>
      <span class="connection-dot" aria-hidden="true" />
      {LABELS[live.state()]}
    </span>
  );
}
