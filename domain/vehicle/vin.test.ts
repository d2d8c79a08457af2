import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  hasValidVinCheckDigit,
  listVinProblems,
  normalizeVin,
  parseVin,
  VIN_CHECK_DIGIT_WARNING,
  VinSchema,
} from './vin';

describe('normalizeVin', () => {
  it('upper-cases the VIN and removes every space', () => {
    expect(normalizeVin(' 1m8 gdm9a xkp042788 ')).toBe('1M8GDM9AXKP042788');
  });
});

describe('hasValidVinCheckDigit', () => {
  it('accepts VINs whose position 9 matches the weighted sum mod 11', () => {
    expect(hasValidVinCheckDigit('11111111111111111')).toBe(true);
    expect(hasValidVinCheckDigit('5GZCZ43D13S812715')).toBe(true);
    expect(hasValidVinCheckDigit('1HGCM82633A004352')).toBe(true);
  });

  it('accepts X as the check digit when the remainder is 10', () => {
    expect(hasValidVinCheckDigit('1M8GDM9AXKP042788')).toBe(true);
  });

  it('rejects a VIN whose check digit does not match', () => {
    expect(hasValidVinCheckDigit('1M8GDM9A1KP042788')).toBe(false);
    expect(hasValidVinCheckDigit('WVWZZZ1JZXW000001')).toBe(false);
  });

  it('returns false rather than throwing for a malformed VIN', () => {
    expect(hasValidVinCheckDigit('1M8GDM9AXKP04278')).toBe(false);
    expect(hasValidVinCheckDigit('1M8GDM9AXKP04278O')).toBe(false);
  });
});

describe('listVinProblems', () => {
  it('finds nothing wrong with a well-formed VIN', () => {
    expect(listVinProblems('WVWZZZ1JZXW000001')).toEqual([]);
  });

  it('explains that I, O and Q never appear in a VIN', () => {
    for (const letter of ['I', 'O', 'Q']) {
      expect(listVinProblems(`WVWZZZ1JZXW00000${letter}`)).toEqual([
        expect.stringContaining('I, O ou Q'),
      ]);
    }
  });

  it('gives the expected and the typed length when the length is wrong', () => {
    expect(listVinProblems('WVWZZZ1JZXW0000')).toEqual([
      'Le VIN doit comporter exactement 17 caractères (15 saisis).',
    ]);
    expect(listVinProblems('WVWZZZ1JZXW0000011')).toEqual([
      'Le VIN doit comporter exactement 17 caractères (18 saisis).',
    ]);
  });

  it('refuses symbols and accented letters', () => {
    expect(listVinProblems('WVWZZZ1JZXW0000-1')).toEqual([
      expect.stringContaining('que des chiffres et des lettres'),
    ]);
    expect(listVinProblems('WVWZZZ1JZXW0000É1')).toHaveLength(1);
  });

  it('lists every problem at once', () => {
    expect(listVinProblems('OOO')).toHaveLength(2);
  });
});

describe('parseVin', () => {
  it('returns the normalised VIN with a valid check digit', () => {
    expect(parseVin('1m8gdm9axkp042788')).toEqual({
      vin: '1M8GDM9AXKP042788',
      checkDigitValid: true,
    });
  });

  it('accepts a European VIN whose check digit fails, only flagging it', () => {
    expect(parseVin('VF1 RFB00X 56789012')).toEqual({
      vin: 'VF1RFB00X56789012',
      checkDigitValid: false,
    });
    expect(VIN_CHECK_DIGIT_WARNING).toMatch(/européens/);
  });

  it('throws a validation_failed AppError with a French message for a VIN with O', () => {
    const attempt = () => parseVin('VF1RFB00X5678901O');
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/I, O ou Q/);
  });

  it('throws for a VIN of the wrong length', () => {
    expect(() => parseVin('VF1RFB00X')).toThrow('17 caractères (9 saisis)');
  });
});

describe('VinSchema', () => {
  it('outputs the normalised VIN', () => {
    expect(VinSchema.parse(' vf1rfb00x56789012 ')).toBe('VF1RFB00X56789012');
  });

  it('reports French messages for each problem', () => {
    const result = VinSchema.safeParse('vf1rfb00q5678901');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('I, O ou Q'),
      'Le VIN doit comporter exactement 17 caractères (16 saisis).',
    ]);
  });

  it('refuses a value that is not a string, in French', () => {
    expect(VinSchema.safeParse(42).error?.issues[0]?.message).toBe('Saisissez le VIN.');
  });

  it('refuses an empty VIN', () => {
    expect(VinSchema.safeParse('   ').success).toBe(false);
  });
});
