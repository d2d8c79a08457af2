import { query } from '@solidjs/router';
import type { z } from 'zod';
import type { Alert, AlertCreateSchema } from '../../../domain/schemas/alert';
import { api, call } from '../../lib/api';
import { liveAction, staleOnQuery } from '../../lib/queries';
import { INBOX_LIMIT, type InboxQuery } from './inbox';

/**
 * The inbox: one query, not paged, with a limit. An `alert` change drops its cached answers
 * (the screens apply the change themselves), an `alert_batch` one too: the screens then read
 * it again once (the check changed too many alerts to send them one by one).
 */
export const getInbox = staleOnQuery(['alert', 'alert_batch'], 'alerts', (inbox: InboxQuery) =>
  call(api.alerts.$get({ query: { ...inbox, limit: String(INBOX_LIMIT) } })),
);
export type Inbox = Awaited<ReturnType<typeof getInbox>>;

/**
 * The wall's alerts: the first active ones, enough to fill its panel once the snoozed ones are
 * set aside. The wall gets no records live (the feed only): it reads this again when the feed
 * says an alert changed.
 */
export const WALL_ALERTS_LIMIT = 50;
export const getWallAlerts = query(
  () =>
    call(api.alerts.$get({ query: { status: 'active', limit: String(WALL_ALERTS_LIMIT) } })).then(
      (inbox) => inbox.items,
    ),
  'wall-alerts',
);

/** The colleagues an alert can be assigned to. */
export const getColleagues = staleOnQuery(['staff'], 'colleagues', () =>
  call(api.staff.directory.$get()),
);

export const acknowledgeAlert = liveAction('alert-ack', (alert: Alert) =>
  call(api.alerts[':id'].ack.$post({ param: { id: alert.id }, json: { version: alert.version } })),
);
export const snoozeAlert = liveAction('alert-snooze', (alert: Alert, until: string) =>
  call(
    api.alerts[':id'].snooze.$post({
      param: { id: alert.id },
      json: { version: alert.version, until },
    }),
  ),
);
export const assignAlert = liveAction('alert-assign', (alert: Alert, assigneeId: string | null) =>
  call(
    api.alerts[':id'].assign.$post({
      param: { id: alert.id },
      json: { version: alert.version, assigneeId },
    }),
  ),
);
export const resolveAlert = liveAction('alert-resolve', (alert: Alert) =>
  call(
    api.alerts[':id'].resolve.$post({ param: { id: alert.id }, json: { version: alert.version } }),
  ),
);
export const createAlert = liveAction('alert-create', (input: z.input<typeof AlertCreateSchema>) =>
  call(api.alerts.$post({ json: input })),
);
/** Admins: "Vérifier maintenant" (skipped when another instance is running the check). */
export const runAlertCheck = liveAction('alert-check', () => call(api.alerts.run.$post()));
