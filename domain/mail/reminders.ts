import { TZDate } from '@date-fns/tz';
import { addDays, GARAGE_TZ, isIsoDate, todayInParis } from '../dates';
import type { Alert, AlertKind } from '../schemas/alert';
import type { ReminderRules, TemplateKind } from '../schemas/mail';

/*
 * Which alert becomes an e-mail to the customer, and when (issue 14). The alert engine already
 * decided that something is due; this decides whether the customer hears of it: only with their
 * consent and an address, once per alert and due date, and never outside the garage's sending
 * window on the Paris wall clock (whatever the server's time zone, across DST changes).
 */

/** The alerts sent automatically; a quote follow-up is sent by staff from the alert. */
export const REMINDER_TEMPLATE_BY_ALERT: Partial<Record<AlertKind, TemplateKind>> = {
  ct_due: 'ct_reminder',
  service_due: 'service_reminder',
  declined_work: 'declined_work_reminder',
};

export type ReminderAlert = Pick<Alert, 'id' | 'kind' | 'status' | 'dueDate'>;
export type ReminderClient = {
  consentReminders: boolean;
  email: string | null;
  name: string;
  archivedAt?: string | null;
};
/** The alert's vehicle, when it has one: a vehicle archived (sold, scrapped) gets no reminder. */
export type ReminderVehicle = { archivedAt: string | null };

export type ReminderInput = {
  alert: ReminderAlert;
  client: ReminderClient | null;
  vehicle?: ReminderVehicle | null;
  rules: ReminderRules;
  now: Date;
  /** Whether a message with this dedupe key was already queued (the outbox's unique key). */
  isAlreadySent: (dedupeKey: string) => boolean;
};

export type NeverReason =
  | 'not_a_reminder'
  | 'alert_resolved'
  | 'no_client'
  | 'archived'
  | 'no_consent'
  | 'no_email'
  | 'already_sent';

export type ReminderDecision =
  | { action: 'send'; at: string; dedupeKey: string; template: TemplateKind }
  | { action: 'later'; at: string; dedupeKey: string; template: TemplateKind }
  | { action: 'never'; reason: NeverReason };

/** Once per alert and due date: a CT recorded moves the due date, and the next one is new. */
export function buildReminderKey(alertId: string, dueDate: string): string {
  if (!alertId || alertId.includes(':')) throw new RangeError(`Not an alert id: ${alertId}`);
  if (!isIsoDate(dueDate)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${dueDate}`);
  return `reminder:${alertId}:${dueDate}`;
}

type ParisClock = { date: string; weekday: number; minutes: number };

function readParisClock(instant: Date): ParisClock {
  const local = new TZDate(instant.getTime(), GARAGE_TZ);
  return {
    date: todayInParis(instant),
    weekday: local.getDay(),
    minutes: local.getHours() * 60 + local.getMinutes(),
  };
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * When the window opens on `date` (Paris), or null if it does not. The opening hour exists on
 * every Paris day but one: on the spring change 02:00 is skipped and the window opens at the
 * jump (03:00), if it is still open then; on the autumn change 02:00 happens twice and the first
 * one counts.
 */
function openingOf(date: string, rules: ReminderRules): Date | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const local = new TZDate(year, month - 1, day, rules.startHour, 0, 0, GARAGE_TZ);
  const instant = new Date(local.getTime());
  if (readParisClock(instant).date !== date || !isInsideWindow(instant, rules)) return null;
  const hourBefore = new Date(instant.getTime() - 3_600_000);
  const before = readParisClock(hourBefore);
  const isSameReading = before.date === date && before.minutes === rules.startHour * 60;
  return isSameReading ? hourBefore : instant;
}

/** Whether `instant` falls inside the sending window (Paris wall clock). */
export function isInsideWindow(instant: Date, rules: ReminderRules): boolean {
  const clock = readParisClock(instant);
  return (
    !rules.closedWeekdays.includes(clock.weekday) &&
    clock.minutes >= rules.startHour * 60 &&
    clock.minutes < rules.endHour * 60
  );
}

/**
 * The first instant at or after `now` inside the window: `now` itself when it is inside, else
 * the opening hour of the next open day (today's, if it is still to come).
 */
export function nextAllowedInstant(now: Date, rules: ReminderRules): Date {
  if (isInsideWindow(now, rules)) return now;
  let date = readParisClock(now).date;
  // Six closed days at most (the schema keeps one open day a week), and one lost 02:00.
  for (let day = 0; day < 15; day += 1, date = addDays(date, 1)) {
    if (rules.closedWeekdays.includes(weekdayOf(date))) continue;
    const opening = openingOf(date, rules);
    if (opening && opening.getTime() >= now.getTime()) return opening;
  }
  throw new RangeError('No sending window in the coming fortnight: check the reminder rules');
}

/** Send now, later (the next allowed instant), or never, with the reason. */
export function decideReminder(input: ReminderInput): ReminderDecision {
  const { alert, client, rules, now } = input;
  const template = REMINDER_TEMPLATE_BY_ALERT[alert.kind];
  if (!template) return { action: 'never', reason: 'not_a_reminder' };
  if (alert.status === 'resolved') return { action: 'never', reason: 'alert_resolved' };
  if (!client) return { action: 'never', reason: 'no_client' };
  if (client.archivedAt || input.vehicle?.archivedAt)
    return { action: 'never', reason: 'archived' };
  if (!client.consentReminders) return { action: 'never', reason: 'no_consent' };
  if (!client.email?.trim()) return { action: 'never', reason: 'no_email' };
  const dedupeKey = buildReminderKey(alert.id, alert.dueDate);
  if (input.isAlreadySent(dedupeKey)) return { action: 'never', reason: 'already_sent' };
  const at = nextAllowedInstant(now, rules);
  return {
    action: at.getTime() === now.getTime() ? 'send' : 'later',
    at: at.toISOString(),
    dedupeKey,
    template,
  };
}
