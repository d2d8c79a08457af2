import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_RULES, type ReminderRules, ReminderRulesSchema } from '../schemas/mail';
import {
  buildReminderKey,
  decideReminder,
  isInsideWindow,
  nextAllowedInstant,
  type ReminderInput,
} from './reminders';

const RUNS = { seed: 20_261_214, numRuns: 300 };
const ALERT_ID = '0b6f7a52-5e0e-4c4e-9d55-8d6e1f0a1b2c';
const EVERY_DAY: ReminderRules = { startHour: 9, endHour: 19, closedWeekdays: [] };

function input(overrides: Partial<ReminderInput> = {}): ReminderInput {
  return {
    alert: { id: ALERT_ID, kind: 'ct_due', status: 'open', dueDate: '2027-01-15' },
    client: { consentReminders: true, email: 'durand@example.fr', name: 'Mme Durand' },
    rules: DEFAULT_REMINDER_RULES,
    // Tuesday 1 December 2026, 10:00 in Paris (CET, UTC+1).
    now: new Date('2026-12-01T09:00:00Z'),
    isAlreadySent: () => false,
    ...overrides,
  };
}

const next = (now: string, rules: ReminderRules = DEFAULT_REMINDER_RULES) =>
  nextAllowedInstant(new Date(now), rules).toISOString();

describe('decideReminder', () => {
  it('sends a CT reminder now inside the window, with its dedupe key and template', () => {
    expect(decideReminder(input())).toEqual({
      action: 'send',
      at: '2026-12-01T09:00:00.000Z',
      dedupeKey: `reminder:${ALERT_ID}:2027-01-15`,
      template: 'ct_reminder',
    });
  });

  it('waits for the morning at night', () => {
    const decision = decideReminder(input({ now: new Date('2026-12-01T21:30:00Z') }));
    expect(decision).toMatchObject({ action: 'later', at: '2026-12-02T08:00:00.000Z' });
  });

  it('maps service and declined-work alerts to their templates', () => {
    const service = decideReminder(input({ alert: { ...input().alert, kind: 'service_due' } }));
    const declined = decideReminder(input({ alert: { ...input().alert, kind: 'declined_work' } }));
    expect(service).toMatchObject({ template: 'service_reminder' });
    expect(declined).toMatchObject({ template: 'declined_work_reminder' });
  });

  it('never sends without consent, without an e-mail, without a client, or twice', () => {
    const client = input().client as NonNullable<ReminderInput['client']>;
    expect(decideReminder(input({ client: { ...client, consentReminders: false } }))).toEqual({
      action: 'never',
      reason: 'no_consent',
    });
    expect(decideReminder(input({ client: { ...client, email: null } }))).toMatchObject({
      reason: 'no_email',
    });
    expect(decideReminder(input({ client: { ...client, email: '  ' } }))).toMatchObject({
      reason: 'no_email',
    });
    expect(decideReminder(input({ client: null }))).toMatchObject({ reason: 'no_client' });
    const archived = '2026-11-30T10:00:00.000Z';
    expect(decideReminder(input({ vehicle: { archivedAt: archived } }))).toMatchObject({
      reason: 'archived',
    });
    expect(decideReminder(input({ client: { ...client, archivedAt: archived } }))).toMatchObject({
      reason: 'archived',
    });
    expect(decideReminder(input({ vehicle: { archivedAt: null } }))).toMatchObject({
      action: 'send',
    });
    const sent = new Set([buildReminderKey(ALERT_ID, '2027-01-15')]);
    expect(decideReminder(input({ isAlreadySent: (key) => sent.has(key) }))).toMatchObject({
      reason: 'already_sent',
    });
  });

  it('sends again once the due date moved (a new CT recorded)', () => {
    const sent = new Set([buildReminderKey(ALERT_ID, '2027-01-15')]);
    const moved = decideReminder(
      input({
        alert: { ...input().alert, dueDate: '2029-01-15' },
        isAlreadySent: (key) => sent.has(key),
      }),
    );
    expect(moved).toMatchObject({ action: 'send', dedupeKey: `reminder:${ALERT_ID}:2029-01-15` });
  });

  it('never sends quote alerts, invoices or custom ones automatically, nor resolved alerts', () => {
    for (const kind of ['quote_followup', 'quote_expiring', 'invoice_overdue', 'custom'] as const) {
      expect(decideReminder(input({ alert: { ...input().alert, kind } }))).toEqual({
        action: 'never',
        reason: 'not_a_reminder',
      });
    }
    expect(decideReminder(input({ alert: { ...input().alert, status: 'resolved' } }))).toEqual({
      action: 'never',
      reason: 'alert_resolved',
    });
  });

  it('refuses a malformed key part', () => {
    expect(() => buildReminderKey('a:b', '2027-01-15')).toThrow(RangeError);
    expect(() => buildReminderKey(ALERT_ID, '2027-02-30')).toThrow(RangeError);
  });
});

describe('nextAllowedInstant', () => {
  it('opens at 09:00 and closes at 19:00 Paris time, winter and summer', () => {
    expect(next('2026-12-01T07:59:59Z')).toBe('2026-12-01T08:00:00.000Z');
    expect(next('2026-12-01T17:59:59Z')).toBe('2026-12-01T17:59:59.000Z');
    expect(next('2026-12-01T18:00:00Z')).toBe('2026-12-02T08:00:00.000Z');
    expect(next('2026-07-01T06:59:00Z')).toBe('2026-07-01T07:00:00.000Z');
    expect(next('2026-07-01T17:00:00Z')).toBe('2026-07-02T07:00:00.000Z');
  });

  it('skips Sunday: Saturday evening waits for Monday morning', () => {
    // Saturday 5 December 2026, 19:30 in Paris.
    expect(next('2026-12-05T18:30:00Z')).toBe('2026-12-07T08:00:00.000Z');
    // Sunday noon.
    expect(next('2026-12-06T11:00:00Z')).toBe('2026-12-07T08:00:00.000Z');
  });

  it('is right on the spring DST change (Sunday 29 March 2026)', () => {
    // Saturday 28 March, 20:00 CET → Monday 30 March 09:00 CEST (UTC+2).
    expect(next('2026-03-28T19:00:00Z')).toBe('2026-03-30T07:00:00.000Z');
    // Open on Sundays: 03:30 CEST, just after the jump → 09:00 CEST the same day.
    expect(next('2026-03-29T01:30:00Z', EVERY_DAY)).toBe('2026-03-29T07:00:00.000Z');
    // 08:59 CEST is still closed, 09:00 CEST open, 18:59 CEST open, 19:00 CEST closed.
    expect(isInsideWindow(new Date('2026-03-29T06:59:00Z'), EVERY_DAY)).toBe(false);
    expect(isInsideWindow(new Date('2026-03-29T07:00:00Z'), EVERY_DAY)).toBe(true);
    expect(isInsideWindow(new Date('2026-03-29T16:59:00Z'), EVERY_DAY)).toBe(true);
    expect(isInsideWindow(new Date('2026-03-29T17:00:00Z'), EVERY_DAY)).toBe(false);
  });

  it('is right on the autumn DST change (Sunday 25 October 2026)', () => {
    // 02:30 Paris happens twice; either way the day opens at 09:00 CET (UTC+1).
    expect(next('2026-10-25T00:30:00Z', EVERY_DAY)).toBe('2026-10-25T08:00:00.000Z');
    expect(next('2026-10-25T01:30:00Z', EVERY_DAY)).toBe('2026-10-25T08:00:00.000Z');
    expect(isInsideWindow(new Date('2026-10-25T17:59:00Z'), EVERY_DAY)).toBe(true);
    expect(next('2026-10-25T18:00:00Z', EVERY_DAY)).toBe('2026-10-26T08:00:00.000Z');
    // The default rules close on Sunday: Saturday 24 October evening waits for Monday, in CET.
    expect(next('2026-10-24T17:00:00Z')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('the rules schema refuses an empty window and a week with no open day', () => {
    expect(ReminderRulesSchema.safeParse({ ...EVERY_DAY, endHour: 9 }).success).toBe(false);
    const closed = { ...EVERY_DAY, closedWeekdays: [0, 1, 2, 3, 4, 5, 6] };
    expect(ReminderRulesSchema.safeParse(closed).success).toBe(false);
    expect(ReminderRulesSchema.safeParse(DEFAULT_REMINDER_RULES).success).toBe(true);
  });
});

describe('nextAllowedInstant, property', () => {
  const rulesArb = fc
    .record({
      startHour: fc.integer({ min: 0, max: 23 }),
      length: fc.integer({ min: 1, max: 24 }),
      closedWeekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
    })
    .map(({ startHour, length, closedWeekdays }) => ({
      startHour,
      endHour: Math.min(24, startHour + length),
      closedWeekdays,
    }));
  // 2026 and 2027 to the second, both DST changes of each year included.
  const seconds = (min: number, max: number) =>
    fc.integer({ min: min / 1000, max: max / 1000 }).map((value) => new Date(value * 1000));
  // Half the runs within two days of a DST change of 2026, where the wall clock jumps.
  const nowArb = fc.oneof(
    seconds(Date.UTC(2026, 0, 1), Date.UTC(2028, 0, 1)),
    seconds(Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 31)),
    seconds(Date.UTC(2026, 9, 23), Date.UTC(2026, 9, 27)),
  );
  const QUARTER_HOUR = 15 * 60_000;

  it('is never before now, always inside the window, and nothing earlier is', () => {
    fc.assert(
      fc.property(rulesArb, nowArb, (rules, now) => {
        const at = nextAllowedInstant(now, rules);
        expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isInsideWindow(at, rules)).toBe(true);
        if (at.getTime() > now.getTime()) {
          expect(isInsideWindow(now, rules)).toBe(false);
          expect(isInsideWindow(new Date(at.getTime() - 1), rules)).toBe(false);
          for (let t = now.getTime(); t < at.getTime(); t += QUARTER_HOUR) {
            expect(isInsideWindow(new Date(t), rules)).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('nextAllowedInstant, a window around 02:00 on the DST changes', () => {
  it('opens at the first 02:00 of 25 October and at the jump on 29 March', () => {
    const twoToFour: ReminderRules = { startHour: 2, endHour: 4, closedWeekdays: [] };
    // 01:30 CEST on 25 October: 02:00 CEST (00:00 UTC) comes before 02:00 CET.
    expect(next('2026-10-24T23:30:00Z', twoToFour)).toBe('2026-10-25T00:00:00.000Z');
    // 01:30 CET on 29 March: 02:00 never comes, the window opens at 03:00 CEST (01:00 UTC).
    expect(next('2026-03-29T00:30:00Z', twoToFour)).toBe('2026-03-29T01:00:00.000Z');
    // A 02:00–03:00 window does not exist that day: the next one is on Monday.
    const twoToThree: ReminderRules = { startHour: 2, endHour: 3, closedWeekdays: [] };
    expect(next('2026-03-29T00:30:00Z', twoToThree)).toBe('2026-03-30T00:00:00.000Z');
  });
});
