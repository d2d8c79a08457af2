import { addDays, addMonths, formatDateFr } from '../dates';
import type { ClosureLevel } from '../schemas/journal';

/*
 * The periods closures close (decision 0018): a Paris day, a calendar month, a calendar year,
 * each named by its first and last day. Pure, so the server, the exports and the screens agree.
 */

export type Period = { level: ClosureLevel; start: string; end: string };

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** The period of that level holding `date` (any day of the month or the year). */
export function periodOf(level: ClosureLevel, date: string): Period {
  if (level === 'day') return { level, start: date, end: date };
  if (level === 'month') {
    const start = `${date.slice(0, 7)}-01`;
    return { level, start, end: addDays(addMonths(start, 1), -1) };
  }
  const year = date.slice(0, 4);
  return { level, start: `${year}-01-01`, end: `${year}-12-31` };
}

/** `2026-11-24` (a day), `2026-11` (a month), `2026` (a year): how exports name a period. */
export function parsePeriodName(name: string): Period | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(name)) return periodOf('day', name);
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(name)) return periodOf('month', `${name}-01`);
  if (/^\d{4}$/.test(name)) return periodOf('year', `${name}-01-01`);
  return null;
}

export function namePeriod(period: Pick<Period, 'level' | 'start'>): string {
  if (period.level === 'day') return period.start;
  return period.level === 'month' ? period.start.slice(0, 7) : period.start.slice(0, 4);
}

/** "journée du 24/11/2026", "mois de novembre 2026", "année 2026". */
export function describeClosurePeriod(level: ClosureLevel, start: string): string {
  if (level === 'day') return `journée du ${formatDateFr(start)}`;
  if (level === 'month') {
    const month = MONTHS_FR[Number(start.slice(5, 7)) - 1] ?? '';
    // "mois d’août", "mois d’avril", "mois d’octobre": elided before a vowel.
    return `mois ${/^[aeiou]/.test(month) ? 'd’' : 'de '}${month} ${start.slice(0, 4)}`;
  }
  return `année ${start.slice(0, 4)}`;
}
