import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The alert inbox (the rules are under settings). */
export const alertRoutes: RouteDefinition[] = [
  { path: '/alerts', component: lazy(() => import('./AlertsPage')) },
];
