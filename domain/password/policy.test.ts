import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import { hasMinimumLength, isCommonPassword, PASSWORD_MIN_LENGTH } from './policy';

describe('the password policy', () => {
  it('counts the length on the trimmed text', () => {
    expect(hasMinimumLength(' '.repeat(10))).toBe(false);
    expect(hasMinimumLength('   abcdefghi   ')).toBe(false);
    expect(hasMinimumLength('abcde fghij')).toBe(true);
  });

  it('knows the common passwords whatever their case or surrounding spaces', () => {
    expect(isCommonPassword('azertyuiop')).toBe(true);
    expect(isCommonPassword(' AZERTYUIOP ')).toBe(true);
    expect(isCommonPassword('Password123')).toBe(true);
    expect(isCommonPassword('motdepasse-comptoir')).toBe(false);
  });

  it('ships a list already normalised, unique and long enough to matter', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(1_500);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const password of COMMON_PASSWORDS) {
      expect(password).toBe(password.trim().normalize('NFKC').toLowerCase());
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
    }
  });
});
