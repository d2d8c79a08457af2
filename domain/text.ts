/**
 * Search normalisation shared by the server (stored `search_text` columns, query terms) and the
 * client (highlighting): lower case, no accents, single spaces. Done in code rather than with the
 * `unaccent` extension because `unaccent()` is not IMMUTABLE and cannot back an index portably
 * (docs/decisions/0004-search.md).
 */
export function normalizeSearchText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits a query into search terms. A query that looks like a phone number ("06 12 34 56 78",
 * "+33 6 12…") becomes one digits-only term so it matches the stored digits.
 */
export function toSearchTerms(query: string): string[] {
  const normalized = normalizeSearchText(query);
  if (normalized === '') return [];
  if (/^[+\d][\d\s.\-/()]{3,}$/.test(normalized)) {
    const digits = normalized.replace(/\D/g, '');
    return [digits.startsWith('33') && digits.length === 11 ? `0${digits.slice(2)}` : digits];
  }
  return normalized.split(' ').filter((term) => term.length > 0);
}

/**
 * Terms for vehicles and quotes: a plate typed with spaces ("ab 123 cd") becomes one glued term
 * ("ab123cd"), which the trigram index can serve; its pieces alone are too short to.
 */
export function toPlateAwareTerms(query: string): string[] {
  const terms = toSearchTerms(query);
  const glued = terms.join('').replace(/[^a-z0-9]/g, '');
  const isPlateLike =
    terms.length > 1 &&
    terms.some((term) => term.length < 3) &&
    glued.length >= 5 &&
    glued.length <= 12;
  return isPlateLike ? [glued] : terms;
}
