import { addDays, daysBetween, endOfDayParis } from '../dates';
import type { AlertSeverity } from './rules';

/** A sent quote with no answer: follow up N days after sending; urgent a week later. */
export function computeFollowUp(
  sentDate: string,
  today: string,
  afterDays: number,
): { dueDate: string; severity: AlertSeverity } | null {
  const dueDate = addDays(sentDate, afterDays);
  const late = daysBetween(dueDate, today);
  if (late < 0) return null;
  return { dueDate, severity: late >= 7 ? 'urgent' : 'soon' };
}

/**
 * The instant a quote stops being valid: it is valid until the end of its last day in Paris
 * (brief, "Quote"), so the next local midnight, 23:00 UTC in winter and 22:00 UTC in summer.
 */
export function computeQuoteExpiresAt(validUntil: string): Date {
  return endOfDayParis(validUntil);
}

/** Whether a quote valid until `validUntil` (a Paris date) has expired at `now`. */
export function isQuoteExpired(validUntil: string, now: Date): boolean {
  return now.getTime() >= computeQuoteExpiresAt(validUntil).getTime();
}

/**
 * A sent quote about to expire (valid until the end of its last day, Europe/Paris): warn N days
 * before; urgent on its last day.
 */
export function computeExpiryWarning(
  validUntil: string,
  today: string,
  warnDays: number,
): { dueDate: string; severity: AlertSeverity } | null {
  const left = daysBetween(today, validUntil);
  if (left < 0 || left > warnDays) return null;
  return { dueDate: validUntil, severity: left === 0 ? 'urgent' : 'soon' };
}

/** Declined work to propose again N days after it was declined. */
export function computeDeclinedWorkReminder(
  declinedDate: string,
  today: string,
  afterDays: number,
): { dueDate: string; severity: AlertSeverity } | null {
  const dueDate = addDays(declinedDate, afterDays);
  return daysBetween(dueDate, today) < 0 ? null : { dueDate, severity: 'soon' };
}
