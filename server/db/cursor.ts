import { AppError } from '../../domain/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keyset pagination: the sort key and id of the last row, opaque to the caller. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'string' && typeof id === 'string' && UUID.test(id)) return { key, id };
  } catch {
    // falls through to the validation error below
  }
  throw new AppError('validation_failed', 'Curseur de pagination invalide.', [
    { path: ['cursor'], code: 'custom', message: 'Curseur de pagination invalide.' },
  ]);
}
