/**
 * Money is integer cents everywhere; these helpers are the only place cents meet text.
 * Formatting goes through Intl so the editor, the lists and the PDF agree on `1 234,56 €`.
 */
const EUROS_FORMAT = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const QUANTITY_FORMAT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

/** U+202F narrow no-break space (fr-FR group separator), U+00A0 no-break space (before €), U+2009 thin space. */
const PDF_UNSAFE_SPACES = /[\u202f\u00a0\u2009]/g;

export type ParseEurosResult = { ok: true; cents: number } | { ok: false; message: string };

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Expected an integer number of cents, got ${cents}`);
  }
}

/** Exact decimal string (`-1234.56`): Intl formats it without ever going through a float. */
function toDecimalString(cents: number): `${number}` {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const remainder = abs % 100;
  const euros = (abs - remainder) / 100;
  return `${sign}${euros}.${String(remainder).padStart(2, '0')}` as `${number}`;
}

/** `123456` → `1 234,56 €` (U+202F between thousands, U+00A0 before €), as fr-FR Intl writes it. */
export function formatEuros(cents: number): string {
  assertCents(cents);
  return EUROS_FORMAT.format(toDecimalString(cents));
}

/**
 * The PDF's standard fonts (Helvetica & co. in WinAnsiEncoding, what jsPDF uses by default) have
 * no glyph for U+202F, and jsPDF measures U+00A0 with a default width, which shifts right-aligned
 * amounts. So U+202F, U+00A0 and U+2009 all become a plain U+0020 space. `€` stays: WinAnsi has it
 * (0x80) and jsPDF maps U+20AC to it.
 */
export function normalizeSpacesForPdf(text: string): string {
  return text.replace(PDF_UNSAFE_SPACES, ' ');
}

/** `123456` → `1 234,56 €` with ASCII spaces only, drawable by the PDF's standard fonts. */
export function formatEurosForPdf(cents: number): string {
  return normalizeSpacesForPdf(formatEuros(cents));
}

/**
 * `1250` → `12,50`: the amount as an input field shows it, ready to be typed over and read back
 * by `parseEurosToCents` (no grouping, no currency sign).
 */
export function formatCentsForInput(cents: number): string {
  assertCents(cents);
  return toDecimalString(cents).replace('.', ',');
}

/** `1250` basis points → `12,5` (a discount or a rate as typed, in percent). */
export function formatPercentBp(bp: number): string {
  assertCents(bp);
  return String(bp / 100).replace('.', ',');
}

/** `1.5` → `1,5`; `1000` → `1 000` (U+202F); at most 3 decimals, no trailing zeros. */
export function formatQuantity(quantity: number): string {
  if (!Number.isFinite(quantity))
    throw new RangeError(`Expected a finite quantity, got ${quantity}`);
  return QUANTITY_FORMAT.format(quantity);
}

const AMOUNT_PATTERN = /^(\d{1,3}(?: \d{3})+|\d*)(?:[.,](\d*))?$/;

/**
 * What a user types in a price cell: `12,5`, `12.50`, `1 234,56`, `1234,56 €`, `-3`. Both `,` and
 * `.` are decimal separators (keyboards differ), so neither can be a thousands separator: only
 * spaces group thousands. More than two decimals is refused rather than rounded: a price the user
 * cannot see is never invented. The sign is kept; the field's schema decides whether it is allowed.
 */
export function parseEurosToCents(text: string): ParseEurosResult {
  let value = text
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim()
    .replace(/\s*(?:€|EUR)$/i, '');
  if (value === '') return { ok: false, message: 'Saisissez un montant.' };

  const isNegative = /^[-\u2212]/.test(value);
  if (isNegative) value = value.slice(1).trim();

  const match = AMOUNT_PATTERN.exec(value);
  const integerPart = match?.[1]?.replaceAll(' ', '') ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (integerPart === '' && fraction === '')) {
    return { ok: false, message: 'Montant invalide. Exemple : 1 234,56' };
  }
  if (fraction.length > 2) {
    return { ok: false, message: 'Deux décimales au maximum (centimes).' };
  }

  const cents = BigInt(integerPart || '0') * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: 'Montant trop élevé.' };
  }
  const result = Number(cents);
  return { ok: true, cents: isNegative && result !== 0 ? -result : result };
}
