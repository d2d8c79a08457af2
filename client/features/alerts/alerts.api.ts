import { query } from '@solidjs/router';
import type { AlertRules } from '../../../domain/alerts/rules';
import type { Alert, AlertKind, CheckSummary } from '../../../domain/schemas/alert';
import { get, post, put, toQuery } from '../../lib/api';

export type Schedule = {
  lastRun: {
    startedAt: string;
    finishedAt: string | null;
    summary: CheckSummary | null;
    error: string | null;
  } | null;
  nextRuns: string[];
};
export type Inbox = {
  items: Alert[];
  counts: { soon: number; urgent: number; overdue: number };
  schedule: Schedule;
};
export type InboxFilters = { status?: 'active' | 'resolved'; kind?: AlertKind; assignee?: string };
export type RulesWithSchedule = AlertRules & Schedule & { version: number; updatedAt: string };

export const getInbox = query(
  (filters: InboxFilters) => get<Inbox>(`/alerts${toQuery(filters)}`),
  'alerts',
);
export const getAlertRules = query(() => get<RulesWithSchedule>('/alert-rules'), 'alert-rules');

export const acknowledgeAlert = (alert: Alert) =>
  post<Alert>(`/alerts/${alert.id}/ack`, { version: alert.version });
export const snoozeAlert = (alert: Alert, until: string) =>
  post<Alert>(`/alerts/${alert.id}/snooze`, { version: alert.version, until });
export const assignAlert = (alert: Alert, assigneeId: string | null) =>
  post<Alert>(`/alerts/${alert.id}/assign`, { version: alert.version, assigneeId });
export const resolveAlert = (alert: Alert) =>
  post<Alert>(`/alerts/${alert.id}/resolve`, { version: alert.version });
export const createAlert = (input: {
  subjectType: 'client' | 'vehicle' | 'quote';
  subjectId: string;
  title: string;
  dueDate: string;
  detail?: string | null;
  assigneeId?: string | null;
}) => post<Alert>('/alerts', input);
export const runCheck = () => post<{ ran: boolean; summary: CheckSummary | null }>('/alerts/run');
export const saveAlertRules = (rules: AlertRules & { version: number }) =>
  put<RulesWithSchedule>('/alert-rules', rules);
