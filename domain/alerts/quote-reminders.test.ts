import { describe, expect, it } from 'vitest';
import { addDays, toParisDate } from '../dates';
import {
  computeDeclinedWorkReminder,
  computeExpiryWarning,
  computeFollowUp,
  computeQuoteExpiresAt,
  isQuoteExpired,
} from './quote-reminders';

describe('following up a sent quote', () => {
  it('is due N days after the day it was sent, not before', () => {
    expect(computeFollowUp('2026-11-10', '2026-11-16', 7)).toBeNull();
    expect(computeFollowUp('2026-11-10', '2026-11-17', 7)).toEqual({
      dueDate: '2026-11-17',
      severity: 'soon',
    });
  });

  it('turns urgent a week after it was due', () => {
    expect(computeFollowUp('2026-11-10', '2026-11-23', 7)?.severity).toBe('soon');
    expect(computeFollowUp('2026-11-10', '2026-11-24', 7)?.severity).toBe('urgent');
  });

  it('counts from the Paris day of sending: sent at 23:30 UTC is sent the next day', () => {
    const sentDate = toParisDate('2026-11-16T23:30:00.000Z');
    expect(sentDate).toBe('2026-11-17');
    expect(computeFollowUp(sentDate, '2026-11-23', 7)).toBeNull();
    expect(computeFollowUp(sentDate, '2026-11-24', 7)?.dueDate).toBe('2026-11-24');
  });

  it('keeps the same due date on every check, so it is deduplicated', () => {
    const dates = ['2026-11-17', '2026-11-20', '2026-12-25'].map(
      (today) => computeFollowUp('2026-11-10', today, 7)?.dueDate,
    );
    expect(new Set(dates)).toEqual(new Set(['2026-11-17']));
  });

  it('crosses a month end and a DST change', () => {
    expect(computeFollowUp('2026-10-20', '2026-10-27', 7)?.dueDate).toBe('2026-10-27');
    expect(computeFollowUp('2026-01-28', '2026-02-04', 7)?.dueDate).toBe('2026-02-04');
  });
});

describe('when a quote expires', () => {
  it('is the end of its last day in Paris: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(computeQuoteExpiresAt('2026-11-24').toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(computeQuoteExpiresAt('2026-07-14').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('is still valid during its last minute, and expired at midnight', () => {
    expect(isQuoteExpired('2026-11-24', new Date('2026-11-24T22:59:59.999Z'))).toBe(false);
    expect(isQuoteExpired('2026-11-24', new Date('2026-11-24T23:00:00.000Z'))).toBe(true);
    expect(isQuoteExpired('2026-11-24', new Date('2026-11-24T23:30:00.000Z'))).toBe(true);
    expect(isQuoteExpired('2026-11-24', new Date('2026-11-24T08:00:00.000Z'))).toBe(false);
    expect(isQuoteExpired('2026-11-24', new Date('2026-11-20T08:00:00.000Z'))).toBe(false);
  });

  it('is right on the DST days of March and October', () => {
    // 29 March 2026 lasts 23 hours, 25 October 2026 lasts 25 hours.
    expect(isQuoteExpired('2026-03-29', new Date('2026-03-29T21:59:59.999Z'))).toBe(false);
    expect(isQuoteExpired('2026-03-29', new Date('2026-03-29T22:00:00.000Z'))).toBe(true);
    expect(isQuoteExpired('2026-10-25', new Date('2026-10-25T22:59:59.999Z'))).toBe(false);
    expect(isQuoteExpired('2026-10-25', new Date('2026-10-25T23:00:00.000Z'))).toBe(true);
  });

  it('agrees with the Paris calendar date of the same instant', () => {
    for (const instant of [
      '2026-11-24T22:59:59Z',
      '2026-11-24T23:00:00Z',
      '2026-03-29T22:00:00Z',
    ]) {
      const now = new Date(instant);
      expect(isQuoteExpired('2026-11-24', now)).toBe(toParisDate(now) > '2026-11-24');
    }
  });
});

describe('warning before a quote expires', () => {
  it('starts N days before its last day and is urgent on that day', () => {
    expect(computeExpiryWarning('2026-11-30', '2026-11-26', 3)).toBeNull();
    expect(computeExpiryWarning('2026-11-30', '2026-11-27', 3)).toEqual({
      dueDate: '2026-11-30',
      severity: 'soon',
    });
    expect(computeExpiryWarning('2026-11-30', '2026-11-29', 3)?.severity).toBe('soon');
    expect(computeExpiryWarning('2026-11-30', '2026-11-30', 3)).toEqual({
      dueDate: '2026-11-30',
      severity: 'urgent',
    });
  });

  it('stops once the quote has expired', () => {
    expect(computeExpiryWarning('2026-11-30', '2026-12-01', 3)).toBeNull();
  });

  it('with 0 days, warns on the last day only', () => {
    expect(computeExpiryWarning('2026-11-30', '2026-11-29', 0)).toBeNull();
    expect(computeExpiryWarning('2026-11-30', '2026-11-30', 0)?.severity).toBe('urgent');
  });

  it('counts across a month end', () => {
    expect(computeExpiryWarning('2026-03-01', addDays('2026-03-01', -3), 3)?.dueDate).toBe(
      '2026-03-01',
    );
    expect(computeExpiryWarning('2026-03-01', '2026-02-25', 3)).toBeNull();
  });
});

describe('declined work to propose again', () => {
  it('comes back N days after it was declined', () => {
    expect(computeDeclinedWorkReminder('2026-08-01', '2026-10-29', 90)).toBeNull();
    expect(computeDeclinedWorkReminder('2026-08-01', '2026-10-30', 90)).toEqual({
      dueDate: '2026-10-30',
      severity: 'soon',
    });
    expect(computeDeclinedWorkReminder('2026-08-01', '2027-06-01', 90)?.dueDate).toBe('2026-10-30');
  });
});
