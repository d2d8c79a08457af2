import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  findPlateInputProblem,
  PLATE_LOOKS_MISTYPED_WARNING,
  PlateInputSchema,
  parsePlate,
  toPlateSearchKey,
} from './plate';

describe('parsePlate with SIV plates', () => {
  it.each([
    'AB-123-CD',
    'ab123cd',
    'AB 123 CD',
    ' ab - 123 - cd ',
    'Ab.123.Cd',
    'AB–123–CD',
    'a b 1 2 3 c d',
  ])('reads %j as AB-123-CD', (input) => {
    expect(parsePlate(input)).toEqual({
      kind: 'siv',
      canonical: 'AB-123-CD',
      searchKey: 'AB123CD',
    });
  });

  it('flags the WW prefix as a temporary registration', () => {
    expect(parsePlate('ww 123 ab')).toEqual({
      kind: 'siv_temporary',
      canonical: 'WW-123-AB',
      searchKey: 'WW123AB',
    });
  });

  it('accepts WW in the right-hand block as an ordinary SIV plate', () => {
    expect(parsePlate('AB-123-WW').kind).toBe('siv');
  });

  it.each([
    ['I', 'AI-123-BC'],
    ['O', 'AB-123-OC'],
    ['U', 'UB-123-CD'],
    ['SS on the left', 'SS-123-AB'],
    ['SS on the right', 'AB-123-SS'],
    ['000 as the number', 'AB-000-CD'],
    ['SS after WW', 'WW-123-SS'],
  ])('does not treat a plate with %s as SIV, and warns it may be a typo', (_rule, input) => {
    expect(parsePlate(input)).toEqual({
      kind: 'foreign',
      canonical: input,
      searchKey: input.replaceAll('-', ''),
      warning: PLATE_LOOKS_MISTYPED_WARNING,
    });
  });
});

describe('parsePlate with FNI plates', () => {
  it.each([
    ['123 ABC 45', '123 ABC 45'],
    ['123abc45', '123 ABC 45'],
    ['123-abc-45', '123 ABC 45'],
    ['  123   abc   45 ', '123 ABC 45'],
    ['1 A 01', '1 A 01'],
    ['9999 ZZ 95', '9999 ZZ 95'],
    ['1234 AB 971', '1234 AB 971'],
    ['1234ab976', '1234 AB 976'],
    ['123 AB 2A', '123 AB 2A'],
    ['456cd2b', '456 CD 2B'],
    ['12 AB 20', '12 AB 20'],
  ])('reads %j as %j', (input, canonical) => {
    expect(parsePlate(input)).toEqual({
      kind: 'fni',
      canonical,
      searchKey: canonical.replaceAll(' ', ''),
    });
  });

  it.each([
    ['department 00', '123 ABC 00'],
    ['department 96', '123 ABC 96'],
    ['overseas 977', '123 AB 977'],
    ['a number starting with 0', '012 ABC 45'],
  ])('does not treat a plate with %s as FNI, and warns it may be a typo', (_rule, input) => {
    const plate = parsePlate(input);
    expect(plate.kind).toBe('foreign');
    expect(plate.warning).toBe(PLATE_LOOKS_MISTYPED_WARNING);
  });

  it('does not treat five digits or four letters as FNI', () => {
    expect(parsePlate('12345 AB 75').kind).toBe('foreign');
    expect(parsePlate('123 ABCD 75').kind).toBe('foreign');
  });
});

describe('parsePlate with foreign and trade plates', () => {
  it('keeps a garage W plate as free text', () => {
    expect(parsePlate('w-123-ab')).toEqual({
      kind: 'foreign',
      canonical: 'W-123-AB',
      searchKey: 'W123AB',
    });
  });

  it('keeps a German plate as upper-case text with single spaces', () => {
    expect(parsePlate('  b-mw    1234 ')).toEqual({
      kind: 'foreign',
      canonical: 'B-MW 1234',
      searchKey: 'BMW1234',
    });
  });

  it('keeps umlauts in the canonical text but drops accents from the search key', () => {
    expect(parsePlate('mü-ab 12')).toEqual({
      kind: 'foreign',
      canonical: 'MÜ-AB 12',
      searchKey: 'MUAB12',
    });
  });

  it('does not warn about plates that do not look French', () => {
    expect(parsePlate('1-ABC-123').warning).toBeUndefined();
    expect(parsePlate('1234 BCD').warning).toBeUndefined();
  });
});

describe('parsePlate refusals', () => {
  it.each([
    ['empty input', '', 'Saisissez une immatriculation.'],
    ['blank input', '   ', 'Saisissez une immatriculation.'],
    ['punctuation only', '-- . --', "L'immatriculation doit contenir des lettres ou des chiffres."],
    [
      'a control character',
      'AB\u0007123CD',
      "L'immatriculation contient des caractères non imprimables.",
    ],
    [
      'more than 20 characters',
      'ABCDEFGHIJKLMNOPQRSTU',
      "L'immatriculation ne doit pas dépasser 20 caractères.",
    ],
  ])('refuses %s with a French message', (_case, input, message) => {
    expect(findPlateInputProblem(input)).toBe(message);
    expect(() => parsePlate(input)).toThrow(AppError);
    expect(() => parsePlate(input)).toThrow(message);
  });
});

describe('toPlateSearchKey', () => {
  it('gives the same key for a plate however it is typed', () => {
    const keys = ['AB-123-CD', 'ab 123 cd', 'ab123cd'].map(toPlateSearchKey);
    expect(new Set(keys)).toEqual(new Set(['AB123CD']));
  });

  it('matches the key parsePlate stores', () => {
    expect(toPlateSearchKey('123 abc 45')).toBe(parsePlate('123abc45').searchKey);
  });
});

describe('PlateInputSchema', () => {
  it('outputs the trimmed text', () => {
    expect(PlateInputSchema.parse('  ab-123-cd ')).toBe('ab-123-cd');
  });

  it('accepts 20 characters after trimming', () => {
    expect(PlateInputSchema.safeParse(`  ${'A'.repeat(20)}  `).success).toBe(true);
  });

  it('refuses what parsePlate would refuse, in French', () => {
    expect(PlateInputSchema.safeParse('').error?.issues[0]?.message).toBe(
      'Saisissez une immatriculation.',
    );
    expect(PlateInputSchema.safeParse('A'.repeat(21)).success).toBe(false);
    expect(PlateInputSchema.safeParse('***').success).toBe(false);
    expect(PlateInputSchema.safeParse(null).error?.issues[0]?.message).toBe(
      'Saisissez une immatriculation.',
    );
  });
});
