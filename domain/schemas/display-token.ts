import { z } from 'zod';
import { text } from './common';

/**
 * What a wall screen shows: the dashboard (counters, alerts, the feed), or the workshop board
 * (today's repair orders in large type, without customers or money). Set by an admin.
 */
export const DISPLAY_MODES = ['dashboard', 'workshop'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
export const DISPLAY_MODE_LABELS: Record<DisplayMode, string> = {
  dashboard: 'Tableau de bord',
  workshop: 'Atelier',
};

export const DisplayTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    mode: z.enum(DISPLAY_MODES),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DisplayToken' });

/** The secret is in this response only; the server keeps its hash. */
export const CreatedDisplayTokenSchema = DisplayTokenSchema.extend({ token: z.string() });

export const DisplayTokenCreateSchema = z.object({
  name: text()
    .trim()
    .min(1, { error: 'Nommez cet écran (ex. « Atelier »).' })
    .max(80, { error: '80 caractères au maximum.' }),
  mode: z.enum(DISPLAY_MODES).default('dashboard'),
});

export const DisplayTokenUpdateSchema = z.object({ mode: z.enum(DISPLAY_MODES) });

export const DisplaySignInSchema = z.object({ token: z.string().min(10).max(200) });

export type DisplayToken = z.infer<typeof DisplayTokenSchema>;
