import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  startOfDayInParis,
  todayInParis,
} from '../dates';
import { computeCtDue } from './ct-rules';
import {
  computeDeclinedWorkReminder,
  computeExpiryWarning,
  computeFollowUp,
} from './quote-reminders';
import { AlertRulesValuesSchema, CronSchema, computeSeverity, DEFAULT_ALERT_RULES } from './rules';
import { computeServiceDue, estimateKmPerDay, predictDateForKm } from './service-rules';

describe('calendar dates', () => {
  it('clamps month and year additions at the end of the month, leap days included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 2)).toBe('2027-02-15');
  });

  it('counts calendar days across DST changes without drifting', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
  });

  it('takes the day in Paris, not in UTC', () => {
    expect(todayInParis(new Date('2026-11-30T22:59:00Z'))).toBe('2026-11-30');
    expect(todayInParis(new Date('2026-11-30T23:00:00Z'))).toBe('2026-12-01');
    expect(todayInParis(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInParis(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('starts a Paris day at local midnight on DST days', () => {
    expect(startOfDayInParis('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInParis('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayInParis('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayInParis('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('contrôle technique due dates', () => {
  const car = (
    firstRegistrationDate: string | null,
    inspections: Array<{ date: string; result: 'pass' | 'major' | 'critical' }> = [],
  ) => computeCtDue({ category: 'car', firstRegistrationDate, inspections });

  it('puts a car’s first CT at the 4th anniversary of its first registration', () => {
    expect(car('2022-05-10')).toMatchObject({ dueDate: '2026-05-10', reason: 'first' });
  });

  it('handles a first registration on a leap day', () => {
    expect(car('2020-02-29')).toMatchObject({ dueDate: '2024-02-29', reason: 'first' });
    // Registered from 2022 on, the standard motorbike rule applies (earlier ones follow the
    // 2024–2026 transition calendar, see ct-rules.test.ts).
    expect(
      computeCtDue({ category: 'motorbike', firstRegistrationDate: '2024-02-29', inspections: [] }),
    ).toMatchObject({
      dueDate: '2029-02-28',
      reason: 'first',
    });
  });

  it('then every 2 years from the last CT, early or late', () => {
    expect(car('2018-01-15', [{ date: '2022-01-03', result: 'pass' }])).toMatchObject({
      dueDate: '2024-01-03',
      reason: 'periodic',
    });
    expect(car('2018-01-15', [{ date: '2022-03-20', result: 'pass' }])).toMatchObject({
      dueDate: '2024-03-20',
      reason: 'periodic',
    });
  });

  it('asks for a counter-visit within 2 months after major or critical defects', () => {
    expect(car('2018-01-15', [{ date: '2026-01-31', result: 'major' }])).toMatchObject({
      dueDate: '2026-03-31',
      reason: 'counter_visit',
    });
    expect(car('2018-01-15', [{ date: '2025-12-31', result: 'critical' }])).toMatchObject({
      dueDate: '2026-02-28',
      reason: 'counter_visit',
    });
  });

  it('keeps the failed inspection’s cycle after a counter-visit that passes', () => {
    const due = car('2018-01-15', [
      { date: '2026-01-10', result: 'major' },
      { date: '2026-02-20', result: 'pass' },
    ]);
    expect(due).toMatchObject({ dueDate: '2028-01-10', reason: 'periodic' });
  });

  it('applies the motorbike, collector and professional calendars', () => {
    expect(
      computeCtDue({ category: 'motorbike', firstRegistrationDate: '2022-06-01', inspections: [] })
        ?.dueDate,
    ).toBe('2027-06-01');
    expect(
      computeCtDue({
        category: 'motorbike',
        firstRegistrationDate: '2015-06-01',
        inspections: [{ date: '2024-05-01', result: 'pass' }],
      })?.dueDate,
    ).toBe('2027-05-01');
    expect(
      computeCtDue({
        category: 'collector',
        firstRegistrationDate: '1970-06-01',
        inspections: [{ date: '2024-05-01', result: 'pass' }],
      })?.dueDate,
    ).toBe('2029-05-01');
    expect(
      computeCtDue({
        category: 'professional',
        firstRegistrationDate: '2025-09-01',
        inspections: [],
      })?.dueDate,
    ).toBe('2026-09-01');
    expect(
      computeCtDue({
        category: 'professional',
        firstRegistrationDate: '2020-09-01',
        inspections: [{ date: '2026-02-01', result: 'pass' }],
      })?.dueDate,
    ).toBe('2027-02-01');
  });

  it('has no due date without a registration date or any CT', () => {
    expect(car(null)).toBeNull();
  });

  it('orders visits by date whatever order they come in', () => {
    expect(
      car('2018-01-15', [
        { date: '2024-01-10', result: 'pass' },
        { date: '2022-01-10', result: 'major' },
      ])?.dueDate,
    ).toBe('2026-01-10');
  });
});

describe('alert severity', () => {
  const rules = { openDaysBefore: 30, urgentDaysBefore: 7 };
  it('opens 30 days before, turns urgent 7 days before, overdue the day after', () => {
    expect(computeSeverity('2026-12-31', '2026-11-30', rules)).toBeNull();
    expect(computeSeverity('2026-12-31', '2026-12-01', rules)).toBe('soon');
    expect(computeSeverity('2026-12-31', '2026-12-23', rules)).toBe('soon');
    expect(computeSeverity('2026-12-31', '2026-12-24', rules)).toBe('urgent');
    expect(computeSeverity('2026-12-31', '2026-12-31', rules)).toBe('urgent');
    expect(computeSeverity('2026-12-31', '2027-01-01', rules)).toBe('overdue');
  });
});

describe('service due', () => {
  const readings = [
    { date: '2025-01-01', km: 40_000 },
    { date: '2025-07-01', km: 47_240 },
  ];

  it('estimates the pace from the readings, ignoring lower ones', () => {
    expect(estimateKmPerDay(readings)).toBeCloseTo(40, 5);
    expect(estimateKmPerDay([...readings, { date: '2025-04-01', km: 100 }])).toBeCloseTo(40, 5);
    expect(estimateKmPerDay([readings[0]!])).toBeNull();
    expect(
      estimateKmPerDay([
        { date: '2025-01-01', km: 1 },
        { date: '2025-01-10', km: 500 },
      ]),
    ).toBeNull();
  });

  it('predicts the date a mileage will be reached', () => {
    // 4,000 km at 40 km/day from 2025-07-01.
    expect(predictDateForKm(readings, 51_240)).toBe('2025-10-09');
    // Already passed before the first reading: reached by that reading's date at the latest.
    expect(predictDateForKm(readings, 10_000)).toBe('2025-01-01');
  });

  it('is due by date or by km, whichever comes first', () => {
    const byKm = computeServiceDue({
      firstRegistrationDate: '2020-01-01',
      lastService: { date: '2025-03-01', km: 44_000 },
      intervalMonths: 12,
      intervalKm: 10_000,
      policy: 'restart',
      readings,
    });
    // 54,000 km: 6,760 km after the newest reading at 40 km/day → 169 days.
    expect(byKm).toMatchObject({
      dateDue: '2026-03-01',
      kmDue: 54_000,
      kmDueDate: '2025-12-17',
      dueDate: '2025-12-17',
      reason: 'km',
    });
    const slow = computeServiceDue({
      firstRegistrationDate: '2020-01-01',
      lastService: { date: '2025-03-01', km: 44_000 },
      intervalMonths: 12,
      intervalKm: 30_000,
      policy: 'restart',
      readings,
    });
    expect(slow).toMatchObject({ dueDate: '2026-03-01', reason: 'date' });
  });

  it('restarts the interval after an early service, or keeps the schedule, by rule', () => {
    const base = {
      firstRegistrationDate: '2022-06-15',
      lastService: { date: '2025-05-01', km: 29_000 },
      intervalMonths: 12,
      intervalKm: 15_000,
      readings: [],
    };
    expect(computeServiceDue({ ...base, policy: 'restart' })).toMatchObject({
      dateDue: '2026-05-01',
      kmDue: 44_000,
    });
    expect(computeServiceDue({ ...base, policy: 'keep_schedule' })).toMatchObject({
      dateDue: '2026-06-15',
      kmDue: 45_000,
    });
  });

  it('counts from the first registration when no service is on record', () => {
    expect(
      computeServiceDue({
        firstRegistrationDate: '2025-09-30',
        lastService: null,
        intervalMonths: 12,
        intervalKm: 15_000,
        policy: 'restart',
        readings: [],
      }),
    ).toMatchObject({
      dueDate: '2026-09-30',
      reason: 'date',
    });
  });
});

describe('quote reminders', () => {
  it('follows a sent quote up after N days, urgent a week later', () => {
    expect(computeFollowUp('2026-11-10', '2026-11-16', 7)).toBeNull();
    expect(computeFollowUp('2026-11-10', '2026-11-17', 7)).toEqual({
      dueDate: '2026-11-17',
      severity: 'soon',
    });
    expect(computeFollowUp('2026-11-10', '2026-11-24', 7)).toEqual({
      dueDate: '2026-11-17',
      severity: 'urgent',
    });
  });

  it('warns N days before a quote expires, urgent on its last day', () => {
    expect(computeExpiryWarning('2026-11-30', '2026-11-26', 3)).toBeNull();
    expect(computeExpiryWarning('2026-11-30', '2026-11-27', 3)).toEqual({
      dueDate: '2026-11-30',
      severity: 'soon',
    });
    expect(computeExpiryWarning('2026-11-30', '2026-11-30', 3)).toEqual({
      dueDate: '2026-11-30',
      severity: 'urgent',
    });
    expect(computeExpiryWarning('2026-11-30', '2026-12-01', 3)).toBeNull();
  });

  it('reminds declined work after N days', () => {
    expect(computeDeclinedWorkReminder('2026-08-01', '2026-10-29', 90)).toBeNull();
    expect(computeDeclinedWorkReminder('2026-08-01', '2026-10-30', 90)).toEqual({
      dueDate: '2026-10-30',
      severity: 'soon',
    });
  });
});

describe('the alert rules', () => {
  it('defaults to the brief’s thresholds and every 15 minutes', () => {
    expect(AlertRulesValuesSchema.parse(DEFAULT_ALERT_RULES)).toEqual(DEFAULT_ALERT_RULES);
    expect(DEFAULT_ALERT_RULES).toMatchObject({
      openDaysBefore: 30,
      urgentDaysBefore: 7,
      quoteFollowUpDays: 7,
      quoteExpiryWarningDays: 3,
      schedule: '*/15 * * * *',
    });
  });

  it('accepts five-field cron expressions only', () => {
    for (const good of ['*/15 * * * *', '0 7 * * 1-5', '30 6,12,18 * * *'])
      expect(CronSchema.safeParse(good).success).toBe(true);
    for (const bad of ['* * * *', 'every day', '*/15 * * * * *', '0 7 * * lundi'])
      expect(CronSchema.safeParse(bad).success).toBe(false);
  });
});
