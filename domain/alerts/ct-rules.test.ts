import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../dates';
import type { InspectionResult, VehicleCategory } from '../schemas/vehicle';
import {
  COUNTER_VISIT_MONTHS,
  CT_DUE_REASON_LABELS,
  CT_RULES,
  type CtInspection,
  computeCtDue,
  computeMotorbikeFirstCt,
  isCtExempt,
} from './ct-rules';

const CATEGORIES: VehicleCategory[] = ['car', 'van', 'motorbike', 'collector', 'professional'];

function ct(
  category: VehicleCategory,
  firstRegistrationDate: string | null,
  inspections: CtInspection[] = [],
) {
  return computeCtDue({ category, firstRegistrationDate, inspections });
}

const pass = (date: string): CtInspection => ({ date, result: 'pass' });
const major = (date: string): CtInspection => ({ date, result: 'major' });
const critical = (date: string): CtInspection => ({ date, result: 'critical' });

describe('the first CT of a car or a light van', () => {
  it('is due on the 4th anniversary of first registration, the window opening 6 months before', () => {
    for (const category of ['car', 'van'] as const) {
      expect(ct(category, '2022-05-10')).toEqual({
        dueDate: '2026-05-10',
        reason: 'first',
        windowStart: '2025-11-10',
        mayDriveUntil: '2026-05-10',
      });
    }
  });

  it('falls on 29 February 2024 for a car first registered on 29 February 2020', () => {
    expect(ct('car', '2020-02-29')).toMatchObject({
      dueDate: '2024-02-29',
      windowStart: '2023-08-29',
    });
  });

  it('falls on 28 February for a leap-day registration whose anniversary is in a common year', () => {
    expect(ct('car', '2021-02-28')).toMatchObject({ dueDate: '2025-02-28' });
    expect(ct('car', '2024-02-29')).toMatchObject({
      dueDate: '2028-02-29',
      windowStart: '2027-08-29',
    });
  });

  it('opens its window at the end of February when the anniversary is on the 31st of August', () => {
    expect(ct('car', '2022-08-31')).toMatchObject({
      dueDate: '2026-08-31',
      windowStart: '2026-02-28',
    });
  });

  it('cannot be computed without a first registration date', () => {
    for (const category of CATEGORIES) expect(ct(category, null)).toBeNull();
  });
});

describe('periodic CTs', () => {
  it('are due 2 years after the last CT for a car or a van', () => {
    expect(ct('car', '2018-01-15', [pass('2024-03-15')])).toEqual({
      dueDate: '2026-03-15',
      reason: 'periodic',
      windowStart: null,
      mayDriveUntil: '2026-03-15',
    });
    expect(ct('van', '2018-01-15', [pass('2024-03-15')])).toMatchObject({
      dueDate: '2026-03-15',
    });
  });

  it('count from a first CT done before its window opened', () => {
    // Due 2026-05-10, window from 2025-11-10; done on 2025-09-01 anyway.
    expect(ct('car', '2022-05-10', [pass('2025-09-01')])).toMatchObject({
      dueDate: '2027-09-01',
      reason: 'periodic',
    });
  });

  it('count from a CT done late, not from the date it was due', () => {
    expect(ct('car', '2022-05-10', [pass('2026-07-20')])).toMatchObject({
      dueDate: '2028-07-20',
    });
    expect(ct('car', '2016-01-15', [pass('2022-01-10'), pass('2024-06-30')])).toMatchObject({
      dueDate: '2026-06-30',
    });
  });

  it('land on 28 February two years after a CT on 29 February', () => {
    expect(ct('car', '2020-02-29', [pass('2024-02-29')])).toMatchObject({
      dueDate: '2026-02-28',
    });
  });

  it('ignore the order the records come in', () => {
    expect(ct('car', '2016-01-15', [pass('2024-06-30'), pass('2022-01-10')])).toMatchObject({
      dueDate: '2026-06-30',
    });
  });

  it('do not depend on what day it is: only a recorded CT moves the due date', () => {
    const before = ct('car', '2016-01-15', [pass('2024-06-30')]);
    const after = ct('car', '2016-01-15', [pass('2024-06-30'), pass('2026-06-01')]);
    expect(before?.dueDate).toBe('2026-06-30');
    expect(after?.dueDate).toBe('2028-06-01');
  });

  it('need no first registration date once a CT is on record', () => {
    expect(ct('car', null, [pass('2025-04-02')])).toMatchObject({ dueDate: '2027-04-02' });
  });
});

describe('counter-visits', () => {
  it('are due within 2 months after major defects, the car drivable until then', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10')])).toEqual({
      dueDate: '2026-05-10',
      reason: 'counter_visit',
      windowStart: '2026-03-10',
      mayDriveUntil: '2026-05-10',
    });
  });

  it('are due within 2 months after critical defects too, but the car may only be driven that day', () => {
    expect(ct('car', '2018-01-15', [critical('2026-03-10')])).toEqual({
      dueDate: '2026-05-10',
      reason: 'counter_visit',
      windowStart: '2026-03-10',
      mayDriveUntil: '2026-03-10',
    });
  });

  it('clamp their deadline to the end of a shorter month', () => {
    expect(ct('car', '2018-01-15', [major('2026-12-31')])).toMatchObject({
      dueDate: '2027-02-28',
    });
    expect(ct('car', '2018-01-15', [major('2027-12-31')])).toMatchObject({
      dueDate: '2028-02-29',
    });
    expect(ct('car', '2018-01-15', [critical('2026-01-31')])).toMatchObject({
      dueDate: '2026-03-31',
    });
  });

  it('once passed, bring the next CT 2 years after the failed CT, not after the counter-visit', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10'), pass('2026-04-02')])).toEqual({
      dueDate: '2028-03-10',
      reason: 'periodic',
      windowStart: null,
      mayDriveUntil: '2028-03-10',
    });
    expect(ct('car', '2018-01-15', [critical('2026-03-10'), pass('2026-03-11')])).toMatchObject({
      dueDate: '2028-03-10',
    });
  });

  it('may pass on the very day of the deadline', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10'), pass('2026-05-10')])).toMatchObject({
      dueDate: '2028-03-10',
      reason: 'periodic',
    });
  });

  it('may pass on the day of the failed CT once repaired', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10'), pass('2026-03-10')])).toMatchObject({
      dueDate: '2028-03-10',
      reason: 'periodic',
    });
  });

  it('keep the first deadline when one fails again', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10'), major('2026-04-20')])).toEqual({
      dueDate: '2026-05-10',
      reason: 'counter_visit',
      windowStart: '2026-03-10',
      mayDriveUntil: '2026-05-10',
    });
    expect(ct('car', '2018-01-15', [major('2026-03-10'), critical('2026-04-20')])).toMatchObject({
      dueDate: '2026-05-10',
      mayDriveUntil: '2026-04-20',
    });
    expect(ct('car', '2018-01-15', [critical('2026-03-10'), major('2026-03-12')])).toMatchObject({
      dueDate: '2026-05-10',
      mayDriveUntil: '2026-05-10',
    });
    expect(
      ct('car', '2018-01-15', [major('2026-03-10'), major('2026-04-20'), pass('2026-05-02')]),
    ).toMatchObject({ dueDate: '2028-03-10', reason: 'periodic' });
  });

  it('stay due, and overdue, when the 2 months pass with nothing recorded', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10')])?.dueDate).toBe('2026-05-10');
  });

  it('missed: the next record is a full CT again, and the cycle restarts from it', () => {
    expect(ct('car', '2018-01-15', [major('2026-03-10'), pass('2026-05-11')])).toMatchObject({
      dueDate: '2028-05-11',
      reason: 'periodic',
    });
    expect(ct('car', '2018-01-15', [major('2026-03-10'), major('2026-06-01')])).toEqual({
      dueDate: '2026-08-01',
      reason: 'counter_visit',
      windowStart: '2026-06-01',
      mayDriveUntil: '2026-08-01',
    });
  });

  it('apply to every category with the same 2 months', () => {
    expect(COUNTER_VISIT_MONTHS).toBe(2);
    for (const category of CATEGORIES) {
      expect(ct(category, '2010-06-01', [major('2026-06-15')])).toMatchObject({
        dueDate: '2026-08-15',
        reason: 'counter_visit',
      });
    }
  });

  it('read records of the same day in the order they were recorded', () => {
    expect(ct('car', '2018-01-15', [pass('2026-03-10'), major('2026-03-10')])).toMatchObject({
      reason: 'counter_visit',
      dueDate: '2026-05-10',
    });
  });

  it('ignore a failed CT that an in-time counter-visit already cleared', () => {
    expect(
      ct('car', '2010-01-15', [major('2022-01-10'), pass('2022-02-01'), pass('2024-01-05')]),
    ).toMatchObject({ dueDate: '2026-01-05', reason: 'periodic' });
    expect(ct('car', '2018-01-15', [pass('2024-01-10'), major('2022-01-10')])).toMatchObject({
      dueDate: '2026-01-10',
      reason: 'periodic',
    });
  });
});

describe('motorbikes (L category)', () => {
  it('registered from 2022: first CT on the 5th anniversary, window 6 months before', () => {
    expect(ct('motorbike', '2022-06-15')).toEqual({
      dueDate: '2027-06-15',
      reason: 'first',
      windowStart: '2026-12-15',
      mayDriveUntil: '2027-06-15',
    });
    expect(ct('motorbike', '2024-02-29')).toMatchObject({
      dueDate: '2029-02-28',
      windowStart: '2028-08-28',
    });
  });

  it('then every 3 years', () => {
    expect(ct('motorbike', '2022-06-15', [pass('2027-05-01')])).toMatchObject({
      dueDate: '2030-05-01',
      reason: 'periodic',
    });
    expect(ct('motorbike', '2015-06-01', [pass('2024-05-01')])).toMatchObject({
      dueDate: '2027-05-01',
    });
  });

  it('registered in 2020 or 2021: first CT during 2026', () => {
    for (const date of ['2020-01-01', '2020-02-29', '2021-06-01', '2021-12-31']) {
      expect(ct('motorbike', date)).toMatchObject({
        dueDate: '2026-12-31',
        windowStart: '2026-01-01',
        reason: 'first',
      });
    }
  });

  it('registered from 2017 to 2019: first CT during 2025', () => {
    for (const date of ['2017-01-01', '2018-07-01', '2019-12-31']) {
      expect(computeMotorbikeFirstCt(date)).toEqual({
        dueDate: '2025-12-31',
        windowStart: '2025-01-01',
      });
    }
  });

  it('registered before 2017 with an anniversary before 15 April: by 14 August 2024', () => {
    for (const date of ['2016-03-01', '2015-01-20', '2012-02-29', '2016-04-14']) {
      expect(computeMotorbikeFirstCt(date)).toEqual({
        dueDate: '2024-08-14',
        windowStart: '2024-04-15',
      });
    }
  });

  it('registered before 2017 with a later anniversary: 4 months after it, by the end of 2024', () => {
    expect(computeMotorbikeFirstCt('2015-06-20').dueDate).toBe('2024-10-20');
    expect(computeMotorbikeFirstCt('2016-04-15').dueDate).toBe('2024-08-15');
    expect(computeMotorbikeFirstCt('2014-08-31').dueDate).toBe('2024-12-31');
    expect(computeMotorbikeFirstCt('2016-10-30').dueDate).toBe('2024-12-31');
    expect(computeMotorbikeFirstCt('2016-11-10').dueDate).toBe('2024-12-31');
  });
});

describe('collector vehicles', () => {
  it('need a CT every 5 years', () => {
    expect(ct('collector', '1975-06-01', [pass('2023-04-10')])).toMatchObject({
      dueDate: '2028-04-10',
      reason: 'periodic',
    });
    expect(ct('collector', '1970-06-01', [pass('2024-02-29')])).toMatchObject({
      dueDate: '2029-02-28',
    });
  });

  it('with no CT on record, take the passenger-car first CT so staff record the last one', () => {
    expect(ct('collector', '1975-06-01')).toMatchObject({
      dueDate: '1979-06-01',
      reason: 'first',
    });
  });

  it('are exempt when first registered before 1960', () => {
    expect(isCtExempt('collector', '1959-12-31')).toBe(true);
    expect(ct('collector', '1959-12-31', [pass('2024-01-01')])).toBeNull();
    expect(isCtExempt('collector', '1960-01-01')).toBe(false);
    expect(ct('collector', '1960-01-01', [pass('2024-01-01')])).toMatchObject({
      dueDate: '2029-01-01',
    });
    expect(isCtExempt('car', '1959-12-31')).toBe(false);
    expect(isCtExempt('collector', null)).toBe(false);
  });
});

describe('taxis, ambulances and driving-school cars', () => {
  it('need a first CT one year after first registration, with no window', () => {
    expect(ct('professional', '2025-09-01')).toEqual({
      dueDate: '2026-09-01',
      reason: 'first',
      windowStart: null,
      mayDriveUntil: '2026-09-01',
    });
    expect(ct('professional', '2024-02-29')).toMatchObject({ dueDate: '2025-02-28' });
  });

  it('then one every year from the last CT', () => {
    expect(ct('professional', '2020-09-01', [pass('2026-02-01')])).toMatchObject({
      dueDate: '2027-02-01',
      reason: 'periodic',
    });
    expect(
      ct('professional', '2020-09-01', [major('2026-02-01'), pass('2026-02-15')]),
    ).toMatchObject({
      dueDate: '2027-02-01',
    });
  });
});

describe('the CT rules table', () => {
  it('covers every vehicle category of the brief', () => {
    expect(Object.keys(CT_RULES).sort()).toEqual([...CATEGORIES].sort());
    expect(CT_RULES.car).toEqual({ firstAfterMonths: 48, firstWindowMonths: 6, periodMonths: 24 });
    expect(CT_RULES.motorbike.periodMonths).toBe(36);
    expect(CT_RULES.collector.periodMonths).toBe(60);
    expect(CT_RULES.professional.periodMonths).toBe(12);
  });

  it('labels each reason in French', () => {
    expect(CT_DUE_REASON_LABELS).toEqual({
      first: 'Premier contrôle technique',
      periodic: 'Contrôle technique périodique',
      counter_visit: 'Contre-visite',
    });
  });

  it('refuses an inspection date that does not exist', () => {
    expect(() => ct('car', '2018-01-15', [pass('2026-02-30')])).toThrow(RangeError);
  });
});

describe('CT due dates, for any history', () => {
  const isoDate = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') })
    .filter((date) => !Number.isNaN(date.getTime()))
    .map((date) => date.toISOString().slice(0, 10));
  const inspection = fc.record({
    date: isoDate,
    result: fc.constantFrom<InspectionResult>('pass', 'major', 'critical'),
  });
  const vehicle = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    firstRegistrationDate: fc.option(isoDate, { nil: null }),
    inspections: fc.array(inspection, { maxLength: 8 }),
  });

  it('never fall before the latest recorded CT, and driving never outlasts the due date', () => {
    fc.assert(
      fc.property(vehicle, (input) => {
        const due = computeCtDue(input);
        if (!due) return;
        const latest = input.inspections
          .map((i) => i.date)
          .sort()
          .at(-1);
        if (latest) expect(due.dueDate >= latest).toBe(true);
        expect(due.mayDriveUntil <= due.dueDate).toBe(true);
        if (due.windowStart) expect(due.windowStart <= due.dueDate).toBe(true);
      }),
    );
  });

  it('are a period after a passed CT when nothing else is on record', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATEGORIES), isoDate, (category, date) => {
        fc.pre(!isCtExempt(category, '1990-01-01'));
        expect(
          computeCtDue({
            category,
            firstRegistrationDate: '1990-01-01',
            inspections: [pass(date)],
          }),
        ).toMatchObject({
          dueDate: addMonths(date, CT_RULES[category].periodMonths),
          reason: 'periodic',
        });
      }),
    );
  });

  it('do not change with the order the records are given in, when their dates differ', () => {
    fc.assert(
      fc.property(vehicle, (input) => {
        const dates = input.inspections.map((i) => i.date);
        fc.pre(new Set(dates).size === dates.length);
        const reversed = { ...input, inspections: [...input.inspections].reverse() };
        expect(computeCtDue(reversed)).toEqual(computeCtDue(input));
      }),
    );
  });
});
