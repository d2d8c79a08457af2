import { AppError } from '../errors';
import { text } from '../schemas/common';

export type PlateKind = 'siv' | 'siv_temporary' | 'fni' | 'foreign';

export type ParsedPlate = {
  kind: PlateKind;
  /** What is stored and shown: `AB-123-CD`, `123 ABC 45`, or the free text tidied up. */
  canonical: string;
  /** Upper-case letters and digits only, so a search matches whatever spacing was typed. */
  searchKey: string;
  /** Set when the text looks like a French plate but breaks its rules (likely a typo). */
  warning?: string;
};

export const PLATE_MAX_LENGTH = 20;

export const PLATE_LOOKS_MISTYPED_WARNING =
  'Cette immatriculation ressemble à une plaque française mais ne respecte pas ses règles ' +
  '(lettres, numéro ou département) : elle est enregistrée telle quelle, vérifiez la saisie.';

// SIV (since 2009): letters exclude I, O and U; `SS` and the number `000` are never issued;
// the `WW` prefix is reserved for temporary registrations.
const SIV_PATTERN = /^([A-HJ-NP-TV-Z]{2})(\d{3})([A-HJ-NP-TV-Z]{2})$/;
// FNI (before 2009): number 1–9999, 1–3 letters, then the department: 01–95 (20 is Corsica
// before 1976), 2A/2B, or overseas 971–976.
const FNI_PATTERN = /^([1-9]\d{0,3})([A-Z]{1,3})(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/;
// The same shapes without the rules: a match that fails the rules above is probably a typo.
const FRENCH_SHAPE = /^(?:[A-Z]{2}\d{3}[A-Z]{2}|\d{1,4}[A-Z]{1,3}(?:\d{2}|9\d{2}|2[AB]))$/;
// Separators people type between the blocks; dropped before recognising a French plate.
const SEPARATORS = /[\s.\-\u2010-\u2015]/g;

/** Letters and digits only, accents dropped, upper case: for the stored key and for queries. */
export function toPlateSearchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The French message for a plate field that cannot be stored at all, or undefined. */
export function findPlateInputProblem(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return 'Saisissez une immatriculation.';
  if (text.length > PLATE_MAX_LENGTH) {
    return `L'immatriculation ne doit pas dépasser ${PLATE_MAX_LENGTH} caractères.`;
  }
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(text)) {
    return "L'immatriculation contient des caractères non imprimables.";
  }
  if (toPlateSearchKey(text) === '') {
    return "L'immatriculation doit contenir des lettres ou des chiffres.";
  }
  return undefined;
}

function parseSiv(compact: string): ParsedPlate | undefined {
  const match = SIV_PATTERN.exec(compact);
  if (!match) return undefined;
  const [, left = '', number = '', right = ''] = match;
  if (left === 'SS' || right === 'SS' || number === '000') return undefined;
  const kind = left === 'WW' ? 'siv_temporary' : 'siv';
  return { kind, canonical: `${left}-${number}-${right}`, searchKey: compact };
}

function parseFni(compact: string): ParsedPlate | undefined {
  const match = FNI_PATTERN.exec(compact);
  if (!match) return undefined;
  const [, number = '', letters = '', department = ''] = match;
  return { kind: 'fni', canonical: `${number} ${letters} ${department}`, searchKey: compact };
}

/**
 * Any spacing, case or hyphenation of a French plate gives its canonical form; anything else
 * (foreign plates, trade `W` plates) is kept as free text. Throws `validation_failed` for input
 * that is empty, too long, unprintable or without a letter or digit.
 */
export function parsePlate(input: string): ParsedPlate {
  const problem = findPlateInputProblem(input);
  if (problem !== undefined) throw new AppError('validation_failed', problem);

  const text = input.trim().normalize('NFC').toUpperCase().replace(/\s+/g, ' ');
  const compact = text.replace(SEPARATORS, '');
  const french = parseSiv(compact) ?? parseFni(compact);
  if (french) return french;

  const foreign: ParsedPlate = {
    kind: 'foreign',
    canonical: text,
    searchKey: toPlateSearchKey(text),
  };
  if (FRENCH_SHAPE.test(compact)) foreign.warning = PLATE_LOOKS_MISTYPED_WARNING;
  return foreign;
}

/** The vehicle form's plate field; the service then calls `parsePlate` on the trimmed text. */
export const PlateInputSchema = text({ error: 'Saisissez une immatriculation.' })
  .trim()
  .max(32, { error: 'Immatriculation trop longue.' })
  .superRefine((value, ctx) => {
    const problem = findPlateInputProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
