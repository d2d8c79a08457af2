import { z } from 'zod';
import { fr } from 'zod/locales';

// The UI is French: zod's own messages ("expected string…") too, on both sides, since every
// schema module imports this one.
z.config(fr());

export const IdSchema = z.uuid({ error: 'Identifiant invalide.' });
export const IdParamSchema = z.object({ id: IdSchema });

export const VersionSchema = z.int().min(1);

export const RecordMetaSchema = z.object({
  id: IdSchema,
  version: VersionSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
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
  return z
    .string()
    .trim()
    .max(max, { error: `${max} caractères au maximum.` })
    .nullish()
    .transform((value) => (value ? value : null));
}
