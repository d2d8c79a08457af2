import { COMMON_PASSWORDS } from './common-passwords';

/** Counted on the trimmed text: ten spaces, or a short word padded with spaces, are not ten. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS);

/** How the list is written (./common-passwords.ts): trimmed, NFKC, lower case. */
function normalise(password: string): string {
  return password.trim().normalize('NFKC').toLowerCase();
}

export function hasMinimumLength(password: string): boolean {
  return password.trim().length >= PASSWORD_MIN_LENGTH;
}

/** Among the most common passwords (any case, surrounding spaces ignored). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(normalise(password));
}
