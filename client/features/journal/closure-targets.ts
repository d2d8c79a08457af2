import { addDays, addMonths, formatDateFr, isIsoDate } from '../../../domain/dates';
import { describeClosurePeriod, periodOf } from '../../../domain/journal/periods';
import type { Closure, ClosureLevel } from '../../../domain/schemas/journal';

/*
 * What the « Clôturer » forms propose and send (decision 0018), pure so a node test runs it:
 * the day defaults to today (the evening closing), a month or a year to the one after the
 * last closed of its level, or else the last one over. The server still decides.
 */

/** What each form's field holds: `2026-11-24`, `2026-11`, `2026`. */
export type ClosureTargets = Record<ClosureLevel, string>;

/** The latest period of that level that is over on `today` (a day: today itself). */
function latestDue(level: ClosureLevel, today: string): string {
  if (level === 'day') return today;
  if (level === 'month') return addMonths(`${today.slice(0, 7)}-01`, -1);
  return `${Number(today.slice(0, 4)) - 1}-01-01`;
}

/** The field's text for the period holding `date`. */
export function toTargetValue(level: ClosureLevel, date: string): string {
  if (level === 'day') return date;
  return level === 'month' ? date.slice(0, 7) : date.slice(0, 4);
}

/** The default of each form, from the closures listed (newest first or not) and today. */
export function defaultClosureTargets(closures: readonly Closure[], today: string): ClosureTargets {
  const target = (level: ClosureLevel): string => {
    const due = latestDue(level, today);
    const last = closures
      .filter((closure) => closure.level === level)
      .reduce<string | null>(
        (latest, closure) =>
          latest === null || closure.periodEnd > latest ? closure.periodEnd : latest,
        null,
      );
    // A day always proposes today: a day closure closes every open day before it too.
    if (level === 'day' || last === null) return toTargetValue(level, due);
    const next = periodOf(level, addDays(last, 1)).start;
    // ISO dates sort as text: the earlier of the next to close and the last one over.
    const [earlier = due] = [next, due].sort();
    return toTargetValue(level, earlier);
  };
  return { day: target('day'), month: target('month'), year: target('year') };
}

/** "la journée du 24/11/2026", "le mois de novembre 2026", "l’année 2026". */
export function namePeriodWithArticle(level: ClosureLevel, start: string): string {
  const name = describeClosurePeriod(level, start);
  if (level === 'month') return `le ${name}`;
  return level === 'year' ? `l’${name}` : `la ${name}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type ParsedTarget =
  | { ok: true; date: string; label: string }
  | { ok: false; message: string };

/** A form's text as the API's `date` (the period's first day) and its name, or why not. */
export function parseClosureTarget(level: ClosureLevel, value: string): ParsedTarget {
  const text = value.trim();
  const date =
    level === 'day'
      ? text
      : level === 'month'
        ? /^\d{4}-(0[1-9]|1[0-2])$/.test(text)
          ? `${text}-01`
          : ''
        : /^\d{4}$/.test(text)
          ? `${text}-01-01`
          : '';
  if (!isIsoDate(date)) {
    const expected = { day: 'une date', month: 'un mois', year: 'une année (4 chiffres)' };
    return { ok: false, message: `Indiquez ${expected[level]}.` };
  }
  const start = periodOf(level, date).start;
  return { ok: true, date: start, label: namePeriodWithArticle(level, start) };
}

/** The confirmation's words: what closes, and that it then refuses invoices and payments. */
export function describeClosureConsequence(level: ClosureLevel, date: string): string {
  const period = periodOf(level, date);
  const span =
    period.start === period.end
      ? `le ${formatDateFr(period.start)}`
      : `du ${formatDateFr(period.start)} au ${formatDateFr(period.end)}`;
  const closed = level === 'month' ? 'clôturé' : 'clôturée';
  return (
    `${capitalize(namePeriodWithArticle(level, period.start))} sera ${closed} : ses totaux deviennent une ` +
    `écriture du journal et, à partir de maintenant, aucune facture ni aucun encaissement ne ` +
    `pourra plus être enregistré ${span}. C’est définitif.`
  );
}
