import { changeSight } from './access';
import { getClientDisplayName } from './client/client-name';
import { formatDateTimeFr } from './dates';
import { describeClosurePeriod } from './journal/periods';
import { formatEuros } from './money';
import { ALERT_KIND_LABELS } from './schemas/alert';
import type { Change, FeedChange, SkippedChange } from './schemas/change';
import { PAYMENT_METHOD_LABELS } from './schemas/payment';
import type { Role } from './schemas/staff';

/** What a change is about, in a few words: "Jean Martin", "AB-123-CD", "DEV-2026-00042". */
export function labelChange(change: Change): string {
  switch (change.entity) {
    case 'client':
      return getClientDisplayName(change.data);
    case 'vehicle':
      return change.data.plate;
    case 'quote':
      return change.data.number ?? `brouillon pour ${change.data.clientName}`;
    case 'repair_order':
      return `${change.data.number} (${change.data.vehiclePlate})`;
    case 'invoice':
      return change.data.number ?? `brouillon pour ${change.data.buyer.name}`;
    case 'payment': {
      const { kind, method, amountCents, clientName } = change.data;
      const amount = `${formatEuros(Math.abs(amountCents))} (${PAYMENT_METHOD_LABELS[method]})`;
      return kind === 'refund'
        ? `le remboursement de ${amount}${clientName ? ` à ${clientName}` : ''}`
        : `l’encaissement de ${amount}${clientName ? ` de ${clientName}` : ''}`;
    }
    case 'till':
      return `la caisse du ${formatDateTimeFr(change.data.openedAt)}`;
    case 'settings':
      return 'les paramètres du garage';
    case 'alert_rules':
      return 'les règles des alertes';
    case 'alert':
      // An unpaid invoice's title carries its amount: the wall gets alert labels, never money.
      if (change.data.kind === 'invoice_overdue') {
        return `${ALERT_KIND_LABELS.invoice_overdue} — ${change.data.subject.label}`;
      }
      return [change.data.title, change.data.subject.label].filter(Boolean).join(' — ');
    case 'alert_batch':
      return change.data.label;
    case 'staff':
    case 'display_token':
      return change.data.name;
    case 'closure':
      return describeClosurePeriod(change.data.level, change.data.periodStart);
  }
}

/** The change as the feed and the wall get it: a label, never the record. */
export function toFeedChange(change: Change): FeedChange {
  return {
    seq: change.seq,
    entity: change.entity,
    action: change.action,
    id: change.id,
    label: labelChange(change),
    status:
      change.entity === 'quote' || change.entity === 'repair_order' ? change.data.status : null,
    actor: change.actor,
    at: change.at,
  };
}

/** A change as one role may see it (`changeSight`). */
export type ChangeView =
  | { sight: 'record'; change: Change }
  | { sight: 'label'; entry: FeedChange }
  | { sight: 'seq'; skipped: SkippedChange };

/**
 * The one cut of a change for a role: the socket broadcast and the catch-up pages both send
 * what this returns, so they cannot drift apart.
 */
export function viewChange(change: Change, role: Role): ChangeView {
  switch (changeSight(role, change.entity)) {
    case 'record':
      return { sight: 'record', change };
    case 'label':
      return { sight: 'label', entry: toFeedChange(change) };
    case 'seq':
      return { sight: 'seq', skipped: { seq: change.seq, entity: change.entity } };
  }
}

/** The feed entry a role may see of a change, if any (the activity feed, the wall). */
export function feedEntryFor(view: ChangeView): FeedChange | null {
  if (view.sight === 'record') return toFeedChange(view.change);
  return view.sight === 'label' ? view.entry : null;
}

const NOUNS: Record<FeedChange['entity'], string> = {
  client: 'le client',
  vehicle: 'le véhicule',
  quote: 'le devis',
  repair_order: 'l’ordre de réparation',
  invoice: 'la facture',
  // Their labels say what they are: an encaissement, a refund, the till.
  payment: '',
  till: '',
  staff: 'le compte',
  settings: '',
  alert_rules: '',
  display_token: 'l’écran',
  alert: 'l’alerte',
  alert_batch: '',
  closure: 'la clôture',
};

const VERBS: Record<Exclude<FeedChange['action'], 'transitioned' | 'checked'>, string> = {
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

/** A repair order moved on the board: "Marie Dubois a passé en cours l'ordre de réparation …". */
const REPAIR_ORDER_VERBS: Record<string, string> = {
  todo: 'a remis à faire',
  in_progress: 'a passé en cours',
  waiting_parts: 'a mis en attente de pièces',
  waiting_approval: 'a mis en attente d’accord',
  done: 'a terminé',
  handed_back: 'a restitué le véhicule de',
};

/** "Marie Dubois a créé le client Jean Martin", for the activity feed and the wall. */
export function describeChange(change: FeedChange): string {
  const who = change.actor?.name ?? 'GestionPro';
  if (change.action === 'checked') return `Vérification des alertes : ${change.label}`;
  const transitionVerbs = change.entity === 'repair_order' ? REPAIR_ORDER_VERBS : TRANSITION_VERBS;
  const verb =
    change.action === 'transitioned'
      ? (transitionVerbs[change.status ?? ''] ?? 'a changé le statut de')
      : VERBS[change.action];
  if (
    change.entity === 'quote' &&
    change.action === 'transitioned' &&
    change.status === 'expired'
  ) {
    return `Le devis ${change.label} a expiré`;
  }
  if (change.entity === 'till') {
    const verb = { created: 'a ouvert', transitioned: 'a compté et fermé' }[
      change.action as string
    ];
    return `${who} ${verb ?? 'a mouvementé'} ${change.label}`;
  }
  if (change.entity === 'display_token' && change.action === 'archived') {
    return `${who} a révoqué l’écran ${change.label}`;
  }
  return [who, verb, NOUNS[change.entity], change.label].filter(Boolean).join(' ');
}
