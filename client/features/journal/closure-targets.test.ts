import { describe, expect, it } from 'vitest';
import type { Closure, ClosureLevel } from '../../../domain/schemas/journal';
import {
  defaultClosureTargets,
  describeClosureConsequence,
  namePeriodWithArticle,
  parseClosureTarget,
} from './closure-targets';

function closure(level: ClosureLevel, periodStart: string, periodEnd: string): Closure {
  return {
    id: `${level}-${periodStart}`,
    level,
    periodStart,
    periodEnd,
    journalSeq: 1,
    totals: {
      entryCount: 0,
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

describe('the periods the closing forms propose', () => {
  it('proposes today, last month and last year when nothing is closed yet', () => {
    expect(defaultClosureTargets([], '2026-03-15')).toEqual({
      day: '2026-03-15',
      month: '2026-02',
      year: '2025',
    });
  });

  it('proposes the month after the last closed one, up to the last month over', () => {
    const closures = [closure('month', '2025-11-01', '2025-11-30')];
    expect(defaultClosureTargets(closures, '2026-03-15').month).toBe('2025-12');
    const upToDate = [closure('month', '2026-02-01', '2026-02-28')];
    expect(defaultClosureTargets(upToDate, '2026-03-15').month).toBe('2026-02');
  });

  it('crosses the year from December to January', () => {
    const closures = [closure('month', '2025-12-01', '2025-12-31')];
    expect(defaultClosureTargets(closures, '2026-02-10').month).toBe('2026-01');
  });

  it('proposes the year after the last closed year, and always today for the day', () => {
    const closures = [
      closure('year', '2024-01-01', '2024-12-31'),
      closure('day', '2026-03-14', '2026-03-14'),
    ];
    expect(defaultClosureTargets(closures, '2026-03-15')).toMatchObject({
      day: '2026-03-15',
      year: '2025',
    });
  });
});

describe('reading what the closing forms hold', () => {
  it('sends the period’s first day and names it with its article', () => {
    expect(parseClosureTarget('day', '2026-11-24')).toEqual({
      ok: true,
      date: '2026-11-24',
      label: 'la journée du 24/11/2026',
    });
    expect(parseClosureTarget('month', '2026-11')).toEqual({
      ok: true,
      date: '2026-11-01',
      label: 'le mois de novembre 2026',
    });
    expect(parseClosureTarget('year', ' 2025 ')).toEqual({
      ok: true,
      date: '2025-01-01',
      label: 'l’année 2025',
    });
  });

  it('refuses what is not a day, a month or a year, in French', () => {
    expect(parseClosureTarget('day', '')).toEqual({ ok: false, message: 'Indiquez une date.' });
    expect(parseClosureTarget('day', '2026-02-30')).toMatchObject({ ok: false });
    expect(parseClosureTarget('month', '2026-13')).toEqual({
      ok: false,
      message: 'Indiquez un mois.',
    });
    expect(parseClosureTarget('year', '26')).toEqual({
      ok: false,
      message: 'Indiquez une année (4 chiffres).',
    });
  });

  it('names each level with the right article', () => {
    expect(namePeriodWithArticle('month', '2026-08-01')).toBe('le mois d’août 2026');
    expect(namePeriodWithArticle('day', '2026-08-01')).toBe('la journée du 01/08/2026');
  });
});

describe('the confirmation’s words', () => {
  it('says plainly that the period takes no more invoices or payments', () => {
    expect(describeClosureConsequence('day', '2026-11-24')).toBe(
      'La journée du 24/11/2026 sera clôturée : ses totaux deviennent une écriture du journal et, à partir de maintenant, aucune facture ni aucun encaissement ne pourra plus être enregistré le 24/11/2026. C’est définitif.',
    );
    expect(describeClosureConsequence('month', '2026-02-10')).toContain(
      'Le mois de février 2026 sera clôturé',
    );
    expect(describeClosureConsequence('month', '2026-02-10')).toContain(
      'du 01/02/2026 au 28/02/2026',
    );
    expect(describeClosureConsequence('year', '2025-06-01')).toContain(
      'L’année 2025 sera clôturée',
    );
  });
});
