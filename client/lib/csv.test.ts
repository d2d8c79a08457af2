import { describe, expect, it } from 'vitest';
import { centsToCsv, toCsv } from './csv';

describe('CSV for a French spreadsheet', () => {
  it('separates with semicolons, ends lines with CRLF and starts with a byte-order mark', () => {
    expect(
      toCsv([
        ['Jour', 'TTC'],
        ['2026-12-01', '120,00'],
      ]),
    ).toBe('\uFEFFJour;TTC\r\n2026-12-01;120,00\r\n');
  });

  it('quotes a cell holding a separator, a quote or a line break', () => {
    expect(toCsv([['a;b', 'dit "non"', 'deux\nlignes']])).toBe(
      '\uFEFF"a;b";"dit ""non""";"deux\nlignes"\r\n',
    );
  });

  it('writes amounts with a decimal comma, negatives included', () => {
    expect(centsToCsv(123456)).toBe('1234,56');
    expect(centsToCsv(-5)).toBe('-0,05');
    expect(centsToCsv(0)).toBe('0,00');
  });
});
