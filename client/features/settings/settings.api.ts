import type { DisplayMode } from '../../../domain/schemas/display-token';
import type { SettingsPatch } from '../../../domain/schemas/settings';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';

/** The company settings are one record: its id in the change log. */
export const SETTINGS_ID = 'settings';

const settingsRecord = recordQuery('settings', 'settings', () => call(api.settings.$get()));

/**
 * The company settings, kept current in the router's cache by the change stream (a `settings`
 * change of id `settings` carries them whole), so Back never shows an old version.
 */
export const getSettings = Object.assign(() => settingsRecord(SETTINGS_ID), {
  /** For `revalidate`: the screens already showing the settings read them again. */
  key: settingsRecord.key,
});

/** The fields that changed, with the version they were changed from (409 `stale_version`). */
export const patchSettings = liveAction('settings-patch', (patch: SettingsPatch) =>
  call(api.settings.$patch({ json: patch })),
);

/** Wall screens' tokens; a `display_token` change drops the cached list. */
export const getDisplayTokens = staleOnQuery(['display_token'], 'display-tokens', () =>
  call(api['display-tokens'].$get()),
);

/** The answer carries the secret, shown once. */
export const createDisplayToken = liveAction(
  'display-token-create',
  (name: string, mode: DisplayMode) => call(api['display-tokens'].$post({ json: { name, mode } })),
);

/** What a screen shows; the screen takes it on its next load. */
export const setDisplayTokenMode = liveAction(
  'display-token-mode',
  (id: string, mode: DisplayMode) =>
    call(api['display-tokens'][':id'].$patch({ param: { id }, json: { mode } })),
);

export const revokeDisplayToken = liveAction('display-token-revoke', (id: string) =>
  call(api['display-tokens'][':id'].$delete({ param: { id } })),
);
