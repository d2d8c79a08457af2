import type { z } from 'zod';
import type { AlertRules } from '../../../domain/alerts/rules';
import { fromZodError } from '../../../domain/errors';
import {
  type Settings,
  type SettingsPatchSchema,
  SettingsUpdateSchema,
} from '../../../domain/schemas/settings';
import { ADMINS, READERS, requireRole } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import {
  saveAlertRulesVersioned,
  saveSettingsVersioned,
  selectAlertRules,
  selectSettings,
} from './settings.repo';

export async function getSettings(deps: Deps, actor: Actor): Promise<Settings> {
  requireRole(actor, READERS);
  return selectSettings(deps.db);
}

export async function updateSettings(
  deps: Deps,
  actor: Actor | null,
  input: z.output<typeof SettingsUpdateSchema>,
): Promise<Settings> {
  if (actor) requireRole(actor, ['admin']);
  const { version, ...values } = input;
  return writeWithChanges(deps, actor, async (tx, record) => {
    if (!(await saveSettingsVersioned(tx, version, values, deps.now()))) {
      const current = await selectSettings(tx);
      throw await staleVersionError(tx, 'settings', 'settings', current);
    }
    const saved = await selectSettings(tx);
    record({ entity: 'settings', action: 'updated', id: 'settings', data: saved });
    return saved;
  });
}

/**
 * The fields sent, merged into the current settings and checked whole with the schema of a full
 * save: a form sends what the user changed, and an edit of another field meanwhile is refused
 * with `stale_version` (and `current`) rather than overwritten.
 */
export async function patchSettings(
  deps: Deps,
  actor: Actor,
  patch: z.output<typeof SettingsPatchSchema>,
): Promise<Settings> {
  requireRole(actor, ADMINS);
  const { version, ...changes } = patch;
  const current = await selectSettings(deps.db);
  if (current.version !== version) {
    throw await staleVersionError(deps.db, 'settings', 'settings', current);
  }
  const { version: _, updatedAt: __, ...values } = current;
  const merged = SettingsUpdateSchema.safeParse({ ...values, ...changes, version });
  if (!merged.success) throw fromZodError(merged.error);
  return updateSettings(deps, actor, merged.data);
}

/*
 * For the features above this one, inside their own transaction and after their own access
 * check: no actor here (docs/decisions/0010-feature-boundaries.md).
 */

/** The company settings: quoting reads the validity, the VAT regime and the mentions. */
export function readSettings(db: Executor): Promise<Settings> {
  return selectSettings(db);
}

/** The alert rules, stored beside the settings; the alerts feature owns what they mean. */
export function readAlertRules(db: Executor) {
  return selectAlertRules(db);
}

/** Saves the alert rules if `version` is still current (0: never saved); false otherwise. */
export function saveAlertRules(
  db: Executor,
  version: number,
  rules: AlertRules,
  now: Date,
): Promise<boolean> {
  return saveAlertRulesVersioned(db, version, rules, now);
}
