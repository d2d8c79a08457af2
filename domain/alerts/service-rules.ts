import { addDays, addMonths, daysBetween, isIsoDate } from '../dates';
import type { ServicePolicy } from './rules';

export type MileageReading = { date: string; km: number };

/** The pace is read over about the last two years: habits change (new job, retirement). */
const PACE_WINDOW_DAYS = 730;
/** Below a month between readings, a pace is noise (one long trip, one typo). */
const MIN_PACE_SPAN_DAYS = 30;
/** A prediction further out than this is no prediction (a car that barely moves). */
const MAX_PREDICTION_DAYS = 50 * 365;

export type PaceOptions = {
  /**
   * A reading to fall back on when the readings alone span less than a month, typically the
   * first registration at 0 km: one reading then still gives the average pace since new.
   */
  origin?: MileageReading | null;
};

/**
 * The longest run of readings whose km never goes down (input sorted by date, then km). Among
 * equally long runs: the one that keeps the newest reading, then the one that keeps the older
 * readings, so in 40 000 → 100 → 47 240 the 100 goes, and in 10 000 → 150 000 → 20 000 the
 * 150 000 goes. Quadratic, but only for the rare series that ever go down.
 */
function keepNonDecreasing(sorted: readonly MileageReading[]): MileageReading[] {
  if (sorted.every((reading, index) => index === 0 || sorted[index - 1]!.km <= reading.km)) {
    return [...sorted];
  }
  const lengths = sorted.map(() => 1);
  sorted.forEach((reading, index) => {
    for (let before = 0; before < index; before += 1) {
      if (sorted[before]!.km <= reading.km) {
        lengths[index] = Math.max(lengths[index]!, lengths[before]! + 1);
      }
    }
  });
  const longest = Math.max(...lengths);
  let end = lengths.lastIndexOf(longest);
  const chain: MileageReading[] = [sorted[end]!];
  for (let length = longest - 1; length >= 1; length -= 1) {
    const at = sorted[end]!;
    end = lengths.findIndex(
      (candidate, index) => index < end && candidate === length && sorted[index]!.km <= at.km,
    );
    chain.push(sorted[end]!);
  }
  return chain.reverse();
}

/**
 * The readings we trust, oldest first, one per day:
 * - invalid ones (not a date, negative or non-finite km) are dropped;
 * - readings that go down against the others (a typo such as 150 000 for 15 000, an odometer
 *   replaced) are dropped by keeping the longest run that never goes down, so one bad reading
 *   costs one reading, whether it is too high or too low;
 * - several readings on the same day keep the highest.
 */
export function cleanReadings(readings: readonly MileageReading[]): MileageReading[] {
  const valid = readings
    .filter((reading) => isIsoDate(reading.date) && Number.isFinite(reading.km) && reading.km >= 0)
    .map(({ date, km }) => ({ date, km }))
    .sort((a, b) => (a.date === b.date ? a.km - b.km : a.date < b.date ? -1 : 1));
  const chain = keepNonDecreasing(valid);
  return chain.filter((reading, index) => chain[index + 1]?.date !== reading.date);
}

/**
 * Km per day, from the newest trusted reading back to the reading about two years before it
 * (or the oldest one). Null when the readings span less than a month and no `origin` helps:
 * a single reading, or all on the same day. 0 for a vehicle that does not move.
 */
export function estimateKmPerDay(
  readings: readonly MileageReading[],
  options: PaceOptions = {},
): number | null {
  const series = cleanReadings(readings);
  const newest = series.at(-1);
  if (!newest) return null;
  const windowStart = addDays(newest.date, -PACE_WINDOW_DAYS);
  const from = series.findLast((reading) => reading.date <= windowStart) ?? series[0]!;
  let span = daysBetween(from.date, newest.date);
  let distance = newest.km - from.km;
  const { origin } = options;
  if (span < MIN_PACE_SPAN_DAYS && origin && origin.km <= newest.km) {
    span = daysBetween(origin.date, newest.date);
    distance = newest.km - origin.km;
  }
  if (span < MIN_PACE_SPAN_DAYS) return null;
  return distance / span;
}

/**
 * The odometer on `date`: read between the trusted readings around it (or `origin` and the
 * first reading), or carried forward at the current pace after the newest one (the newest km
 * as is without a pace). Null when nothing is known before and after `date`. For a service
 * recorded without its km: `km ?? estimateKmOn(date, readings, { origin })`.
 */
export function estimateKmOn(
  date: string,
  readings: readonly MileageReading[],
  options: PaceOptions = {},
): number | null {
  const series = cleanReadings(readings);
  const after = series.findIndex((reading) => reading.date >= date);
  const newest = series.at(-1);
  if (!newest) return null;
  if (after === -1) {
    const pace = estimateKmPerDay(series, options);
    return pace === null
      ? newest.km
      : Math.round(newest.km + pace * daysBetween(newest.date, date));
  }
  const next = series[after]!;
  if (next.date === date) return next.km;
  const { origin } = options;
  const before =
    after > 0
      ? series[after - 1]!
      : origin && origin.date < date && origin.km <= next.km
        ? origin
        : null;
  if (!before) return null;
  const share = daysBetween(before.date, date) / daysBetween(before.date, next.date);
  return Math.round(before.km + share * (next.km - before.km));
}

/**
 * The day the odometer reaches `km`:
 * - already reached: the day it was passed, read between the last trusted reading below `km`
 *   (or `origin`) and the first at or above it; just that first reading's date if nothing is
 *   known before it (it was reached by then);
 * - not yet: from the newest reading at the estimated pace, rounded up to the first whole day
 *   by which it is passed. Null without a pace, for a vehicle that does not move, or beyond
 *   50 years.
 */
export function predictDateForKm(
  readings: readonly MileageReading[],
  km: number,
  options: PaceOptions = {},
): string | null {
  const series = cleanReadings(readings);
  const reached = series.findIndex((reading) => reading.km >= km);
  if (reached !== -1) {
    const at = series[reached]!;
    const below = reached > 0 ? series[reached - 1]! : options.origin;
    if (!below || below.km >= km || below.date >= at.date) return at.date;
    const share = (km - below.km) / (at.km - below.km);
    return addDays(below.date, Math.ceil(share * daysBetween(below.date, at.date)));
  }
  const newest = series.at(-1);
  const pace = estimateKmPerDay(series, options);
  if (!newest || pace === null || pace <= 0) return null;
  const days = Math.ceil((km - newest.km) / pace);
  return days > MAX_PREDICTION_DAYS ? null : addDays(newest.date, days);
}

export type ServiceDue = {
  /** The earlier of `dateDue` and `kmDueDate`: the alert's due date. */
  dueDate: string;
  /** What makes it due first (a tie goes to the date, which is certain). */
  reason: 'date' | 'km';
  /**
   * Due by date. It only moves when a service is recorded (or the rule changes), unlike the
   * km-predicted date that moves with every reading: use it as the dedupe key's date.
   */
  dateDue: string;
  kmDue: number;
  /** When the km threshold is (or was) reached, if the history allows a prediction. */
  kmDueDate: string | null;
  /** The pace used for `kmDueDate`, in km per day. */
  kmPerDay: number | null;
  /** What the interval counts from: the last service, or the first registration (none yet). */
  basis: 'last_service' | 'first_registration';
  /** The odometer today at the estimated pace (when `today` is given and readings allow). */
  estimatedKmToday: number | null;
};

export type ServiceDueInput = {
  firstRegistrationDate: string | null;
  lastService: { date: string; km: number } | null;
  intervalMonths: number;
  intervalKm: number;
  policy: ServicePolicy;
  readings: readonly MileageReading[];
  /** Only for `estimatedKmToday`; the due date never depends on it. */
  today?: string;
};

/** Date-grid slot `slot` of a schedule anchored on the first registration, never drifting. */
function slotDate(anchor: string, intervalMonths: number, slot: number): string {
  // From the anchor each time: 31/01 + 1 month is 28/02, but 31/01 + 2 months is 31/03.
  return addMonths(anchor, slot * intervalMonths);
}

/**
 * `keep_schedule`: the service counts for the grid point nearest to it (early or late; a tie
 * counts it as late, the safer reading), and the next one is due on the following grid point.
 * Counting it for the first grid point on or after its date would make a service done a week
 * late skip a whole interval.
 */
function nextSlotDate(anchor: string, intervalMonths: number, serviceDate: string): string {
  const approximate = Math.floor(daysBetween(anchor, serviceDate) / (intervalMonths * 30.436875));
  let nearest = Math.max(0, approximate - 1);
  for (let slot = nearest + 1; slot <= approximate + 2; slot += 1) {
    const distance = Math.abs(daysBetween(slotDate(anchor, intervalMonths, slot), serviceDate));
    const best = Math.abs(daysBetween(slotDate(anchor, intervalMonths, nearest), serviceDate));
    if (distance < best) nearest = slot;
  }
  return slotDate(anchor, intervalMonths, nearest + 1);
}

function nextSlotKm(intervalKm: number, serviceKm: number): number {
  const below = Math.floor(serviceKm / intervalKm);
  const nearest = serviceKm - below * intervalKm > intervalKm / 2 ? below + 1 : below;
  return (nearest + 1) * intervalKm;
}

/**
 * Service due by date or by km, whichever comes first (brief, "Alert rules").
 * - No service on record: the interval counts from the first registration at 0 km; neither
 *   known → null.
 * - "Done early", by rule: `restart` counts the next interval from the service actually done;
 *   `keep_schedule` keeps the grid anchored on the first registration (dates) and on multiples
 *   of the km interval, see `nextSlotDate` (no first registration: no grid, so it restarts).
 * - The km due date is predicted from the readings, the last service's odometer being one more
 *   reading, with the first registration at 0 km as the fallback origin of the pace.
 */
export function computeServiceDue(input: ServiceDueInput): ServiceDue | null {
  const { firstRegistrationDate, lastService, intervalMonths, intervalKm, policy } = input;
  const origin = firstRegistrationDate ? { date: firstRegistrationDate, km: 0 } : null;
  const base = lastService ?? origin;
  if (!base) return null;

  const keepsSchedule = policy === 'keep_schedule' && lastService !== null && origin !== null;
  const dateDue = keepsSchedule
    ? nextSlotDate(origin.date, intervalMonths, base.date)
    : addMonths(base.date, intervalMonths);
  const kmDue = keepsSchedule ? nextSlotKm(intervalKm, base.km) : base.km + intervalKm;

  const readings = lastService ? [...input.readings, lastService] : input.readings;
  const kmDueDate = predictDateForKm(readings, kmDue, { origin });
  const kmPerDay = estimateKmPerDay(readings, { origin });
  const isKmFirst = kmDueDate !== null && kmDueDate < dateDue;
  return {
    dueDate: isKmFirst ? kmDueDate : dateDue,
    reason: isKmFirst ? 'km' : 'date',
    dateDue,
    kmDue,
    kmDueDate,
    kmPerDay,
    basis: lastService ? 'last_service' : 'first_registration',
    estimatedKmToday: input.today ? estimateKmOn(input.today, readings, { origin }) : null,
  };
}
