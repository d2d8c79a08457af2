import { getClientDisplayName } from './client/client-name';
import type { Change } from './schemas/change';

type Labelled = {
  label?: string;
  status?: string;
  companyName?: string | null;
  kind?: 'person' | 'business';
  civility?: 'mr' | 'mrs' | null;
  firstName?: string | null;
  lastName?: string | null;
  plate?: string;
  number?: string | null;
  clientName?: string;
  name?: string;
};

/** What a change is about, in a few words: "Jean Martin", "AB-123-CD", "DEV-2026-00042". */
export function labelChange(change: Pick<Change, 'entity' | 'data'>): string {
  const data = (change.data ?? {}) as Labelled;
  if (typeof data.label === 'string') return data.label;
  switch (change.entity) {
    case 'client':
      return data.kind
        ? getClientDisplayName({
            kind: data.kind,
            civility: data.civility ?? null,
            firstName: data.firstName ?? null,
            lastName: data.lastName ?? null,
            companyName: data.companyName ?? null,
          })
        : '';
    case 'vehicle':
      return data.plate ?? '';
    case 'quote':
      return data.number ?? `brouillon pour ${data.clientName ?? '—'}`;
    case 'settings':
      return 'paramètres du garage';
    case 'alert': {
      const alert = data as { title?: string; subject?: { label?: string } };
      return [alert.title, alert.subject?.label].filter(Boolean).join(' — ');
    }
    default:
      return data.name ?? '';
  }
}

/**
 * The change as a wall screen gets it: who did what to which label, without the record itself
 * (the display role reads the feed and the dashboard, nothing else).
 */
export function toFeedChange(change: Change): Change {
  const data = (change.data ?? {}) as Labelled;
  return {
    ...change,
    data: { label: labelChange(change), ...(data.status ? { status: data.status } : {}) },
  };
}

const NOUNS: Record<Change['entity'], string> = {
  client: 'le client',
  vehicle: 'le véhicule',
  quote: 'le devis',
  staff: 'le compte',
  settings: '',
  display_token: 'l’écran',
  alert: 'l’alerte',
};

const VERBS: Record<Exclude<Change['action'], 'transitioned' | 'checked'>, string> = {
  created: 'a créé',
  updated: 'a modifié',
  archived: 'a archivé',
  restored: 'a restauré',
  deleted: 'a supprimé',
};

const TRANSITION_VERBS: Record<string, string> = {
  sent: 'a envoyé',
  accepted: 'a enregistré l’accord sur',
  partially_accepted: 'a enregistré un accord partiel sur',
  refused: 'a enregistré le refus sur',
  expired: 'a clôturé (expiré)',
  draft: 'a révisé',
};

/** "Marie Dubois a créé le client Jean Martin", for the activity feed and the wall. */
export function describeChange(change: Change): string {
  const who = change.actor?.name ?? 'GestionPro';
  const data = (change.data ?? {}) as Labelled;
  if (change.action === 'checked') return `Vérification des alertes : ${labelChange(change)}`;
  const verb =
    change.action === 'transitioned'
      ? (TRANSITION_VERBS[data.status ?? ''] ?? 'a changé le statut de')
      : VERBS[change.action];
  if (change.entity === 'quote' && change.action === 'transitioned' && data.status === 'expired') {
    return `Le devis ${labelChange(change)} a expiré`;
  }
  if (change.entity === 'display_token' && change.action === 'archived') {
    return `${who} a révoqué l’écran ${labelChange(change)}`;
  }
  return [who, verb, NOUNS[change.entity], labelChange(change)].filter(Boolean).join(' ');
}
