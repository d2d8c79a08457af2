import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { IsoDateSchema, IsoInstantSchema } from '../dates';
import { VAT_RATES_BP, VatRateBpSchema } from '../quote/vat';
import { cursorSchema, INT4_MAX, isStorableText, text, VersionSchema } from './common';

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('the text every input starts from', () => {
  it('refuses NUL and half of a surrogate pair, anywhere in the string', () => {
    for (const value of ['\u0000', 'a\u0000', '\ud800', 'a\udc00b', '\udc00\ud800', 'x\ud83d']) {
      expect(isStorableText(value)).toBe(false);
      expect(text().safeParse(value).success).toBe(false);
    }
  });

  it('takes any other text, emoji and accents included', () => {
    for (const value of ['', 'Éloïse Œuvrard', '😀 pair', '\t\n', '\u202e', '\uffff']) {
      expect(text().safeParse(value).success).toBe(true);
    }
  });

  it('checks before trimming, so a padded NUL is refused too', () => {
    expect(text().trim().max(5).safeParse(' \u0000 ').success).toBe(false);
  });
});

describe('numbers and dates the database can store', () => {
  it('bounds a version to PostgreSQL integer', () => {
    expect(VersionSchema.safeParse(INT4_MAX).success).toBe(true);
    expect(VersionSchema.safeParse(INT4_MAX + 1).success).toBe(false);
  });

  it('takes calendar dates from 1900 to 2100 only', () => {
    for (const date of ['1900-01-01', '2100-12-31', '2026-11-24']) {
      expect(IsoDateSchema.safeParse(date).success).toBe(true);
    }
    for (const date of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) {
      expect(IsoDateSchema.safeParse(date).error?.issues[0]?.message).toBe(
        'Date invraisemblable : entre 1900 et 2100.',
      );
    }
    expect(IsoInstantSchema.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
  });

  it('documents every VAT rate it accepts', () => {
    expect(VatRateBpSchema.options).toEqual([...VAT_RATES_BP]);
  });
});

describe('a pagination cursor', () => {
  const uuid = '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f';
  const ByName = cursorSchema(text().max(400));
  const ByInstant = cursorSchema(IsoInstantSchema);

  it('reads back what the server wrote', () => {
    expect(ByName.parse(encode(['dupont éloïse', uuid]))).toEqual({
      key: 'dupont éloïse',
      id: uuid,
    });
    const instant = '2026-11-24T13:05:00.123Z';
    expect(ByInstant.parse(encode([instant, uuid]))).toEqual({ key: instant, id: uuid });
  });

  it('refuses a forged one with one issue, whatever is wrong with it', () => {
    for (const forged of [
      'pas-du-base64!',
      encode('x'),
      encode([1, uuid]),
      encode(['a', 'not-a-uuid']),
      encode(['a\u0000', uuid]),
      encode(['a', uuid, 'extra']),
      Buffer.from([0xff, 0xfe]).toString('base64url'),
    ]) {
      const result = ByName.safeParse(forged);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
    }
    expect(ByInstant.safeParse(encode(['hier', uuid])).success).toBe(false);
  });

  it('keeps its input type a string, as the typed client sends it', () => {
    const input: z.input<typeof ByName> = 'abc';
    expect(typeof input).toBe('string');
  });
});
