import { type RouteDefinition, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { alertRoutes } from './features/alerts/alerts.routes';
import { accountRoutes } from './features/auth/auth.routes';
import { LoginPage } from './features/auth/LoginPage';
import { clientRoutes } from './features/clients/clients.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { invoiceRoutes } from './features/invoices/invoices.routes';
import { journalRoutes } from './features/journal/journal.routes';
import { paymentRoutes } from './features/payments/payments.routes';
import { quoteRoutes } from './features/quotes/quotes.routes';
import { repairOrderRoutes } from './features/repair-orders/repair-orders.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { Protected } from './features/shell/Protected';
import { technicianRoutes } from './features/technician/technician.routes';
import { vehicleRoutes } from './features/vehicles/vehicles.routes';
import { SessionProvider } from './lib/session';
import { Toasts } from './ui/toast';

const SetupPage = lazy(() => import('./features/auth/SetupPage'));
const BoardPage = lazy(() => import('./features/board/BoardPage'));
const WallPage = lazy(() => import('./features/wall/WallPage'));
const NotFoundPage = lazy(() => import('./features/shell/NotFoundPage'));

/** Each feature declares its screens (path, lazy page, preload) in its `*.routes.ts`. */
const routes: RouteDefinition[] = [
  { path: '/login', component: LoginPage },
  { path: '/setup', component: SetupPage },
  { path: '/wall', component: WallPage },
  {
    path: '/',
    component: Protected,
    children: [
      { path: '/', component: BoardPage },
      ...dashboardRoutes,
      ...clientRoutes,
      ...vehicleRoutes,
      ...quoteRoutes,
      ...repairOrderRoutes,
      ...invoiceRoutes,
      ...paymentRoutes,
      ...alertRoutes,
      ...settingsRoutes,
      ...journalRoutes,
      ...technicianRoutes,
      ...accountRoutes,
      { path: '*404', component: NotFoundPage },
    ],
  },
];

export function App() {
  return (
    <SessionProvider>
      <Router
        root={(props) => (
          <>
            {props.children}
            <Toasts />
          </>
        )}
      >
        {routes}
      </Router>
    </SessionProvider>
  );
}
