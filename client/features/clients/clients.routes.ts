import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getClient, getClientsPage } from './clients.api';

/** The clients' screens; each preloads its query while its code loads. */
export const clientRoutes: RouteDefinition[] = [
  {
    path: '/clients',
    component: lazy(() => import('./ClientsPage')),
    preload: ({ location }) => {
      const q = location.query.q;
      void getClientsPage({
        q: typeof q === 'string' ? q : '',
        archived: location.query.archived === '1',
      });
    },
  },
  { path: '/clients/new', component: lazy(() => import('./ClientNewPage')) },
  {
    path: '/clients/:id',
    component: lazy(() => import('./ClientDetailPage')),
    preload: ({ params }) => void getClient(params.id!),
  },
];
