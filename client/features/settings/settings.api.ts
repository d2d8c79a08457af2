import { query } from '@solidjs/router';
import type { Settings } from '../../../domain/schemas/settings';
import { get, put } from '../../lib/api';

export const getSettings = query(() => get<Settings>('/settings'), 'settings');
export const saveSettings = (settings: Omit<Settings, 'updatedAt'>) =>
  put<Settings>('/settings', settings);
