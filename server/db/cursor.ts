/**
 * Keyset pagination: the sort key and id of the last row, opaque to the caller. Read back by
 * `cursorSchema` (domain/schemas/common.ts), which checks it like any other input.
 */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}
