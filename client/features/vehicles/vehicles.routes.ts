import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The vehicles' screens; each preloads its query while its code loads. */
export const vehicleRoutes: RouteDefinition[] = [
  { path: '/vehicles', component: lazy(() => import('./VehiclesPage')) },
  { path: '/vehicles/new', component: lazy(() => import('./VehicleNewPage')) },
  { path: '/vehicles/:id', component: lazy(() => import('./VehicleDetailPage')) },
];
