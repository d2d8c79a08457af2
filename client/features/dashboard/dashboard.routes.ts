import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getDashboard } from './dashboard.live';

/** The dashboard; preloads its snapshot while its code loads. */
export const dashboardRoutes: RouteDefinition[] = [
  {
    path: '/dashboard',
    component: lazy(() => import('./DashboardPage')),
    preload: () => void getDashboard(),
  },
];
