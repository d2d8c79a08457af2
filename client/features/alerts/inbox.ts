import type { AlertSeverity } from '../../../domain/alerts/rules';
import { ALERT_KINDS, type Alert, type AlertKind } from '../../../domain/schemas/alert';

/**
 * The inbox's three views. "À traiter" is what someone has to deal with now: open and
 * acknowledged alerts, and snoozed ones whose date has come. A snoozed alert is "Reportée" until
 * its date; then it is back "À traiter" by itself, before the check even reopens it.
 */
export type InboxView = 'todo' | 'snoozed' | 'resolved';

/** What the URL says (`?status=&kind=&assignee=`), read without trusting it. */
export type InboxFilters = { view: InboxView; kind?: AlertKind; assignee?: string };

/**
 * What is asked of the server: one query, not paged, with a limit. "À traiter" and "Reportées"
 * share it (status `active`), so switching between them is instant and an alert moves from one
 * to the other in place.
 */
export type InboxQuery = {
  status: 'active' | 'resolved';
  kind?: AlertKind;
  assignee?: string;
};

export const INBOX_LIMIT = 500;

export const VIEW_PARAMS: Record<InboxView, string | undefined> = {
  todo: undefined,
  snoozed: 'snoozed',
  resolved: 'resolved',
};

function readParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first || undefined;
}

export function readInboxFilters(params: {
  status?: string | string[];
  kind?: string | string[];
  assignee?: string | string[];
}): InboxFilters {
  const status = readParam(params.status);
  const kind = ALERT_KINDS.find((known) => known === readParam(params.kind));
  const assignee = readParam(params.assignee);
  return {
    view: status === 'resolved' ? 'resolved' : status === 'snoozed' ? 'snoozed' : 'todo',
    ...(kind ? { kind } : {}),
    ...(assignee ? { assignee } : {}),
  };
}

export function toInboxQuery(filters: InboxFilters): InboxQuery {
  return {
    status: filters.view === 'resolved' ? 'resolved' : 'active',
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
  };
}

/** The view an alert belongs to on `today` (a Paris calendar date). */
export function viewOf(alert: Alert, today: string): InboxView {
  if (alert.status === 'resolved') return 'resolved';
  if (alert.status === 'snoozed' && alert.snoozedUntil !== null && alert.snoozedUntil > today) {
    return 'snoozed';
  }
  return 'todo';
}

/** Whether the server would return this alert for this query (`me`: the signed-in user's id). */
export function matchesQuery(alert: Alert, query: InboxQuery, me: string | undefined): boolean {
  if ((alert.status === 'resolved') !== (query.status === 'resolved')) return false;
  if (query.kind && alert.kind !== query.kind) return false;
  if (query.assignee === 'none') return alert.assigneeId === null;
  if (query.assignee === 'me') return me !== undefined && alert.assigneeId === me;
  if (query.assignee) return alert.assigneeId === query.assignee;
  return true;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { overdue: 0, urgent: 1, soon: 2 };

/** The server's order: severity (overdue first), due date, then id. */
export function compareAlerts(a: Alert, b: Alert): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type SeverityCounts = Record<AlertSeverity, number>;

export function countBySeverity(alerts: readonly Alert[]): SeverityCounts {
  const counts: SeverityCounts = { overdue: 0, urgent: 0, soon: 0 };
  for (const alert of alerts) counts[alert.severity] += 1;
  return counts;
}

/** What cannot wait: the count in the navigation. */
export function countPressing(alerts: readonly Alert[], today: string): number {
  return alerts.filter((alert) => viewOf(alert, today) === 'todo' && alert.severity !== 'soon')
    .length;
}
