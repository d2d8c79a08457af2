import { formatDateFr } from '../../../domain/dates';
import { describeClosurePeriod, namePeriod } from '../../../domain/journal/periods';
import type { Closure, ClosureLevel } from '../../../domain/schemas/journal';

/*
 * How the closures read on screen, pure: their order, their periods' names, the periods an
 * archive can be asked for.
 */

/**
 * The latest period first, as the server lists them; on the same last day (31 December) the
 * latest closure first: the year, closed after its December and its 31st, above them.
 */
export function compareClosures(a: Closure, b: Closure): number {
  return (
    b.periodEnd.localeCompare(a.periodEnd) ||
    b.journalSeq - a.journalSeq ||
    a.id.localeCompare(b.id)
  );
}

/** The closures of one level, or all of them (`''`). */
export function filterClosures(
  closures: readonly Closure[],
  level: ClosureLevel | '',
): readonly Closure[] {
  return level === '' ? closures : closures.filter((closure) => closure.level === level);
}

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Beside its level's badge: "24/11/2026", "novembre 2026", "2026". */
export function describePeriodShort(level: ClosureLevel, start: string): string {
  if (level === 'day') return formatDateFr(start);
  if (level === 'year') return start.slice(0, 4);
  return MONTH.format(new Date(`${start}T12:00:00Z`));
}

export type ArchivePeriod = { name: string; label: string };

/** What « Archive d’une période clôturée » offers: each closed period once, the latest first. */
export function listArchivePeriods(closures: readonly Closure[]): ArchivePeriod[] {
  const seen = new Set<string>();
  const periods: ArchivePeriod[] = [];
  for (const closure of [...closures].sort(compareClosures)) {
    const name = namePeriod({ level: closure.level, start: closure.periodStart });
    if (seen.has(name)) continue;
    seen.add(name);
    const label = describeClosurePeriod(closure.level, closure.periodStart);
    periods.push({ name, label: label.charAt(0).toUpperCase() + label.slice(1) });
  }
  return periods;
}

/** "1 écriture vérifiée", "1 204 écritures vérifiées": French takes the singular below two. */
export function countWords(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('fr-FR')} ${count < 2 ? singular : plural}`;
}
