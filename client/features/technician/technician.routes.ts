import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The workshop's phone page: a technician clocks on and off the jobs of the day. */
export const technicianRoutes: RouteDefinition[] = [
  { path: '/atelier', component: lazy(() => import('./TechnicianPage')) },
];
