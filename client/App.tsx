import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { LoginPage } from './features/auth/LoginPage';
import { Protected } from './features/shell/Protected';
import { SessionProvider } from './lib/session';
import { Toasts } from './ui/toast';

const SetupPage = lazy(() => import('./features/auth/SetupPage'));
const BoardPage = lazy(() => import('./features/board/BoardPage'));
const ClientsPage = lazy(() => import('./features/clients/ClientsPage'));
const ClientDetailPage = lazy(() => import('./features/clients/ClientDetailPage'));
const ClientNewPage = lazy(() => import('./features/clients/ClientNewPage'));
const StaffPage = lazy(() => import('./features/staff/StaffPage'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage'));
const AlertsPage = lazy(() => import('./features/alerts/AlertsPage'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const DisplaysPage = lazy(() => import('./features/settings/DisplaysPage'));
const WallPage = lazy(() => import('./features/wall/WallPage'));
const AlertRulesPage = lazy(() => import('./features/alerts/AlertRulesPage'));
const VehiclesPage = lazy(() => import('./features/vehicles/VehiclesPage'));
const VehicleNewPage = lazy(() => import('./features/vehicles/VehicleNewPage'));
const VehicleDetailPage = lazy(() => import('./features/vehicles/VehicleDetailPage'));
const QuotesPage = lazy(() => import('./features/quotes/QuotesPage'));
const QuoteEditorPage = lazy(() => import('./features/quotes/QuoteEditorPage'));
const QuoteRevisionPage = lazy(() => import('./features/quotes/QuoteRevisionPage'));
const NotFoundPage = lazy(() => import('./features/shell/NotFoundPage'));

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
        <Route path="/login" component={LoginPage} />
        <Route path="/setup" component={SetupPage} />
        <Route path="/wall" component={WallPage} />
        <Route path="/" component={Protected}>
          <Route path="/" component={BoardPage} />
          <Route path="/clients" component={ClientsPage} />
          <Route path="/clients/new" component={ClientNewPage} />
          <Route path="/clients/:id" component={ClientDetailPage} />
          <Route path="/vehicles" component={VehiclesPage} />
          <Route path="/vehicles/new" component={VehicleNewPage} />
          <Route path="/vehicles/:id" component={VehicleDetailPage} />
          <Route path="/quotes" component={QuotesPage} />
          <Route path="/quotes/:id" component={QuoteEditorPage} />
          <Route path="/quotes/:id/revisions/:revision" component={QuoteRevisionPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/settings/staff" component={StaffPage} />
          <Route path="/settings/alerts" component={AlertRulesPage} />
          <Route path="/alerts" component={AlertsPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/settings/displays" component={DisplaysPage} />
          <Route path="*404" component={NotFoundPage} />
        </Route>
      </Router>
    </SessionProvider>
  );
}
