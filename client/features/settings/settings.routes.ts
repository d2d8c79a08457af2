import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getAlertRules, getAlertSchedule } from '../alerts/alert-rules.api';
import { getOutbox } from '../mail/mail.api';
import { getStaff } from '../staff/staff.api';
import { getDisplayTokens, getSettings } from './settings.api';

/** Settings: the company, staff accounts, alert rules, wall screens, the outbox; each preloads its queries. */
export const settingsRoutes: RouteDefinition[] = [
  {
    path: '/settings',
    component: lazy(() => import('./SettingsPage')),
    preload: () => void getSettings(),
  },
  {
    path: '/settings/staff',
    component: lazy(() => import('../staff/StaffPage')),
    preload: () => void getStaff(),
  },
  {
    path: '/settings/alerts',
    component: lazy(() => import('../alerts/AlertRulesPage')),
    preload: () => {
      void getAlertRules();
      void getAlertSchedule();
    },
  },
  {
    path: '/settings/displays',
    component: lazy(() => import('./DisplaysPage')),
    preload: () => void getDisplayTokens(),
  },
  {
    path: '/settings/mail',
    component: lazy(() => import('../mail/OutboxPage')),
    preload: () => void getOutbox(),
  },
];
