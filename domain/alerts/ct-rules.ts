import { addMonths, isIsoDate } from '../dates';
import type { InspectionResult, VehicleCategory } from '../schemas/vehicle';

/**
 * French contrôle technique (CT) due dates, from the brief ("Alert rules") and the Code de la
 * route / arrêté du 18 juin 1991 where the brief is silent.
 *
 * A due date is the last day the CT (or counter-visit) may be done. It is computed from the
 * vehicle's first registration and its recorded CTs only, never from today: "the due date moves
 * only when a CT is recorded". The records carry no "counter-visit" flag, so which record is a
 * counter-visit is read from the dates (see `computeCtDue`).
 */

export type CtInspection = { date: string; result: InspectionResult };

export type CtDueInput = {
  category: VehicleCategory;
  firstRegistrationDate: string | null;
  inspections: readonly CtInspection[];
};

export type CtDueReason = 'first' | 'periodic' | 'counter_visit';

export type CtDue = {
  /** The last day the CT or counter-visit may be done; the alert's due date and dedupe date. */
  dueDate: string;
  reason: CtDueReason;
  /**
   * The first day that counts for this deadline, when the rule has one: 6 months before the
   * first-CT anniversary; the failed CT's date for a counter-visit. Null for periodic CTs (one
   * may be done at any time, the next due date simply counts from it).
   */
  windowStart: string | null;
  /**
   * The last day the vehicle may be driven: the due date, except after critical defects, where
   * the CT report is valid for the day of the inspection only (the vehicle must then be
   * repaired before it drives again; the counter-visit still has 2 months).
   */
  mayDriveUntil: string;
};

export type CtCategoryRule = {
  /** First CT due this many months after first registration (the anniversary). */
  firstAfterMonths: number;
  /** The first CT may be done this many months before that anniversary (null: no window). */
  firstWindowMonths: number | null;
  /** Then a CT every this many months, counted from the last (initial) CT. */
  periodMonths: number;
};

/**
 * Per category of the brief:
 * - car, van (light van N1): first CT in the 6 months before the 4th anniversary, then every
 *   2 years. Not modelled: the N1 vans' yearly complementary pollution check (contrôle
 *   complémentaire), which the brief's rules leave out.
 * - motorbike (L category): in the 6 months before the 5th anniversary, then every 3 years (plus
 *   the 2024–2026 transition calendar, see `computeMotorbikeFirstCt`).
 * - collector: every 5 years. Collector status comes decades after the first registration and
 *   we do not know when, so a collector with no CT recorded gets the passenger-car first-CT
 *   date (long overdue): the alert asks staff to record the last CT, which fixes the date.
 * - professional (taxi, ambulance, driving school): the brief is silent. Taxis, VTC and
 *   ambulances need a CT at the latest 1 year after first registration, then every year; driving
 *   school cars follow the passenger-car calendar. The category lumps them together, so we take
 *   the stricter yearly rule: an early reminder costs a phone call, a late one a fine and an
 *   immobilised taxi. The law sets no window for that first CT. Not modelled: a vehicle put into
 *   such service later in life (its first "professional" CT is due before the change of use).
 */
export const CT_RULES: Record<VehicleCategory, CtCategoryRule> = {
  car: { firstAfterMonths: 48, firstWindowMonths: 6, periodMonths: 24 },
  van: { firstAfterMonths: 48, firstWindowMonths: 6, periodMonths: 24 },
  motorbike: { firstAfterMonths: 60, firstWindowMonths: 6, periodMonths: 36 },
  collector: { firstAfterMonths: 48, firstWindowMonths: 6, periodMonths: 60 },
  professional: { firstAfterMonths: 12, firstWindowMonths: null, periodMonths: 12 },
};

/** Counter-visit after major or critical defects: within 2 months of the failed CT. */
export const COUNTER_VISIT_MONTHS = 2;

/** Collector vehicles first registered before 1960 are exempt from the CT altogether. */
export const COLLECTOR_EXEMPT_BEFORE = '1960-01-01';

export const CT_DUE_REASON_LABELS: Record<CtDueReason, string> = {
  first: 'Premier contrôle technique',
  periodic: 'Contrôle technique périodique',
  counter_visit: 'Contre-visite',
};

export function isCtExempt(category: VehicleCategory, firstRegistrationDate: string | null) {
  return (
    category === 'collector' &&
    firstRegistrationDate !== null &&
    firstRegistrationDate < COLLECTOR_EXEMPT_BEFORE
  );
}

type FirstCt = { dueDate: string; windowStart: string | null };

/**
 * Motorbikes (L category) came under the CT on 15 April 2024 with a transition calendar
 * (arrêté published in the JO of 24 October 2023), by first registration:
 * - before 2017: anniversary before 15 April → between 15 April and 14 August 2024; otherwise
 *   within 4 months after the 2024 anniversary, by 31 December 2024 at the latest;
 * - 2017–2019: during 2025; 2020–2021: during 2026 (so by 31 December);
 * - from 2022: the standard rule, in the 6 months before the 5th anniversary.
 */
export function computeMotorbikeFirstCt(firstRegistrationDate: string): FirstCt {
  if (firstRegistrationDate >= '2022-01-01') {
    return computeStandardFirstCt(firstRegistrationDate, CT_RULES.motorbike);
  }
  if (firstRegistrationDate >= '2020-01-01') {
    return { dueDate: '2026-12-31', windowStart: '2026-01-01' };
  }
  if (firstRegistrationDate >= '2017-01-01') {
    return { dueDate: '2025-12-31', windowStart: '2025-01-01' };
  }
  // 2024 is a leap year, so every month-day (29 February included) has a 2024 anniversary.
  const anniversary2024 = `2024${firstRegistrationDate.slice(4)}`;
  if (anniversary2024 < '2024-04-15') {
    return { dueDate: '2024-08-14', windowStart: '2024-04-15' };
  }
  const fourMonthsLater = addMonths(anniversary2024, 4);
  return {
    dueDate: fourMonthsLater < '2024-12-31' ? fourMonthsLater : '2024-12-31',
    windowStart: '2024-04-15',
  };
}

function computeStandardFirstCt(firstRegistrationDate: string, rule: CtCategoryRule): FirstCt {
  const dueDate = addMonths(firstRegistrationDate, rule.firstAfterMonths);
  return {
    dueDate,
    windowStart:
      rule.firstWindowMonths === null ? null : addMonths(dueDate, -rule.firstWindowMonths),
  };
}

/** Oldest first; records of the same day keep the order given (recording order). */
function sortInspections(inspections: readonly CtInspection[]): CtInspection[] {
  for (const inspection of inspections) {
    if (!isIsoDate(inspection.date)) {
      throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${inspection.date}`);
    }
  }
  return inspections
    .map((inspection, index) => ({ inspection, index }))
    .sort((a, b) =>
      a.inspection.date === b.inspection.date
        ? a.index - b.index
        : a.inspection.date < b.inspection.date
          ? -1
          : 1,
    )
    .map(({ inspection }) => inspection);
}

/**
 * The next CT deadline, or null when there is nothing to compute (exempt collector, or neither a
 * first registration date nor a recorded CT).
 *
 * The recorded CTs are replayed in date order:
 * - a CT with major or critical defects opens a counter-visit, due 2 months after it;
 * - a record on or before that deadline is the counter-visit. If it fails again, another
 *   counter-visit is needed within the same 2 months (they count from the failed periodic CT,
 *   not from the failed counter-visit). If it passes, the next periodic CT counts from the
 *   failed periodic CT, not from the counter-visit: that is how the CT centre dates the next
 *   visit, and it is also the earlier, safer of the two readings;
 * - a record after that deadline is a full CT again (the counter-visit window was missed);
 * - any other record is a periodic CT: the next one is due a period after it, whether it was
 *   done early or late.
 */
export function computeCtDue(input: CtDueInput): CtDue | null {
  const { category, firstRegistrationDate, inspections } = input;
  if (isCtExempt(category, firstRegistrationDate)) return null;
  const rule = CT_RULES[category];

  let lastPeriodic: string | null = null;
  let counterVisit: { deadline: string; mayDriveUntil: string } | null = null;
  for (const inspection of sortInspections(inspections)) {
    const isCounterVisit = counterVisit !== null && inspection.date <= counterVisit.deadline;
    if (!isCounterVisit) lastPeriodic = inspection.date;
    if (inspection.result === 'pass') {
      counterVisit = null;
      continue;
    }
    const deadline: string =
      isCounterVisit && counterVisit
        ? counterVisit.deadline
        : addMonths(inspection.date, COUNTER_VISIT_MONTHS);
    counterVisit = {
      deadline,
      mayDriveUntil: inspection.result === 'critical' ? inspection.date : deadline,
    };
  }

  if (counterVisit && lastPeriodic) {
    return {
      dueDate: counterVisit.deadline,
      reason: 'counter_visit',
      windowStart: lastPeriodic,
      mayDriveUntil: counterVisit.mayDriveUntil,
    };
  }
  if (lastPeriodic) {
    const dueDate = addMonths(lastPeriodic, rule.periodMonths);
    return { dueDate, reason: 'periodic', windowStart: null, mayDriveUntil: dueDate };
  }
  if (firstRegistrationDate === null) return null;
  const first =
    category === 'motorbike'
      ? computeMotorbikeFirstCt(firstRegistrationDate)
      : computeStandardFirstCt(firstRegistrationDate, rule);
  return { ...first, reason: 'first', mayDriveUntil: first.dueDate };
}
