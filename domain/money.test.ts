import { describe, expect, it } from 'vitest';
import {
  formatCentsForInput,
  formatEuros,
  formatEurosForPdf,
  formatPercentBp,
  formatQuantity,
  normalizeSpacesForPdf,
  parseEurosToCents,
} from './money';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatEuros', () => {
  it.each([
    [123456, `1${NNBSP}234,56${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [5, `0,05${NBSP}€`],
    [100, `1,00${NBSP}€`],
    [-150, `-1,50${NBSP}€`],
    [100000000, `1${NNBSP}000${NNBSP}000,00${NBSP}€`],
  ])('writes %i cents as %j', (cents, text) => {
    expect(formatEuros(cents)).toBe(text);
  });

  it('stays exact for the largest safe integer', () => {
    expect(formatEuros(Number.MAX_SAFE_INTEGER)).toBe(
      `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`,
    );
  });

  it('refuses amounts that are not integer cents', () => {
    expect(() => formatEuros(12.5)).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatEurosForPdf', () => {
  it('uses plain ASCII spaces that the standard PDF fonts can draw', () => {
    expect(formatEurosForPdf(123456)).toBe('1 234,56 €');
    expect(formatEurosForPdf(-123456789)).toBe('-1 234 567,89 €');
  });

  it('leaves only characters of the WinAnsi encoding', () => {
    const text = formatEurosForPdf(987654321);
    expect([...text].every((char) => char === '€' || char.charCodeAt(0) < 0x80)).toBe(true);
  });
});

describe('normalizeSpacesForPdf', () => {
  it('turns narrow, no-break and thin spaces into ASCII spaces', () => {
    expect(normalizeSpacesForPdf(`a${NNBSP}b${NBSP}c\u2009d`)).toBe('a b c d');
  });
});

describe('formatQuantity', () => {
  it.each([
    [1, '1'],
    [1.5, '1,5'],
    [0.25, '0,25'],
    [1.005, '1,005'],
    [100000, `100${NNBSP}000`],
  ])('writes %d as %j', (quantity, text) => {
    expect(formatQuantity(quantity)).toBe(text);
  });

  it('refuses a non-finite quantity', () => {
    expect(() => formatQuantity(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('parseEurosToCents', () => {
  it.each([
    ['12', 1200],
    ['12,5', 1250],
    ['12.5', 1250],
    ['12,50', 1250],
    ['12.50', 1250],
    ['0,05', 5],
    [',5', 50],
    ['12,', 1200],
    ['1 234,56', 123456],
    [`1${NNBSP}234,56`, 123456],
    [`1${NBSP}234,56`, 123456],
    ['1 234 567', 123456700],
    ['1234,56', 123456],
    ['  12,50 € ', 1250],
    ['12,50€', 1250],
    ['12,50 EUR', 1250],
    ['-3', -300],
    ['- 3,5', -350],
    ['\u22123', -300],
    ['-0', 0],
    ['0', 0],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseEurosToCents(text)).toEqual({ ok: true, cents });
  });

  it('reads huge amounts exactly', () => {
    expect(parseEurosToCents('90071992547409,91')).toEqual({
      ok: true,
      cents: Number.MAX_SAFE_INTEGER,
    });
  });

  it.each(['1234,567', '1.234', '0,001'])(
    'refuses %j, which has more than two decimals',
    (text) => {
      expect(parseEurosToCents(text)).toEqual({
        ok: false,
        message: 'Deux décimales au maximum (centimes).',
      });
    },
  );

  it.each(['', '   ', '€'])('asks for an amount when given %j', (text) => {
    expect(parseEurosToCents(text)).toEqual({ ok: false, message: 'Saisissez un montant.' });
  });

  it.each(['abc', '12a', '1.234,56', '12 34', '1 2345', ',', '--3', '+3', '1e3', '12,5,0'])(
    'refuses %j as malformed',
    (text) => {
      expect(parseEurosToCents(text)).toEqual({
        ok: false,
        message: 'Montant invalide. Exemple : 1 234,56',
      });
    },
  );

  it('refuses an amount beyond the safe integer range', () => {
    expect(parseEurosToCents('90071992547409,92')).toEqual({
      ok: false,
      message: 'Montant trop élevé.',
    });
  });

  it('round-trips what formatEuros writes', () => {
    for (const cents of [0, 1, 99, 123456, 100000000, -4200]) {
      expect(parseEurosToCents(formatEuros(cents))).toEqual({ ok: true, cents });
    }
  });
});

describe('amounts as input fields show them', () => {
  it('writes cents with a comma and two decimals, ready to be read back', () => {
    expect(formatCentsForInput(1250)).toBe('12,50');
    expect(formatCentsForInput(123456)).toBe('1234,56');
    expect(formatCentsForInput(-5)).toBe('-0,05');
    for (const cents of [0, 1, 99, 100, 123_456_789]) {
      expect(parseEurosToCents(formatCentsForInput(cents))).toEqual({ ok: true, cents });
    }
  });

  it('writes basis points as a percentage', () => {
    expect(formatPercentBp(1250)).toBe('12,5');
    expect(formatPercentBp(1000)).toBe('10');
    expect(formatPercentBp(0)).toBe('0');
  });
});
