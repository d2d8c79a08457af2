import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VAT_RATE_BP,
  formatVatRate,
  isVatRateBp,
  VAT_EXEMPTION_MENTION,
  VAT_RATE_OPTIONS,
  VAT_RATES_BP,
  VatRateBpSchema,
} from './vat';

describe('VatRateBpSchema', () => {
  it.each(VAT_RATES_BP)('accepts %i basis points', (rate) => {
    expect(VatRateBpSchema.parse(rate)).toBe(rate);
  });

  it.each([1960, 700, 850, 2100, 20, 5.5, -2000, '2000', null])('refuses %j', (rate) => {
    const result = VatRateBpSchema.safeParse(rate);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Taux de TVA non autorisé : choisissez 20 %, 10 %, 5,5 %, 2,1 % ou 0 %.',
    );
  });
});

describe('isVatRateBp', () => {
  it('tells allowed rates from others', () => {
    expect(isVatRateBp(550)).toBe(true);
    expect(isVatRateBp(1960)).toBe(false);
  });
});

describe('formatVatRate', () => {
  it.each([
    [2000, '20\u00a0%'],
    [1000, '10\u00a0%'],
    [550, '5,5\u00a0%'],
    [210, '2,1\u00a0%'],
    [0, '0\u00a0%'],
    [1960, '19,6\u00a0%'],
    [1234, '12,34\u00a0%'],
    [5, '0,05\u00a0%'],
  ])('writes %i basis points as %j', (rate, label) => {
    expect(formatVatRate(rate)).toBe(label);
  });

  it('refuses a rate that is not whole basis points', () => {
    expect(() => formatVatRate(5.5)).toThrow(RangeError);
    expect(() => formatVatRate(-1)).toThrow(RangeError);
  });
});

describe('VAT constants', () => {
  it('default to the normal 20 % rate', () => {
    expect(DEFAULT_VAT_RATE_BP).toBe(2000);
  });

  it('offer every allowed rate with its label, highest first', () => {
    expect(VAT_RATE_OPTIONS.map((option) => option.label)).toEqual([
      '20\u00a0%',
      '10\u00a0%',
      '5,5\u00a0%',
      '2,1\u00a0%',
      '0\u00a0%',
    ]);
  });

  it('spell the art. 293 B exemption mention exactly', () => {
    expect(VAT_EXEMPTION_MENTION).toBe('TVA non applicable, art. 293 B du CGI');
  });
});
