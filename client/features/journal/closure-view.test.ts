import { describe, expect, it } from 'vitest';
import type { Closure, ClosureLevel } from '../../../domain/schemas/journal';
import {
  compareClosures,
  countWords,
  describePeriodShort,
  filterClosures,
  listArchivePeriods,
} from './closure-view';

function closure(
  level: ClosureLevel,
  periodStart: string,
  periodEnd: string,
  entryCount = 0,
  journalSeq = 7,
): Closure {
  return {
    id: `${level}-${periodStart}`,
    level,
    periodStart,
    periodEnd,
    journalSeq,
    totals: {
      entryCount,
      invoiceCount: 0,
      creditNoteCount: 0,
      vat: [],
      totalExclVatCents: 0,
      totalVatCents: 0,
      totalInclVatCents: 0,
      depositsInclVatCents: 0,
      payments: [],
      paymentsTotalCents: 0,
      cashMovementsCents: 0,
    },
    perpetual: { totalInclVatCents: 0, absoluteInclVatCents: 0, paymentsTotalCents: 0 },
    closedAt: `${periodEnd}T20:00:00.000Z`,
    closedByName: 'Admin',
  };
}

const day30 = closure('day', '2025-12-30', '2025-12-30', 0, 10);
const day31 = closure('day', '2025-12-31', '2025-12-31', 0, 12);
const december = closure('month', '2025-12-01', '2025-12-31', 0, 13);
const year = closure('year', '2025-01-01', '2025-12-31', 0, 14);

describe('the closures as listed', () => {
  it('puts the latest period first, then the latest closure: the year, its month, its day', () => {
    expect([day30, day31, december, year].sort(compareClosures).map((c) => c.id)).toEqual([
      year.id,
      december.id,
      day31.id,
      day30.id,
    ]);
  });

  it('keeps one level, or all', () => {
    expect(filterClosures([day30, december, year], 'month')).toEqual([december]);
    expect(filterClosures([day30, december], '')).toHaveLength(2);
  });

  it('names a period beside its level', () => {
    expect(describePeriodShort('day', '2026-11-24')).toBe('24/11/2026');
    expect(describePeriodShort('month', '2026-08-01')).toBe('août 2026');
    expect(describePeriodShort('year', '2026-01-01')).toBe('2026');
  });
});

describe('the periods an archive can be asked for', () => {
  it('lists each closed period once by the name the export takes, the latest first', () => {
    expect(listArchivePeriods([day30, year, day31, december])).toEqual([
      { name: '2025', label: 'Année 2025' },
      { name: '2025-12', label: 'Mois de décembre 2025' },
      { name: '2025-12-31', label: 'Journée du 31/12/2025' },
      { name: '2025-12-30', label: 'Journée du 30/12/2025' },
    ]);
  });
});

describe('counts in words', () => {
  it('takes the singular below two and groups thousands the French way', () => {
    expect(countWords(0, 'écriture', 'écritures')).toBe('0 écriture');
    expect(countWords(1, 'écriture', 'écritures')).toBe('1 écriture');
    expect(countWords(1204, 'écriture', 'écritures')).toBe('1\u202f204 écritures');
  });
});
