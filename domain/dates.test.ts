import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  endOfDayParis,
  formatDateFr,
  formatDateTimeFr,
  GARAGE_TZ,
  IsoDateSchema,
  IsoInstantSchema,
  isIsoDate,
  startOfDayInParis,
  todayInParis,
  toParisDate,
} from './dates';

const isoDates = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString().slice(0, 10));

describe('calendar dates as YYYY-MM-DD strings', () => {
  it('accepts real dates, leap days included', () => {
    for (const date of ['2026-11-24', '2024-02-29', '2000-02-29', '1960-01-01', '2026-12-31']) {
      expect(IsoDateSchema.safeParse(date).success).toBe(true);
      expect(isIsoDate(date)).toBe(true);
    }
  });

  it('refuses dates that do not exist, with a French message', () => {
    for (const date of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01']) {
      const result = IsoDateSchema.safeParse(date);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Cette date n'existe pas.");
    }
  });

  it('refuses other shapes of date, with a French message', () => {
    for (const date of ['24/11/2026', '2026-1-5', '2026-11-24T10:00:00Z', '', '20261124']) {
      const result = IsoDateSchema.safeParse(date);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Date attendue au format AAAA-MM-JJ.');
    }
  });

  it('takes years below 100 literally instead of as 19xx', () => {
    expect(isIsoDate('0050-02-29')).toBe(false);
    expect(isIsoDate('0048-02-29')).toBe(true);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('accepts ISO instants in UTC only as instants', () => {
    expect(IsoInstantSchema.safeParse('2026-11-24T13:05:00.000Z').success).toBe(true);
    expect(IsoInstantSchema.safeParse('2026-11-24').success).toBe(false);
  });

  it('throws on a date that does not exist rather than guessing one', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('not a date', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-11-24', '2026-11-31')).toThrow(RangeError);
    expect(() => formatDateFr('2026-02-30')).toThrow(RangeError);
  });
});

describe('adding days', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(addDays('2026-11-24', -365)).toBe('2025-11-24');
  });

  it('does not lose a day across the DST changes of 2026', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('round-trips with daysBetween for any date and any offset', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isIsoDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(days);
        expect(addDays(moved, -days)).toBe(date);
      }),
    );
  });
});

describe('adding months and years', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });

  it('keeps the day when the target month is long enough', () => {
    expect(addMonths('2026-12-15', 2)).toBe('2027-02-15');
    expect(addMonths('2026-01-30', 2)).toBe('2026-03-30');
    expect(addMonths('2026-05-10', -12)).toBe('2025-05-10');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-11-24', 0)).toBe('2026-11-24');
  });

  it('puts the anniversary of a 29 February on 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 5)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('2026-11-24', -2)).toBe('2024-11-24');
  });

  it('never overshoots into the next month and keeps the day whenever it can', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const moved = addMonths(date, months);
        const monthIndex = (value: string) =>
          Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));
        expect(monthIndex(moved) - monthIndex(date)).toBe(months);
        expect(Number(moved.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
        if (Number(date.slice(8)) <= 28) expect(moved.slice(8)).toBe(date.slice(8));
      }),
    );
  });

  it('makes a year twelve months', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -50, max: 50 }), (date, years) => {
        expect(addYears(date, years)).toBe(addMonths(date, years * 12));
      }),
    );
  });
});

describe('counting days', () => {
  it('counts whole calendar days, negative backwards', () => {
    expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(daysBetween('2026-11-24', '2026-12-24')).toBe(30);
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('counts a DST day as one day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('the day in Paris', () => {
  it('is Europe/Paris', () => {
    expect(GARAGE_TZ).toBe('Europe/Paris');
  });

  it('turns at local midnight, not at UTC midnight', () => {
    // Winter (UTC+1): 23:30 UTC is already 00:30 the next day in Paris.
    expect(todayInParis(new Date('2026-11-24T22:59:59Z'))).toBe('2026-11-24');
    expect(todayInParis(new Date('2026-11-24T23:00:00Z'))).toBe('2026-11-25');
    expect(todayInParis(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    // Summer (UTC+2): 22:30 UTC is 00:30 the next day.
    expect(todayInParis(new Date('2026-07-14T21:59:59Z'))).toBe('2026-07-14');
    expect(todayInParis(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    // New Year's Eve.
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('reads the date of an ISO instant the same way', () => {
    expect(toParisDate('2026-11-24T23:30:00.000Z')).toBe('2026-11-25');
    expect(toParisDate(new Date('2026-11-24T12:00:00Z'))).toBe('2026-11-24');
    expect(() => toParisDate('yesterday')).toThrow(RangeError);
  });

  it('starts at local midnight on DST days', () => {
    expect(startOfDayInParis('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInParis('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayInParis('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayInParis('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('ends at the next local midnight, 23 hours long in March and 25 in October', () => {
    expect(endOfDayParis('2026-11-24').toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(endOfDayParis('2026-07-14').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(endOfDayParis('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(endOfDayParis('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    const hours = (date: string) =>
      (endOfDayParis(date).getTime() - startOfDayInParis(date).getTime()) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-11-24')).toBe(24);
    expect(hours('2027-03-28')).toBe(23);
    expect(hours('2027-10-31')).toBe(25);
  });

  it('ends where the next day starts, and the last millisecond still belongs to it', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const end = endOfDayParis(date);
        expect(end.getTime()).toBe(startOfDayInParis(addDays(date, 1)).getTime());
        expect(todayInParis(new Date(end.getTime() - 1))).toBe(date);
        expect(todayInParis(end)).toBe(addDays(date, 1));
        expect(todayInParis(startOfDayInParis(date))).toBe(date);
      }),
    );
  });

  it('throws on an invalid instant instead of writing NaN dates', () => {
    expect(() => todayInParis(new Date('nope'))).toThrow(RangeError);
  });
});

describe('French formats', () => {
  it('writes a date as dd/mm/yyyy', () => {
    expect(formatDateFr('2026-11-24')).toBe('24/11/2026');
    expect(formatDateFr('2024-02-29')).toBe('29/02/2024');
    expect(formatDateFr('2027-01-05')).toBe('05/01/2027');
  });

  it('writes an instant as Paris wall-clock time, dd/mm/yyyy hh:mm', () => {
    expect(formatDateTimeFr('2026-11-24T13:05:00.000Z')).toBe('24/11/2026 14:05');
    expect(formatDateTimeFr(new Date('2026-07-14T13:05:00Z'))).toBe('14/07/2026 15:05');
    expect(formatDateTimeFr('2026-11-24T23:30:00Z')).toBe('25/11/2026 00:30');
    expect(formatDateTimeFr('2026-03-29T00:59:00Z')).toBe('29/03/2026 01:59');
    expect(formatDateTimeFr('2026-03-29T01:00:00Z')).toBe('29/03/2026 03:00');
    expect(formatDateTimeFr('2026-10-25T00:30:00Z')).toBe('25/10/2026 02:30');
    expect(formatDateTimeFr('2026-10-25T01:30:00Z')).toBe('25/10/2026 02:30');
    expect(() => formatDateTimeFr('nope')).toThrow(RangeError);
  });
});

describe('independence from the host time zone', () => {
  const hostZone = process.env.TZ;
  afterEach(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  it('gives the same answers on a server in Paris, New York or Kiritimati', () => {
    for (const zone of ['UTC', 'Europe/Paris', 'America/New_York', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
      expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
      expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
      expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
      expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
      expect(todayInParis(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
      expect(endOfDayParis('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
      expect(formatDateTimeFr('2026-11-24T13:05:00Z')).toBe('24/11/2026 14:05');
    }
  });
});
