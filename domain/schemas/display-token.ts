import { z } from 'zod';

export const DisplayTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DisplayToken' });

/** The secret is in this response only; the server keeps its hash. */
export const CreatedDisplayTokenSchema = DisplayTokenSchema.extend({ token: z.string() });

export const DisplayTokenCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Nommez cet écran (ex. « Atelier »).' })
    .max(80, { error: '80 caractères au maximum.' }),
});

export const DisplaySignInSchema = z.object({ token: z.string().min(10).max(200) });

export type DisplayToken = z.infer<typeof DisplayTokenSchema>;
