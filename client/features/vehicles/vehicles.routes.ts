import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getClient } from '../clients/clients.api';
import { getVehicle, getVehicleHistory, getVehiclesPage } from './vehicles.api';

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/** The vehicles' screens; each preloads its queries while its code loads. */
export const vehicleRoutes: RouteDefinition[] = [
  {
    path: '/vehicles',
    component: lazy(() => import('./VehiclesPage')),
    preload: ({ location }) =>
      void getVehiclesPage({
        q: text(location.query.q),
        archived: location.query.archived === '1',
      }),
  },
  {
    path: '/vehicles/new',
    component: lazy(() => import('./VehicleNewPage')),
    // The owner's name, unless the link that opened the form carried it.
    preload: ({ location }) => {
      const clientId = text(location.query.clientId);
      if (clientId && !text(location.query.clientName)) void getClient(clientId);
    },
  },
  {
    path: '/vehicles/:id',
    component: lazy(() => import('./VehicleDetailPage')),
    preload: ({ params }) => {
      void getVehicle(params.id!);
      void getVehicleHistory(params.id!);
    },
  },
];
