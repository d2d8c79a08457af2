import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates';
import {
  cleanReadings,
  computeServiceDue,
  estimateKmOn,
  estimateKmPerDay,
  type MileageReading,
  predictDateForKm,
  type ServiceDueInput,
} from './service-rules';

const r = (date: string, km: number): MileageReading => ({ date, km });

describe('cleaning mileage readings', () => {
  it('sorts them by date', () => {
    expect(cleanReadings([r('2025-07-01', 47_240), r('2025-01-01', 40_000)])).toEqual([
      r('2025-01-01', 40_000),
      r('2025-07-01', 47_240),
    ]);
  });

  it('keeps the highest of several readings on the same day', () => {
    expect(
      cleanReadings([r('2025-01-01', 40_000), r('2025-03-01', 44_100), r('2025-03-01', 44_000)]),
    ).toEqual([r('2025-01-01', 40_000), r('2025-03-01', 44_100)]);
  });

  it('drops a reading lower than the ones around it (a missing digit, a wrong car)', () => {
    expect(
      cleanReadings([r('2025-01-01', 40_000), r('2025-04-01', 4_100), r('2025-07-01', 47_240)]),
    ).toEqual([r('2025-01-01', 40_000), r('2025-07-01', 47_240)]);
  });

  it('drops a reading higher than the ones after it (an extra digit) instead of all later ones', () => {
    expect(
      cleanReadings([
        r('2025-01-01', 10_000),
        r('2025-02-01', 150_000),
        r('2025-03-01', 12_000),
        r('2025-04-01', 14_000),
      ]),
    ).toEqual([r('2025-01-01', 10_000), r('2025-03-01', 12_000), r('2025-04-01', 14_000)]);
    expect(
      cleanReadings([r('2025-01-01', 10_000), r('2025-02-01', 150_000), r('2025-03-01', 12_000)]),
    ).toEqual([r('2025-01-01', 10_000), r('2025-03-01', 12_000)]);
  });

  it('follows a replaced odometer once the new readings outnumber the old ones', () => {
    expect(
      cleanReadings([
        r('2024-01-01', 180_000),
        r('2025-01-01', 1_000),
        r('2025-06-01', 8_000),
        r('2026-01-01', 15_000),
      ]),
    ).toEqual([r('2025-01-01', 1_000), r('2025-06-01', 8_000), r('2026-01-01', 15_000)]);
  });

  it('drops readings that are not dates or not distances', () => {
    expect(
      cleanReadings([
        r('2025-02-30', 1_000),
        r('2025-03-01', -5),
        r('2025-03-02', Number.NaN),
        r('2025-03-03', 2_000),
      ]),
    ).toEqual([r('2025-03-03', 2_000)]);
  });

  it('always returns readings whose dates and km both go up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.integer({ min: 0, max: 2_000 }).map((days) => addDays('2020-01-01', days)),
            km: fc.integer({ min: 0, max: 300_000 }),
          }),
          { maxLength: 30 },
        ),
        (readings) => {
          const clean = cleanReadings(readings);
          for (let i = 1; i < clean.length; i += 1) {
            expect(clean[i]!.date > clean[i - 1]!.date).toBe(true);
            expect(clean[i]!.km).toBeGreaterThanOrEqual(clean[i - 1]!.km);
          }
          if (readings.length > 0) expect(clean.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('the km-per-day estimate', () => {
  it('is the slope between the oldest and the newest reading', () => {
    expect(estimateKmPerDay([r('2025-01-01', 40_000), r('2025-07-01', 47_240)])).toBeCloseTo(40, 9);
  });

  it('reads about the last two years when the history is longer', () => {
    const readings = [
      r('2020-01-01', 0),
      r('2023-01-01', 30_000),
      r('2025-01-01', 70_000),
      r('2026-01-01', 90_000),
    ];
    // From the last reading at least 730 days before the newest: 2023-01-01.
    expect(estimateKmPerDay(readings)).toBeCloseTo(
      60_000 / daysBetween('2023-01-01', '2026-01-01'),
      9,
    );
  });

  it('is unknown from a single reading, unless the first registration gives an origin', () => {
    expect(estimateKmPerDay([r('2026-01-01', 36_500)])).toBeNull();
    expect(estimateKmPerDay([r('2026-01-01', 36_500)], { origin: r('2023-01-01', 0) })).toBeCloseTo(
      36_500 / 1_096,
      9,
    );
  });

  it('does not divide by zero when every reading is on the same day', () => {
    expect(estimateKmPerDay([r('2026-01-01', 36_500), r('2026-01-01', 36_600)])).toBeNull();
    expect(
      estimateKmPerDay([r('2026-01-01', 36_500), r('2026-01-01', 36_600)], {
        origin: r('2025-01-01', 0),
      }),
    ).toBeCloseTo(100.27, 1);
  });

  it('is unknown from readings less than a month apart', () => {
    expect(estimateKmPerDay([r('2025-01-01', 1), r('2025-01-10', 500)])).toBeNull();
    expect(estimateKmPerDay([r('2025-01-01', 1), r('2025-01-31', 601)])).toBeCloseTo(20, 9);
  });

  it('ignores a reading lower than an earlier one', () => {
    expect(
      estimateKmPerDay([r('2025-01-01', 40_000), r('2025-04-01', 100), r('2025-07-01', 47_240)]),
    ).toBeCloseTo(40, 9);
  });

  it('is zero for a vehicle that does not move', () => {
    expect(estimateKmPerDay([r('2025-01-01', 40_000), r('2025-07-01', 40_000)])).toBe(0);
  });

  it('is unknown with no readings at all', () => {
    expect(estimateKmPerDay([])).toBeNull();
    expect(estimateKmPerDay([], { origin: r('2020-01-01', 0) })).toBeNull();
  });
});

describe('the odometer on a given day', () => {
  const readings = [r('2025-01-01', 40_000), r('2025-07-01', 47_240)];

  it('is read between the readings around that day', () => {
    expect(estimateKmOn('2025-01-01', readings)).toBe(40_000);
    expect(estimateKmOn('2025-04-01', readings)).toBe(43_600);
    expect(estimateKmOn('2025-07-01', readings)).toBe(47_240);
  });

  it('is carried forward at the current pace after the newest reading', () => {
    expect(estimateKmOn('2025-07-11', readings)).toBe(47_640);
    expect(estimateKmOn('2025-07-11', [r('2025-07-01', 47_240)])).toBe(47_240);
  });

  it('before the first reading, is read from the first registration at 0 km, or unknown', () => {
    expect(estimateKmOn('2024-12-01', readings)).toBeNull();
    // 730 of the 1,461 days from 2021-01-01 (0 km) to 2025-01-01 (40,000 km).
    expect(estimateKmOn('2023-01-01', readings, { origin: r('2021-01-01', 0) })).toBe(19_986);
    expect(estimateKmOn('2025-01-01', [])).toBeNull();
  });
});

describe('predicting when a mileage is reached', () => {
  const readings = [r('2025-01-01', 40_000), r('2025-07-01', 47_240)];

  it('goes forward from the newest reading at the estimated pace', () => {
    // 4,000 km at 40 km/day from 2025-07-01: 100 days.
    expect(predictDateForKm(readings, 51_240)).toBe('2025-10-09');
  });

  it('rounds up to the first whole day by which the mileage is passed', () => {
    // 4,010 km at 40 km/day: 100.25 days.
    expect(predictDateForKm(readings, 51_250)).toBe('2025-10-10');
  });

  it('dates a mileage already passed between two readings', () => {
    // 43,600 km: halfway through the 181 days, rounded up.
    expect(predictDateForKm(readings, 43_620)).toBe('2025-04-02');
    expect(predictDateForKm(readings, 47_240)).toBe('2025-07-01');
  });

  it('dates a mileage passed before the first reading by that reading, or from the origin', () => {
    expect(predictDateForKm(readings, 10_000)).toBe('2025-01-01');
    // Half of the 1,461 days from 2021-01-01 (0 km) to 2025-01-01 (40,000 km), rounded up.
    expect(predictDateForKm(readings, 20_000, { origin: r('2021-01-01', 0) })).toBe('2023-01-02');
  });

  it('has no answer without a pace, for a vehicle that does not move, or beyond 50 years', () => {
    expect(predictDateForKm([r('2025-07-01', 47_240)], 60_000)).toBeNull();
    expect(predictDateForKm([r('2025-01-01', 40_000), r('2025-07-01', 40_000)], 60_000)).toBeNull();
    expect(predictDateForKm([r('2020-01-01', 0), r('2025-01-01', 365)], 10_000_000)).toBeNull();
    expect(predictDateForKm([], 10_000)).toBeNull();
  });

  it('uses the first registration as origin for a single reading', () => {
    // 36,500 km over 1,096 days, 3,500 km to go.
    const due = predictDateForKm([r('2026-01-01', 36_500)], 40_000, { origin: r('2023-01-01', 0) });
    expect(due).toBe(addDays('2026-01-01', Math.ceil(3_500 / (36_500 / 1_096))));
  });
});

describe('the service due date', () => {
  const base: ServiceDueInput = {
    firstRegistrationDate: '2020-01-01',
    lastService: { date: '2025-03-01', km: 44_000 },
    intervalMonths: 12,
    intervalKm: 15_000,
    policy: 'restart',
    readings: [],
  };

  it('is due by date a whole interval after the last service, the pace read since new', () => {
    const due = computeServiceDue(base);
    // No reading but the service's: 44,000 km since 2020-01-01 is the pace.
    const pace = 44_000 / daysBetween('2020-01-01', '2025-03-01');
    expect(due).toEqual({
      dueDate: '2026-03-01',
      reason: 'date',
      dateDue: '2026-03-01',
      kmDue: 59_000,
      kmDueDate: addDays('2025-03-01', Math.ceil(15_000 / pace)),
      kmPerDay: pace,
      basis: 'last_service',
      estimatedKmToday: null,
    });
  });

  it('has no km date when nothing tells the pace', () => {
    expect(computeServiceDue({ ...base, firstRegistrationDate: null })).toMatchObject({
      dueDate: '2026-03-01',
      reason: 'date',
      kmDueDate: null,
      kmPerDay: null,
    });
  });

  it('is due by km when the predicted date comes first', () => {
    const due = computeServiceDue({
      ...base,
      intervalKm: 10_000,
      readings: [r('2025-01-01', 40_000), r('2025-07-01', 47_240)],
    });
    // 54,000 km: 6,760 km after the newest reading at 40 km/day → 169 days.
    expect(due).toMatchObject({
      dueDate: '2025-12-17',
      reason: 'km',
      dateDue: '2026-03-01',
      kmDue: 54_000,
      kmDueDate: '2025-12-17',
    });
    expect(due?.kmPerDay).toBeCloseTo(40, 9);
  });

  it('is due by date when the km come later', () => {
    expect(
      computeServiceDue({ ...base, readings: [r('2025-01-01', 40_000), r('2025-07-01', 47_240)] }),
    ).toMatchObject({
      dueDate: '2026-03-01',
      reason: 'date',
      kmDueDate: addDays('2025-07-01', 294),
    });
  });

  it('goes to the date on a tie, the date being certain', () => {
    const due = computeServiceDue({
      ...base,
      lastService: { date: '2025-03-01', km: 40_000 },
      intervalKm: 14_600,
      // 40 km/day since the service; 54,600 km 59 days after this reading, on 2026-03-01.
      readings: [r('2026-01-01', 52_240)],
    });
    expect(due).toMatchObject({ kmDueDate: '2026-03-01', dueDate: '2026-03-01', reason: 'date' });
  });

  it('is already past when the readings show the km were passed', () => {
    const due = computeServiceDue({
      ...base,
      readings: [r('2025-09-01', 55_000), r('2026-01-01', 63_000)],
    });
    // 59,000 km halfway between the two readings (122 days).
    expect(due).toMatchObject({ reason: 'km', kmDueDate: '2025-11-01', dueDate: '2025-11-01' });
  });

  it('counts the last service as a reading, so one more reading is enough for a pace', () => {
    const due = computeServiceDue({ ...base, readings: [r('2025-09-01', 50_000)] });
    // 6,000 km in 184 days; 9,000 km to go.
    expect(due?.kmPerDay).toBeCloseTo(6_000 / 184, 9);
    expect(due?.kmDueDate).toBe(addDays('2025-09-01', Math.ceil(9_000 / (6_000 / 184))));
  });

  it('uses the average since first registration for a single reading and no service', () => {
    const due = computeServiceDue({
      ...base,
      firstRegistrationDate: '2024-01-01',
      lastService: null,
      intervalKm: 30_000,
      intervalMonths: 24,
      readings: [r('2025-01-01', 18_300)],
    });
    // 18,300 km in 366 days = 50 km/day; 11,700 km to go → 234 days.
    expect(due).toMatchObject({
      basis: 'first_registration',
      dateDue: '2026-01-01',
      kmDue: 30_000,
      kmDueDate: '2025-08-23',
      dueDate: '2025-08-23',
      reason: 'km',
    });
  });

  it('stays sane with equal dates and decreasing readings', () => {
    const due = computeServiceDue({
      ...base,
      readings: [
        r('2025-06-01', 49_000),
        r('2025-06-01', 48_900),
        r('2025-07-01', 4_800),
        r('2025-09-01', 52_000),
      ],
    });
    // The 4,800 typo goes; 8,000 km in 184 days since the service.
    expect(due?.kmPerDay).toBeCloseTo(8_000 / 184, 9);
    expect(due?.kmDueDate).toBe(addDays('2025-09-01', Math.ceil(7_000 / (8_000 / 184))));
  });

  it('estimates the odometer today when asked', () => {
    const due = computeServiceDue({
      ...base,
      readings: [r('2025-01-01', 40_000), r('2025-07-01', 47_240)],
      today: '2025-07-11',
    });
    expect(due?.estimatedKmToday).toBe(47_640);
  });

  it('clamps the next due date at the end of a shorter month', () => {
    expect(
      computeServiceDue({
        ...base,
        lastService: { date: '2026-01-31', km: 44_000 },
        intervalMonths: 1,
      })?.dateDue,
    ).toBe('2026-02-28');
    expect(
      computeServiceDue({ ...base, lastService: { date: '2024-02-29', km: 44_000 } })?.dateDue,
    ).toBe('2025-02-28');
  });

  it('counts from the first registration at 0 km when no service is on record', () => {
    expect(
      computeServiceDue({ ...base, firstRegistrationDate: '2025-09-30', lastService: null }),
    ).toMatchObject({
      dueDate: '2026-09-30',
      dateDue: '2026-09-30',
      kmDue: 15_000,
      reason: 'date',
      basis: 'first_registration',
    });
  });

  it('cannot be computed with neither a service nor a first registration', () => {
    expect(
      computeServiceDue({ ...base, firstRegistrationDate: null, lastService: null }),
    ).toBeNull();
  });

  it('never comes later than its due-by-date, and is due by km only when that is earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(
          fc.record({
            days: fc.integer({ min: -400, max: 1_500 }),
            km: fc.integer({ min: 0, max: 300_000 }),
          }),
          { maxLength: 12 },
        ),
        fc.constantFrom('restart' as const, 'keep_schedule' as const),
        (serviceDays, serviceKm, points, policy) => {
          const serviceDate = addDays('2018-01-01', serviceDays);
          const due = computeServiceDue({
            ...base,
            firstRegistrationDate: '2018-01-01',
            lastService: { date: serviceDate, km: serviceKm },
            policy,
            readings: points.map((p) => r(addDays(serviceDate, p.days), p.km)),
          });
          expect(due).not.toBeNull();
          if (!due) return;
          expect(due.dueDate <= due.dateDue).toBe(true);
          expect(due.dateDue > serviceDate).toBe(true);
          expect(due.kmDue).toBeGreaterThan(serviceKm);
          if (due.reason === 'km') expect(due.dueDate).toBe(due.kmDueDate);
          else expect(due.dueDate).toBe(due.dateDue);
        },
      ),
    );
  });
});

describe('"done early": restart or keep the schedule', () => {
  const base: ServiceDueInput = {
    firstRegistrationDate: '2022-06-15',
    lastService: { date: '2025-05-01', km: 29_000 },
    intervalMonths: 12,
    intervalKm: 15_000,
    policy: 'restart',
    readings: [],
  };

  it('restart: the next interval counts from the service actually done', () => {
    expect(computeServiceDue(base)).toMatchObject({ dateDue: '2026-05-01', kmDue: 44_000 });
  });

  it('keep_schedule: a service done early keeps the next one on the original grid', () => {
    // Due on 2025-06-15 and at 30,000 km; done six weeks and 1,000 km early.
    expect(computeServiceDue({ ...base, policy: 'keep_schedule' })).toMatchObject({
      dateDue: '2026-06-15',
      kmDue: 45_000,
    });
  });

  it('keep_schedule: a service done a little late does not skip a whole interval', () => {
    expect(
      computeServiceDue({
        ...base,
        policy: 'keep_schedule',
        lastService: { date: '2025-06-22', km: 30_500 },
      }),
    ).toMatchObject({ dateDue: '2026-06-15', kmDue: 45_000 });
  });

  it('keep_schedule: a service right between two grid points counts for the earlier one', () => {
    expect(
      computeServiceDue({
        ...base,
        policy: 'keep_schedule',
        intervalMonths: 2,
        firstRegistrationDate: '2026-01-01',
        // 31 days after the 2026-07-01 grid point and 31 days before the 2026-09-01 one.
        lastService: { date: '2026-08-01', km: 22_500 },
      }),
    ).toMatchObject({ dateDue: '2026-09-01', kmDue: 30_000 });
  });

  it('keep_schedule: grid dates count from the first registration, so month ends do not drift', () => {
    // Grid every 6 months from 2021-08-31: 2022-02-28, 2022-08-31, 2023-02-28, 2023-08-31…
    expect(
      computeServiceDue({
        ...base,
        policy: 'keep_schedule',
        intervalMonths: 6,
        firstRegistrationDate: '2021-08-31',
        lastService: { date: '2023-03-05', km: 29_000 },
      })?.dateDue,
    ).toBe('2023-08-31');
  });

  it('keep_schedule: a service just after first registration counts for nothing', () => {
    expect(
      computeServiceDue({
        ...base,
        policy: 'keep_schedule',
        lastService: { date: '2022-07-01', km: 500 },
      }),
    ).toMatchObject({ dateDue: '2023-06-15', kmDue: 15_000 });
  });

  it('keep_schedule without a first registration date has no grid, so it restarts', () => {
    expect(
      computeServiceDue({ ...base, policy: 'keep_schedule', firstRegistrationDate: null }),
    ).toMatchObject({ dateDue: '2026-05-01', kmDue: 44_000 });
  });

  it('keep_schedule: the next due date is a grid point within one and a half intervals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000 }),
        fc.integer({ min: 1, max: 24 }),
        (days, months) => {
          const serviceDate = addDays('2022-06-15', days);
          const due = computeServiceDue({
            ...base,
            policy: 'keep_schedule',
            intervalMonths: months,
            lastService: { date: serviceDate, km: 29_000 },
          });
          const ahead = daysBetween(serviceDate, due!.dateDue);
          expect(ahead).toBeGreaterThan(0);
          expect(ahead).toBeLessThanOrEqual(Math.ceil(months * 31 * 1.5) + 1);
          expect(due!.dateDue.slice(8)).toBe('15');
        },
      ),
    );
  });
});
