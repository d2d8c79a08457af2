import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../domain/errors';
import type { Deps } from './deps';
import { alertRulesRoutes, alertsRoutes } from './features/alerts/alerts.routes';
import { authRoutes } from './features/auth/auth.routes';
import { type AuthState, authenticate } from './features/auth/auth.service';
import { changesRoutes, feedRoutes } from './features/changes/changes.routes';
import { clientsRoutes } from './features/clients/clients.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { displayTokensRoutes } from './features/display-tokens/display-tokens.routes';
import { healthRoutes } from './features/health/health.routes';
import { quotesRoutes } from './features/quotes/quotes.routes';
import { repairOrdersRoutes, workshopRoutes } from './features/repair-orders/repair-orders.routes';
import { searchRoutes } from './features/search/search.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { staffRoutes } from './features/staff/staff.routes';
import { vehiclesRoutes } from './features/vehicles/vehicles.routes';
import { createErrorHandler } from './http/errors';
import { originCheck } from './http/origin-check';
import { type AppEnv, createRouter } from './http/router';
import { sessionMiddleware } from './http/session';
import { APP_VERSION } from './version';

function apiRoutes(deps: Deps, authState: AuthState) {
  const api = createRouter();
  api.use(originCheck(deps.env.PUBLIC_URL));
  api.use(sessionMiddleware((token) => authenticate(deps, token)));
  return api
    .route('/auth', authRoutes(deps, authState))
    .route('/staff', staffRoutes(deps))
    .route('/clients', clientsRoutes(deps))
    .route('/vehicles', vehiclesRoutes(deps))
    .route('/quotes', quotesRoutes(deps))
    .route('/repair-orders', repairOrdersRoutes(deps))
    .route('/workshop', workshopRoutes(deps))
    .route('/search', searchRoutes(deps))
    .route('/settings', settingsRoutes(deps))
    .route('/display-tokens', displayTokensRoutes(deps))
    .route('/alerts', alertsRoutes(deps))
    .route('/alert-rules', alertRulesRoutes(deps))
    .route('/dashboard', dashboardRoutes(deps))
    .route('/changes', changesRoutes(deps))
    .route('/feed', feedRoutes(deps));
}

/** The built client, with every non-API path falling back to index.html (client routing). */
function serveClient(app: OpenAPIHono<AppEnv>, clientDir: string): void {
  const indexPath = join(clientDir, 'index.html');
  const files = serveStatic({
    root: clientDir,
    onFound: (path, c) => {
      // Vite puts a content hash in every asset name: they never change.
      if (path.includes('/assets/'))
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use('*', (c, next) => (/\.[a-z0-9]+$/i.test(c.req.path) ? files(c, next) : next()));
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text("Le client n'est pas construit : lancez « npm run build ».", 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}

export function createApp(deps: Deps, authState: AuthState) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(requestId());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.onError(createErrorHandler(deps.log));

  const routes = app
    .route('/api/health', healthRoutes(deps))
    .route('/api/v1', apiRoutes(deps, authState));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'GestionPro API', version: APP_VERSION },
  });
  app.all('/api/*', () => {
    throw new AppError('not_found', 'Cette adresse d’API n’existe pas.');
  });
  serveClient(app, deps.env.CLIENT_DIR);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
