import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret } from './siret';

/**
 * A second implementation of INSEE's rules, written apart from siret.ts on purpose (from the left,
 * a lookup table for doubled digits, no shared helper), after python-stdnum's `fr.siret`:
 * - a SIREN is 9 digits with a Luhn key;
 * - a SIRET is the SIREN and a 5-digit NIC, 14 digits with a Luhn key, and its SIREN valid;
 * - La Poste's establishments (SIREN 356 000 000) use "the sum of the 14 digits is a multiple
 *   of 5" instead, except its head office, 356 000 000 00048, which follows Luhn.
 */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
const LA_POSTE_HEAD_OFFICE = '35600000000048';

function passesLuhnFromLeft(digits: readonly number[]): boolean {
  const doubledParity = digits.length % 2;
  let total = 0;
  digits.forEach((digit, index) => {
    total += index % 2 === doubledParity ? (DOUBLED[digit] ?? 0) : digit;
  });
  return total % 10 === 0;
}

function referenceSiret(value: string): boolean {
  if (value.length !== 14 || [...value].some((char) => char < '0' || char > '9')) return false;
  const digits = [...value].map((char) => char.charCodeAt(0) - 48);
  const siren = digits.slice(0, 9);
  const isLaPosteEstablishment = value.startsWith('356000000') && value !== LA_POSTE_HEAD_OFFICE;
  const keyHolds = isLaPosteEstablishment
    ? digits.reduce((sum, digit) => sum + digit, 0) % 5 === 0
    : passesLuhnFromLeft(digits);
  return keyHolds && passesLuhnFromLeft(siren);
}

function referenceSiren(value: string): boolean {
  return /^[0-9]{9}$/.test(value) && passesLuhnFromLeft([...value].map(Number));
}

/** The digit that makes `prefix` + digit pass Luhn. */
function completeLuhn(prefix: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (passesLuhnFromLeft([...`${prefix}${digit}`].map(Number))) return `${prefix}${digit}`;
  }
  throw new Error('unreachable: one digit always completes a Luhn key');
}

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((list) => list.join(''));

/** Numbers of every kind the rules tell apart, each kind often enough to matter. */
const candidates = fc.oneof(
  digits(14),
  digits(13).map(completeLuhn),
  // A valid SIREN and a NIC completing the SIRET's key: valid.
  fc
    .tuple(digits(8), digits(4))
    .map(([siren, nic]) => completeLuhn(`${completeLuhn(siren)}${nic}`)),
  // The SIRET's key holds, the SIREN's may not: valid only when both do.
  fc.tuple(digits(9), digits(4)).map(([siren, nic]) => completeLuhn(`${siren}${nic}`)),
  // La Poste: random NICs, NICs passing Luhn, NICs passing the sum rule.
  digits(5).map((nic) => `356000000${nic}`),
  digits(4).map((nic) => completeLuhn(`356000000${nic}`)),
  digits(4).map((nic) => {
    const partial = `356000000${nic}`;
    const sum = [...partial].reduce((total, char) => total + Number(char), 0);
    return `${partial}${(5 - (sum % 5)) % 5}`;
  }),
  fc.constant(LA_POSTE_HEAD_OFFICE),
  fc.oneof(digits(13), digits(15), fc.string({ maxLength: 16 })),
);

describe('SIREN and SIRET, as INSEE checks them', () => {
  it('agrees with an independent implementation on 30 000 generated numbers', () => {
    let valid = 0;
    fc.assert(
      fc.property(candidates, (number) => {
        const expected = referenceSiret(number);
        if (expected) valid += 1;
        expect(isValidSiret(number)).toBe(expected);
      }),
      { seed: 20_261_201, numRuns: 30_000 },
    );
    // The generators reach both verdicts often: the comparison is not one-sided.
    expect(valid).toBeGreaterThan(5000);
    expect(valid).toBeLessThan(25_000);
  });

  it('agrees with it on SIRENs', () => {
    fc.assert(
      fc.property(fc.oneof(digits(9), digits(8).map(completeLuhn), fc.string()), (number) => {
        expect(isValidSiren(number)).toBe(referenceSiren(number));
      }),
      { seed: 20_261_202, numRuns: 10_000 },
    );
  });

  it('refuses a SIRET whose key holds when its SIREN fails its own', () => {
    // 123 456 780 fails the SIREN key; 4 completes the 14-digit Luhn key.
    expect(isValidSiren('123456780')).toBe(false);
    expect(passesLuhnFromLeft([...'12345678000014'].map(Number))).toBe(true);
    expect(isValidSiret('12345678000014')).toBe(false);
  });

  it('takes La Poste’s head office, and its establishments by the sum of their digits only', () => {
    expect(isValidSiret('356 000 000 00048')).toBe(true);
    // 35600000000055 passes Luhn but its digits sum to 24: not an establishment of La Poste.
    expect(passesLuhnFromLeft([...'35600000000055'].map(Number))).toBe(true);
    expect(isValidSiret('35600000000055')).toBe(false);
    // 35600000000006 passes Luhn too, and its digits sum to 20: an establishment. 35600000000560
    // fails Luhn and sums to 25: an establishment as well.
    expect(isValidSiret('35600000000006')).toBe(true);
    expect(passesLuhnFromLeft([...'35600000000560'].map(Number))).toBe(false);
    expect(isValidSiret('35600000000560')).toBe(true);
  });
});
