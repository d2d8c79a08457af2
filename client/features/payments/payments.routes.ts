import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getOpenTill } from './payments.api';

/** « Caisse »: the till of the counter (decision 0018). */
export const paymentRoutes: RouteDefinition[] = [
  {
    path: '/caisse',
    component: lazy(() => import('./TillPage')),
    preload: () => void getOpenTill(),
  },
];
