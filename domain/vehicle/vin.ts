import { AppError } from '../errors';
import { text } from '../schemas/common';

export type ParsedVin = { vin: string; checkDigitValid: boolean };

/** Shown as a warning, never a refusal: most European makers do not fill position 9 this way. */
export const VIN_CHECK_DIGIT_WARNING =
  'Le caractère de contrôle du VIN (9e position) ne correspond pas : vérifiez la saisie. ' +
  'Fréquent et sans gravité sur les véhicules européens.';

const VIN_LENGTH = 17;

// ISO 3779 / 49 CFR 565 transliteration and weights (position 9, the check digit, weighs 0).
// Letter values: A–H → 1–8, J–N → 1–5, P → 7, R → 9, S–Z → 2–9.
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const LETTER_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper case, spaces removed: what people copy from a registration certificate (field E). */
export function normalizeVin(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** French messages for everything wrong with a normalised VIN; empty when it is well formed. */
export function listVinProblems(vin: string): string[] {
  const problems: string[] = [];
  // I, O and Q are excluded by ISO 3779 because they read as 1 and 0.
  if (/[IOQ]/.test(vin)) {
    problems.push('Le VIN ne contient jamais les lettres I, O ou Q : saisissez 1 ou 0 à la place.');
  }
  if (/[^A-Z0-9]/.test(vin)) {
    problems.push('Le VIN ne contient que des chiffres et des lettres (sans accents ni symboles).');
  }
  if (vin.length !== VIN_LENGTH) {
    problems.push(`Le VIN doit comporter exactement 17 caractères (${vin.length} saisis).`);
  }
  return problems;
}

/** The position-9 check digit: weighted sum mod 11, where 10 is written `X`. */
export function hasValidVinCheckDigit(vin: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const char = vin.charAt(i);
    const value = /\d/.test(char) ? Number(char) : (LETTER_VALUES[LETTERS.indexOf(char)] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return vin.charAt(8) === (remainder === 10 ? 'X' : String(remainder));
}

/** The vehicle form's VIN field: normalised, then 17 characters from [A-HJ-NPR-Z0-9]. */
export const VinSchema = text({ error: 'Saisissez le VIN.' })
  .max(40)
  .overwrite(normalizeVin)
  .superRefine((vin, ctx) => {
    for (const message of listVinProblems(vin)) ctx.addIssue({ code: 'custom', message });
  });

/** Throws `validation_failed` with the first French problem; the check digit only informs. */
export function parseVin(input: string): ParsedVin {
  const vin = normalizeVin(input);
  const [problem] = listVinProblems(vin);
  if (problem !== undefined) throw new AppError('validation_failed', problem);
  return { vin, checkDigitValid: hasValidVinCheckDigit(vin) };
}
