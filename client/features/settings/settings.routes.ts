import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** Settings: the company, staff accounts, alert rules, wall screens. */
export const settingsRoutes: RouteDefinition[] = [
  { path: '/settings', component: lazy(() => import('./SettingsPage')) },
  { path: '/settings/staff', component: lazy(() => import('../staff/StaffPage')) },
  { path: '/settings/alerts', component: lazy(() => import('../alerts/AlertRulesPage')) },
  { path: '/settings/displays', component: lazy(() => import('./DisplaysPage')) },
];
