import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export type PhoneParseResult =
  | { ok: true; e164: string; national: string }
  | { ok: false; message: string };

/**
 * Normalises what a counter clerk types ("06 12 34 56 78", "+32 470 12 34 56", "0033 6…") to
 * E.164. French numbers are the default; a foreign number needs its "+" prefix.
 */
export function parsePhone(input: string): PhoneParseResult {
  const text = input.trim().replace(/^00/, '+');
  const phone = parsePhoneNumberFromString(text, 'FR');
  if (!phone?.isValid()) {
    return { ok: false, message: `Numéro de téléphone invalide : « ${input.trim()} ».` };
  }
  return { ok: true, e164: phone.number, national: phone.formatNational() };
}

/** "+33612345678" → "06 12 34 56 78"; a foreign number keeps its international form. */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}
