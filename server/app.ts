import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../domain/errors';
import { REQUEST_BODY_MAX_BYTES } from '../domain/schemas/bounds';
import type { Deps } from './deps';
import { alertRulesRoutes, alertsRoutes } from './features/alerts/alerts.routes';
import { authRoutes } from './features/auth/auth.routes';
import { type AuthState, authenticate } from './features/auth/auth.service';
import { changesRoutes, feedRoutes } from './features/changes/changes.routes';
import { clientsRoutes } from './features/clients/clients.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { displayTokensRoutes } from './features/display-tokens/display-tokens.routes';
import { exportsRoutes } from './features/exports/exports.routes';
import { healthRoutes } from './features/health/health.routes';
import { invoicesRoutes } from './features/invoices/invoices.routes';
import { closuresRoutes, journalRoutes } from './features/journal/journal.routes';
import { outboxRoutes } from './features/mail/mail.routes';
import { paymentsRoutes, tillRoutes } from './features/payments/payments.routes';
import { quotesRoutes } from './features/quotes/quotes.routes';
import { repairOrdersRoutes, workshopRoutes } from './features/repair-orders/repair-orders.routes';
import { searchRoutes } from './features/search/search.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { staffRoutes } from './features/staff/staff.routes';
import { vehiclesRoutes } from './features/vehicles/vehicles.routes';
import { exceptBinaryRoutes, jsonBodiesOnly } from './http/content-type';
import { createErrorHandler } from './http/errors';
import { originCheck } from './http/origin-check';
import { type AppEnv, createRouter } from './http/router';
import { requireSession, sessionMiddleware } from './http/session';
import { APP_VERSION } from './version';

export const API_PREFIX = '/api/v1';

/** The only routes that take a request without a session: signing in. */
/** Routes whose body is raw bytes, each read and bounded by its own route (decision 0016). */
export const BINARY_ROUTES: ReadonlySet<string> = new Set([
  `POST ${API_PREFIX}/repair-orders/:id/photos`,
]);

export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  `POST ${API_PREFIX}/auth/login`,
  `POST ${API_PREFIX}/auth/setup`,
  `POST ${API_PREFIX}/auth/display`,
]);

/**
 * In this order, each from the headers before anything reads the body (decision 0015): the
 * origin, the session, 401 for an anonymous request to a guarded route, then the size (413) and
 * the type (415) of the body; the route's schema comes last.
 */
function apiRoutes(deps: Deps, authState: AuthState) {
  const api = createRouter();
  api.use(originCheck(deps.env.PUBLIC_URL));
  api.use(sessionMiddleware((token) => authenticate(deps, token)));
  api.use(requireSession(API_PREFIX, PUBLIC_ROUTES));
  api.use(
    exceptBinaryRoutes(
      API_PREFIX,
      BINARY_ROUTES,
      bodyLimit({
        maxSize: REQUEST_BODY_MAX_BYTES,
        onError: () => {
          throw new AppError('payload_too_large');
        },
      }),
    ),
  );
  api.use(exceptBinaryRoutes(API_PREFIX, BINARY_ROUTES, jsonBodiesOnly()));
  return api
    .route('/auth', authRoutes(deps, authState))
    .route('/staff', staffRoutes(deps))
    .route('/clients', clientsRoutes(deps))
    .route('/vehicles', vehiclesRoutes(deps))
    .route('/quotes', quotesRoutes(deps))
    .route('/repair-orders', repairOrdersRoutes(deps))
    .route('/workshop', workshopRoutes(deps))
    .route('/invoices', invoicesRoutes(deps))
    .route('/journal', journalRoutes(deps))
    .route('/payments', paymentsRoutes(deps))
    .route('/till', tillRoutes(deps))
    .route('/closures', closuresRoutes(deps))
    .route('/exports', exportsRoutes(deps))
    .route('/search', searchRoutes(deps))
    .route('/settings', settingsRoutes(deps))
    .route('/display-tokens', displayTokensRoutes(deps))
    .route('/outbox', outboxRoutes(deps))
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
      // Nothing here films, listens, locates or pays; the wall screen may go full screen.
      permissionsPolicy: {
        accelerometer: [],
        bluetooth: [],
        camera: [],
        displayCapture: [],
        fullscreen: ['self'],
        geolocation: [],
        gyroscope: [],
        hid: [],
        magnetometer: [],
        microphone: [],
        midi: [],
        payment: [],
        serial: [],
        usb: [],
      },
    }),
  );
  // Answers about garages' clients are never to be kept by a browser or a proxy, refusals
  // included; a route that says otherwise (a check-in photo, private and immutable) is kept.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.onError(createErrorHandler(deps.log));

  const routes = app
    .route('/api/health', healthRoutes(deps))
    .route(API_PREFIX, apiRoutes(deps, authState));

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
