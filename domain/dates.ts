import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { z } from 'zod';

/**
 * Two kinds of time travel through the app:
 * - calendar dates (`YYYY-MM-DD`): a CT, a service, a quote's last valid day. They have no time
 *   zone and all arithmetic on them is done on the calendar itself, never through the host's
 *   local time (a server running in Europe/Paris would otherwise lose a day across DST with
 *   `Date#setDate`).
 * - instants (ISO UTC strings, `Date`): when something happened. They become a calendar date
 *   only through the garage's time zone, Europe/Paris, whatever the host or browser uses.
 */
export const GARAGE_TZ = 'Europe/Paris';

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type DateParts = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function getDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function readIsoDate(value: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > getDaysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseIsoDate(value: string): DateParts {
  const parts = readIsoDate(value);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  return parts;
}

function formatParts(year: number, month: number, day: number): string {
  if (year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01; `setUTCFullYear` because `Date.UTC` reads years 0–99 as 1900–1999. */
function toDayNumber({ year, month, day }: DateParts): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  return formatParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function toInstant(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(value)}`);
  return date;
}

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  return readIsoDate(value) !== null;
}

/**
 * The calendar dates the API takes (decision 0015): from 1900, before the first French
 * registration plates (1901), to 2100, past any quote's validity, CT or reminder. Beyond them a
 * date is a typo, and the database or the date arithmetic would fail on it (year 0000,
 * 9999-12-31 + 1 day).
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

function isWithinDateBounds(value: string): boolean {
  return !isIsoDate(value) || (value >= DATE_MIN && value <= DATE_MAX);
}

export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE_PATTERN, { error: 'Date attendue au format AAAA-MM-JJ.' })
  .refine(isIsoDate, { error: "Cette date n'existe pas." })
  .refine(isWithinDateBounds, { error: 'Date invraisemblable : entre 1900 et 2100.' });

/** An instant as the API carries it: ISO 8601 in UTC (`2026-11-24T13:05:00.000Z`), 1900–2100. */
export const IsoInstantSchema = z.iso
  .datetime({ error: 'Horodatage ISO attendu (UTC).' })
  .refine((value) => isWithinDateBounds(value.slice(0, 10)), {
    error: 'Horodatage invraisemblable : entre 1900 et 2100.',
  });

/** The calendar date it is in Paris at `now` (23:30 UTC on 24/11 is already the 25th there). */
export function todayInParis(now: Date): string {
  const local = new TZDate(toInstant(now), GARAGE_TZ);
  return formatParts(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** The instant a Paris calendar day starts (00:00 Europe/Paris), right across DST changes. */
export function startOfDayInParis(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, GARAGE_TZ).getTime());
}

/**
 * The instant a Paris calendar day ends: the next local midnight (exclusive bound). Midnight
 * always exists in Paris (the DST jumps happen at 02:00 and 03:00), so the day lasts 23 hours
 * on the last Sunday of March and 25 hours on the last Sunday of October.
 */
export function endOfDayParis(date: string): Date {
  return startOfDayInParis(addDays(date, 1));
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(parseIsoDate(date)) + Math.trunc(days));
}

/**
 * Calendar months, clamped to the end of the target month: 2026-01-31 + 1 month = 2026-02-28,
 * the usual legal and commercial reading ("un mois après le 31 janvier" is the end of February).
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + Math.trunc(months);
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatParts(
    targetYear,
    targetMonth,
    Math.min(day, getDaysInMonth(targetYear, targetMonth)),
  );
}

/** Years as 12 months: the anniversary of a 29 February is 28 February in a common year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, Math.trunc(years) * 12);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseIsoDate(to)) - toDayNumber(parseIsoDate(from));
}

/** `2026-11-24` → `24/11/2026`, the French way. */
export function formatDateFr(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  const iso = formatParts(year, month, day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** An instant as a Paris wall clock reads it: `24/11/2026 14:05`. */
export function formatDateTimeFr(instant: Date | string): string {
  return format(new TZDate(toInstant(instant), GARAGE_TZ), 'dd/MM/yyyy HH:mm');
}

/**
 * A day of tolerance for a date of something that happened (a CT, a reading, a registration):
 * a screen east of Paris (Réunion, Mayotte, Nouvelle-Calédonie: at most 13 hours ahead) is at
 * most one calendar day ahead of the garage's clock.
 */
export const PAST_DATE_TOLERANCE_DAYS = 1;

/** The latest date an event that already happened may carry at `now`: tomorrow in Paris. */
export function latestPastDate(now: Date): string {
  return addDays(todayInParis(now), PAST_DATE_TOLERANCE_DAYS);
}

/** The calendar date (Paris) of an instant. */
export function toParisDate(instant: string | Date): string {
  return todayInParis(toInstant(instant));
}
