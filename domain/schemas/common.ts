import { z } from 'zod';
import { fr } from 'zod/locales';

// The UI is French: zod's own messages ("expected string…") too, on both sides, since every
// schema module imports this one.
z.config(fr());

export const IdSchema = z.uuid({ error: 'Identifiant invalide.' });
export const IdParamSchema = z.object({ id: IdSchema });

/** PostgreSQL's `integer`: versions, revisions, counts and kilometres are stored as one. */
export const INT4_MAX = 2_147_483_647;

export const VersionSchema = z.int().min(1).max(INT4_MAX);

/**
 * NUL (PostgreSQL's text cannot hold it) or half of a UTF-16 surrogate pair (not a character:
 * it cannot be written as UTF-8). Matched on code units, hence no `u` flag.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * Every string the API takes starts here (decision 0015): what the database could not store is
 * refused at the boundary with 400, before any trim, pattern or query sees it.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, {
    error: 'Caractère non autorisé (caractère nul ou invalide).',
    abort: true,
  });
}

export const RecordMetaSchema = z.object({
  id: IdSchema,
  version: VersionSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const SearchTextSchema = text().trim().max(200);

const CURSOR_ERROR = 'Curseur de pagination invalide.';

/** base64url of UTF-8 JSON, as server/db/cursor.ts writes it; undefined when it is not one. */
function readCursor(value: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return undefined;
  try {
    const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Keyset pagination's cursor: `[key, id]` of the last row, opaque to the caller but checked
 * here like any input (decision 0015), the key with the list's own schema (a text sort key, an
 * instant), so that a forged cursor is a 400 and never reaches a query.
 */
export function cursorSchema<K extends z.ZodType<string, string>>(key: K) {
  const Decoded = z.tuple([key, IdSchema]);
  return text()
    .max(500, { error: CURSOR_ERROR })
    .transform((value, ctx) => {
      const parsed = Decoded.safeParse(readCursor(value));
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: CURSOR_ERROR });
        return z.NEVER;
      }
      const [decodedKey, id] = parsed.data;
      return { key: decodedKey, id };
    });
}

export type Cursor = { key: string; id: string };

export const ListQuerySchema = z.object({
  q: SearchTextSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** A text sort key (name, plate); lists sorted otherwise override it. */
  cursor: cursorSchema(text().max(400)).optional(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** "" from an empty form field means "no value". */
export function optionalText(max: number) {
  return text()
    .trim()
    .max(max, { error: `${max} caractères au maximum.` })
    .nullish()
    .transform((value) => (value ? value : null));
}
