import { describe, expect, it } from 'vitest';
import { latestPastDate } from '../dates';
import { AppError } from '../errors';
import { refuseFutureDates } from './past-dates';

describe('dates of what already happened', () => {
  it('may be tomorrow in Paris, never later, whatever the hour in UTC', () => {
    expect(latestPastDate(new Date('2026-11-24T22:30:00Z'))).toBe('2026-11-25');
    expect(latestPastDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-26');
    expect(latestPastDate(new Date('2026-12-31T12:00:00Z'))).toBe('2027-01-01');
  });

  it('are refused at each field dated later, in French, with the date', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(() => refuseFutureDates({ date: '2026-11-25', other: null }, now)).not.toThrow();
    let caught: unknown;
    try {
      refuseFutureDates({ date: '2026-11-26', firstRegistrationDate: '2030-01-01' }, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({
      code: 'validation_failed',
      details: [
        { path: ['date'], message: expect.stringContaining('26/11/2026') },
        { path: ['firstRegistrationDate'] },
      ],
    });
  });
});
