import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The signed-in user's own account: password, sessions. */
export const accountRoutes: RouteDefinition[] = [
  { path: '/account', component: lazy(() => import('./AccountPage')) },
];
