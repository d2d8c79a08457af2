import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getColleagues, getInbox } from './alerts.api';
import { readInboxFilters, toInboxQuery } from './inbox';

/** The alert inbox (the rules are under settings); preloads its query while its code loads. */
export const alertRoutes: RouteDefinition[] = [
  {
    path: '/alerts',
    component: lazy(() => import('./AlertsPage')),
    preload: ({ location }) => {
      void getInbox(toInboxQuery(readInboxFilters(location.query)));
      void getColleagues();
    },
  },
];
