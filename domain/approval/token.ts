/** The public token: 16 random bytes, base64url without padding (22 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/**
 * The public route's first check, before any lookup: a token of the right shape. The last
 * character carries 2 bits and 4 zero bits, so only A, Q, g and w end a canonical one (one
 * token, one text: no two spellings of the same bytes reach the hash lookup).
 */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
