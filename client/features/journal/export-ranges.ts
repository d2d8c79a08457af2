import { addYears, daysBetween, isIsoDate } from '../../../domain/dates';
import { EXPORT_RANGE_MAX_DAYS } from '../../../domain/schemas/exports';

/*
 * The date ranges the exports ask for, pure: the FEC defaults to the fiscal year so far (a
 * calendar year unless the settings say the year starts another month), the B2C summary to the
 * month so far.
 */

export type DateRange = { from: string; to: string };

/** The fiscal year holding `today`, from its first day to today (1: starts in January). */
export function fiscalYearToDate(today: string, startMonth = 1): DateRange {
  const month = String(startMonth).padStart(2, '0');
  const thisYearStart = `${today.slice(0, 4)}-${month}-01`;
  const from = thisYearStart <= today ? thisYearStart : addYears(thisYearStart, -1);
  return { from, to: today };
}

export function monthToDate(today: string): DateRange {
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** Why a range cannot be asked for, by field, or null when it can. */
export function checkDateRange(range: DateRange): Partial<Record<keyof DateRange, string>> | null {
  const errors: Partial<Record<keyof DateRange, string>> = {};
  if (!isIsoDate(range.from)) errors.from = 'Indiquez la date de début.';
  if (!isIsoDate(range.to)) errors.to = 'Indiquez la date de fin.';
  else if (!errors.from && range.to < range.from) {
    errors.to = 'La date de fin précède la date de début.';
  } else if (!errors.from && daysBetween(range.from, range.to) >= EXPORT_RANGE_MAX_DAYS) {
    // The server's bound (an exercise at most), said before asking it.
    errors.to = `Une période de ${EXPORT_RANGE_MAX_DAYS} jours au plus.`;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
