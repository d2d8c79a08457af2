import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type AlertRules,
  AlertRulesValuesSchema,
  DEFAULT_ALERT_RULES,
} from '../../../domain/alerts/rules';
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsValues,
  SettingsValuesSchema,
} from '../../../domain/schemas/settings';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema';

/** Rows of the settings table: the company settings, and the alert rules. */
const COMPANY = 1;
const ALERT_RULES = 2;

type Versioned<T> = T & { version: number; updatedAt: string };

/** A stored configuration, or its defaults (version 0) before anyone saved it. */
async function selectConfig<S extends z.ZodType<object>>(
  db: Executor,
  id: number,
  schema: S,
  defaults: z.output<S>,
): Promise<Versioned<z.output<S>>> {
  const [row] = await db.select().from(settings).where(eq(settings.id, id)).limit(1);
  if (!row) return { ...defaults, version: 0, updatedAt: new Date(0).toISOString() };
  // Parsed on the way out too: defaults added by later versions fill older rows.
  const values = schema.parse({ ...defaults, ...(row.data as object) });
  return { ...values, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

/** Writes if `version` is still current (0 = never saved); false otherwise. */
async function saveConfigVersioned(
  db: Executor,
  id: number,
  version: number,
  data: object,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const rows = await db
      .insert(settings)
      .values({ id, data, version: 1, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: settings.id });
    return rows.length > 0;
  }
  const rows = await db
    .update(settings)
    .set({ data, version: sql`${settings.version} + 1`, updatedAt: now })
    .where(and(eq(settings.id, id), eq(settings.version, version)))
    .returning({ id: settings.id });
  return rows.length > 0;
}

export function selectSettings(db: Executor): Promise<Settings> {
  return selectConfig(db, COMPANY, SettingsValuesSchema, DEFAULT_SETTINGS);
}

export function saveSettingsVersioned(
  db: Executor,
  version: number,
  values: SettingsValues,
  now: Date,
) {
  return saveConfigVersioned(db, COMPANY, version, values, now);
}

export function selectAlertRules(db: Executor): Promise<Versioned<AlertRules>> {
  return selectConfig(db, ALERT_RULES, AlertRulesValuesSchema, DEFAULT_ALERT_RULES);
}

export function saveAlertRulesVersioned(
  db: Executor,
  version: number,
  rules: AlertRules,
  now: Date,
) {
  return saveConfigVersioned(db, ALERT_RULES, version, rules, now);
}
