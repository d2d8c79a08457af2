import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import {
  AlertRulesUpdateSchema,
  AlertRulesValuesSchema,
  CronSchema,
  computeSeverity,
  DEFAULT_ALERT_RULES,
  isValidCronExpression,
} from './rules';

describe('alert severity around a due date', () => {
  const rules = DEFAULT_ALERT_RULES;
  const due = '2026-12-31';
  const on = (daysBefore: number) => computeSeverity(due, addDays(due, -daysBefore), rules);

  it('is nothing yet 31 days before, and soon from 30 days before', () => {
    expect(on(31)).toBeNull();
    expect(on(365)).toBeNull();
    expect(on(30)).toBe('soon');
    expect(on(8)).toBe('soon');
  });

  it('is urgent from 7 days before up to the due day itself', () => {
    expect(on(7)).toBe('urgent');
    expect(on(1)).toBe('urgent');
    expect(on(0)).toBe('urgent');
  });

  it('is overdue from the day after the due date, for good', () => {
    expect(on(-1)).toBe('overdue');
    expect(on(-400)).toBe('overdue');
  });

  it('follows thresholds the admin changed', () => {
    const custom = { openDaysBefore: 60, urgentDaysBefore: 0 };
    expect(computeSeverity(due, addDays(due, -61), custom)).toBeNull();
    expect(computeSeverity(due, addDays(due, -60), custom)).toBe('soon');
    expect(computeSeverity(due, addDays(due, -1), custom)).toBe('soon');
    expect(computeSeverity(due, due, custom)).toBe('urgent');
  });

  it('counts Paris calendar days across a DST change and a year end', () => {
    expect(computeSeverity('2026-04-05', '2026-03-29', rules)).toBe('urgent');
    expect(computeSeverity('2026-04-05', '2026-03-28', rules)).toBe('soon');
    expect(computeSeverity('2027-01-07', '2026-12-31', rules)).toBe('urgent');
  });
});

describe('the default alert rules', () => {
  it('are the brief’s: open 30 days before, urgent 7 days before, quotes 7 and 3 days', () => {
    expect(DEFAULT_ALERT_RULES).toMatchObject({
      openDaysBefore: 30,
      urgentDaysBefore: 7,
      quoteFollowUpDays: 7,
      quoteExpiryWarningDays: 3,
      schedule: '*/15 * * * *',
    });
    expect(AlertRulesValuesSchema.parse(DEFAULT_ALERT_RULES)).toEqual(DEFAULT_ALERT_RULES);
  });

  it('refuse a negative or fractional number of days', () => {
    expect(
      AlertRulesValuesSchema.safeParse({ ...DEFAULT_ALERT_RULES, openDaysBefore: -1 }).success,
    ).toBe(false);
    expect(
      AlertRulesValuesSchema.safeParse({ ...DEFAULT_ALERT_RULES, urgentDaysBefore: 2.5 }).success,
    ).toBe(false);
  });

  it('need a version to be updated', () => {
    expect(AlertRulesUpdateSchema.safeParse(DEFAULT_ALERT_RULES).success).toBe(false);
    expect(AlertRulesUpdateSchema.safeParse({ ...DEFAULT_ALERT_RULES, version: 0 }).success).toBe(
      true,
    );
  });

  it('refuse urgency before opening, on the urgency field', () => {
    const result = AlertRulesUpdateSchema.safeParse({
      ...DEFAULT_ALERT_RULES,
      urgentDaysBefore: 40,
      version: 0,
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['urgentDaysBefore']]);
  });

  it('refuse a body that is not an object with one issue, without throwing', () => {
    // The OpenAPI generator parses null to probe nullability: a throw here was a 500.
    for (const body of [null, 'règles', 42]) {
      const result = AlertRulesUpdateSchema.safeParse(body);
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([[]]);
    }
  });
});

describe('the check schedule, a cron expression', () => {
  it.each([
    '*/15 * * * *',
    '0 7 * * 1-5',
    '30 6,12,18 * * *',
    '0 8 * * MON-FRI',
    '0 0 1 jan,jul *',
    '5/10 * * * *',
    '0 9-18/3 * * *',
    '0 8 ? * SUN',
    '59 23 31 12 7',
    '  */5   *  * * *  ',
  ])('accepts %j', (expression) => {
    expect(isValidCronExpression(expression)).toBe(true);
    expect(CronSchema.safeParse(expression).success).toBe(true);
  });

  it.each([
    '',
    '* * * *',
    '*/15 * * * * *',
    'every day',
    '@hourly',
    '0 7 * * lundi',
    '60 * * * *',
    '0 24 * * *',
    '0 0 0 * *',
    '0 0 32 * *',
    '0 0 * 13 *',
    '0 0 * * 8',
    '*/0 * * * *',
    '*/60 * * * *',
    '0 18-9 * * *',
    '0 0 * * FRI-MON',
    '? * * * *',
    '0 0 L * *',
    '0 0 * * 1#2',
    '1,,2 * * * *',
    '1-2-3 * * * *',
    '*/5/2 * * * *',
    '-1 * * * *',
  ])('refuses %j', (expression) => {
    expect(isValidCronExpression(expression)).toBe(false);
    expect(CronSchema.safeParse(expression).success).toBe(false);
  });

  it('explains the format in French when it refuses one', () => {
    expect(CronSchema.safeParse('every day').error?.issues[0]?.message).toBe(
      'Planification : une expression cron à 5 champs (ex. « */15 * * * * »).',
    );
  });

  it('is stored trimmed', () => {
    expect(CronSchema.parse('  0 7 * * 1-5 ')).toBe('0 7 * * 1-5');
  });
});
