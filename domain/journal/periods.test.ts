import { describe, expect, it } from 'vitest';
import { describeClosurePeriod, namePeriod, parsePeriodName, periodOf } from './periods';

describe('closure periods', () => {
  it('spans a day, a calendar month (February of a leap year included) and a calendar year', () => {
    expect(periodOf('day', '2026-11-24')).toEqual({
      level: 'day',
      start: '2026-11-24',
      end: '2026-11-24',
    });
    expect(periodOf('month', '2028-02-15')).toMatchObject({
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodOf('month', '2026-12-31')).toMatchObject({
      start: '2026-12-01',
      end: '2026-12-31',
    });
    expect(periodOf('year', '2026-06-01')).toMatchObject({
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('reads and writes the names exports use, and refuses what is none', () => {
    for (const name of ['2026-11-24', '2026-11', '2026']) {
      const period = parsePeriodName(name);
      expect(period && namePeriod(period)).toBe(name);
    }
    expect(parsePeriodName('2026-13')).toBeNull();
    expect(parsePeriodName('26-11')).toBeNull();
  });

  it('names a period in French', () => {
    expect(describeClosurePeriod('day', '2026-11-24')).toBe('journée du 24/11/2026');
    expect(describeClosurePeriod('month', '2026-08-01')).toBe('mois d’août 2026');
    expect(describeClosurePeriod('month', '2026-11-01')).toBe('mois de novembre 2026');
    expect(describeClosurePeriod('year', '2026-01-01')).toBe('année 2026');
  });
});
