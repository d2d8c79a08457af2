import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The repair orders' screens (the board at `/` is the board feature's). */
export const repairOrderRoutes: RouteDefinition[] = [
  { path: '/repair-orders/:id', component: lazy(() => import('./RepairOrderPage')) },
];
