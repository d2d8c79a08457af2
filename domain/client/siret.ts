/** La Poste's SIREN: its establishments' SIRETs follow a rule of their own (INSEE exception). */
const LA_POSTE_SIREN = '356000000';
/** La Poste's head office, the one SIRET of that SIREN that follows the common Luhn rule. */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

function hasValidLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function sumOfDigits(digits: string): number {
  return [...digits].reduce((total, digit) => total + Number(digit), 0);
}

export function normalizeSiret(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/**
 * INSEE's rules: 14 digits, the SIREN (first 9) passing its own Luhn key, and the whole number
 * passing Luhn; La Poste's establishments instead have digits summing to a multiple of 5, all but
 * its head office, which follows Luhn (tested against a second implementation, siret.test.ts).
 */
export function isValidSiret(input: string): boolean {
  const siret = normalizeSiret(input);
  if (!/^\d{14}$/.test(siret)) return false;
  const siren = siret.slice(0, 9);
  if (!hasValidLuhn(siren)) return false;
  if (siren === LA_POSTE_SIREN && siret !== LA_POSTE_HEAD_OFFICE) {
    return sumOfDigits(siret) % 5 === 0;
  }
  return hasValidLuhn(siret);
}

export function isValidSiren(input: string): boolean {
  const siren = normalizeSiret(input);
  return /^\d{9}$/.test(siren) && hasValidLuhn(siren);
}

export function normalizeVatNumber(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * EU VAT number shape; for French numbers (FR + key + SIREN) the numeric key is checked:
 * key = (12 + 3 × (SIREN mod 97)) mod 97.
 */
export function isValidVatNumber(input: string): boolean {
  const vat = normalizeVatNumber(input);
  const french = /^FR([0-9A-Z]{2})(\d{9})$/.exec(vat);
  if (french) {
    const key = french[1]!;
    const siren = french[2]!;
    if (!/^\d{2}$/.test(key)) return true;
    return Number(key) === (12 + 3 * (Number(siren) % 97)) % 97;
  }
  return /^(?!FR)[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(vat);
}
