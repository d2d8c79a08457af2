import { describe, expect, it } from 'vitest';
import { checkDateRange, fiscalYearToDate, monthToDate } from './export-ranges';

describe('the exports’ date ranges', () => {
  it('defaults the FEC to the calendar year so far', () => {
    expect(fiscalYearToDate('2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
  });

  it('starts a fiscal year of another month in the previous calendar year when due', () => {
    expect(fiscalYearToDate('2026-03-15', 7)).toEqual({ from: '2025-07-01', to: '2026-03-15' });
    expect(fiscalYearToDate('2026-07-01', 7)).toEqual({ from: '2026-07-01', to: '2026-07-01' });
  });

  it('defaults the B2C summary to the month so far', () => {
    expect(monthToDate('2026-12-09')).toEqual({ from: '2026-12-01', to: '2026-12-09' });
  });

  it('names the field at fault, in French', () => {
    expect(checkDateRange({ from: '2026-01-01', to: '2026-01-31' })).toBeNull();
    expect(checkDateRange({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(checkDateRange({ from: '', to: '2026-01-31' })).toEqual({
      from: 'Indiquez la date de début.',
    });
    expect(checkDateRange({ from: '2026-02-01', to: '2026-01-31' })).toEqual({
      to: 'La date de fin précède la date de début.',
    });
    expect(checkDateRange({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    expect(checkDateRange({ from: '2025-01-01', to: '2026-01-02' })).toEqual({
      to: 'Une période de 366 jours au plus.',
    });
    expect(checkDateRange({ from: '2026-02-30', to: 'x' })).toEqual({
      from: 'Indiquez la date de début.',
      to: 'Indiquez la date de fin.',
    });
  });
});
