/**
 * French postal codes: five digits whose first two are a department (01–95, Corsica 20, overseas
 * 97x, Monaco and some overseas collectivities 98x). Other countries: a short alphanumeric code.
 */
export function isValidPostalCode(code: string, country: string): boolean {
  if (country === 'FR') return /^(?:0[1-9]|[1-8]\d|9[0-5]|97|98)\d{3}$/.test(code);
  return /^[A-Z0-9][A-Z0-9 -]{1,9}$/i.test(code);
}
