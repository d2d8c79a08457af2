import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type { Settings, SettingsUpdateSchema } from '../../../domain/schemas/settings';
import { READERS, requireRole } from '../../access';
import type { Actor, Deps } from '../../deps';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import { saveSettingsVersioned, selectSettings } from './settings.repo';

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
