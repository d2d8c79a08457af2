import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createAuthState } from './features/auth/auth.service';
import { ENGINES } from './test/databases';
import { buildClientInput, buildJobs, buildSettings, buildVehicleInput } from './test/factories';
import { startTestServer, type TestServer } from './test/harness';
import {
  CALLERS,
  type Caller,
  type DocumentedRoute,
  type Fixtures,
  prepareCallers,
  readApiDocument,
  type Sessions,
  send,
} from './test/route-catalog';

/**
 * Who may call what, one line per route of the API. A route added without its line here fails
 * the suite ("has a line for every route"), so its access is decided, not inherited.
 *
 * - public: anyone, signed in or not (signing in, health);
 * - session: any session, the wall's included (who am I, sign out);
 * - feed: the wall screen, counter staff and admins (dashboard, feed, the alerts it shows);
 * - records: counter staff and admins (the garage's records);
 * - admin: admins only (accounts, display tokens, company settings, alert rules).
 */
type Access = 'public' | 'session' | 'feed' | 'records' | 'admin';

type Request = { params?: Record<string, string>; query?: string; body?: unknown };
type Line = {
  access: Access;
  /**
   * What an allowed caller answers when that is itself a 4xx the check cannot tell from a
   * refusal (a wrong current password): the refused callers still get 401/403.
   */
  allowedAnswer?: number;
  /** A request its schema accepts, so the answer is the access check's, not a 400. */
  request?: (fixtures: Fixtures) => Request;
  /** What a public route answers every caller. */
  answers?: number;
};

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const id = { params: { id: NOWHERE } };
const versioned = (body: Record<string, unknown> = {}) => ({
  ...id,
  body: { version: 1, ...body },
});

const MATRIX: Record<string, Line> = {
  'GET /api/health': { access: 'public', answers: 200 },
  'POST /api/v1/auth/login': {
    access: 'public',
    answers: 200,
    request: (fixtures) => ({ body: fixtures.login }),
  },
  'POST /api/v1/auth/setup': {
    access: 'public',
    // The admin exists: the setup link is spent.
    answers: 403,
    request: () => ({
      body: { token: 'x'.repeat(20), email: 'x@garage.test', name: 'X', password: 'x'.repeat(12) },
    }),
  },
  'POST /api/v1/auth/display': {
    access: 'public',
    answers: 200,
    request: (fixtures) => ({ body: { token: fixtures.displayToken } }),
  },
  // Run after `logout-everywhere` (see the ordering below), which has ended the sessions of
  // staff and admins already: they answer 401 here; the wall's session is still there.
  'POST /api/v1/auth/logout': { access: 'session', allowedAnswer: 401 },
  // Ends every session of the caller's account: run last but one.
  'POST /api/v1/auth/logout-everywhere': { access: 'records' },
  'POST /api/v1/auth/password': {
    access: 'records',
    // A wrong current password: refused at its field, nothing changes.
    allowedAnswer: 400,
    request: () => ({
      body: { currentPassword: 'pas-le-bon-mot-de-passe', newPassword: 'un-autre-Mot-2-passe' },
    }),
  },
  'GET /api/v1/auth/me': { access: 'session' },
  'GET /api/v1/staff': { access: 'admin' },
  'POST /api/v1/staff': {
    access: 'admin',
    request: () => ({
      body: {
        email: `matrice.${crypto.randomUUID()}@garage.test`,
        name: 'Matrice',
        role: 'staff',
        password: 'motdepasse-matrice',
      },
    }),
  },
  'GET /api/v1/staff/directory': { access: 'records' },
  'PATCH /api/v1/staff/{id}': { access: 'admin', request: () => versioned({ name: 'Matrice' }) },
  'GET /api/v1/clients': { access: 'records' },
  'POST /api/v1/clients': { access: 'records', request: () => ({ body: buildClientInput() }) },
  'GET /api/v1/clients/{id}': { access: 'records', request: () => id },
  'GET /api/v1/clients/{id}/messages': { access: 'records', request: () => id },
  'PATCH /api/v1/clients/{id}': { access: 'records', request: () => versioned({ notes: 'x' }) },
  'DELETE /api/v1/clients/{id}': { access: 'records', request: () => id },
  'POST /api/v1/clients/{id}/restore': { access: 'records', request: () => id },
  'GET /api/v1/vehicles': { access: 'records' },
  'POST /api/v1/vehicles': {
    access: 'records',
    request: (fixtures) => ({ body: buildVehicleInput(fixtures.clientIds[0]!) }),
  },
  'GET /api/v1/vehicles/{id}': { access: 'records', request: () => id },
  'PATCH /api/v1/vehicles/{id}': { access: 'records', request: () => versioned({ notes: 'x' }) },
  'DELETE /api/v1/vehicles/{id}': { access: 'records', request: () => id },
  'GET /api/v1/vehicles/{id}/history': { access: 'records', request: () => id },
  'POST /api/v1/vehicles/{id}/restore': { access: 'records', request: () => id },
  'POST /api/v1/vehicles/{id}/inspections': {
    access: 'records',
    request: () => ({ ...id, body: { date: '2026-01-10', result: 'pass' } }),
  },
  'POST /api/v1/vehicles/{id}/mileage': {
    access: 'records',
    request: () => ({ ...id, body: { date: '2026-01-10', km: 1000 } }),
  },
  'POST /api/v1/vehicles/{id}/services': {
    access: 'records',
    request: () => ({ ...id, body: { date: '2026-01-10', km: 1000 } }),
  },
  'POST /api/v1/vehicles/{id}/transfer': {
    access: 'records',
    request: (fixtures) => versioned({ clientId: fixtures.clientIds[0] }),
  },
  'GET /api/v1/quotes': { access: 'records' },
  'POST /api/v1/quotes': {
    access: 'records',
    request: (fixtures) => ({ body: { clientId: fixtures.clientIds[0], jobs: buildJobs(1) } }),
  },
  'GET /api/v1/quotes/{id}': { access: 'records', request: () => id },
  'PATCH /api/v1/quotes/{id}': { access: 'records', request: () => versioned({ notes: 'x' }) },
  'GET /api/v1/quotes/{id}/revisions/{revision}': {
    access: 'records',
    request: () => ({ params: { id: NOWHERE, revision: '1' } }),
  },
  'POST /api/v1/quotes/{id}/transition': {
    access: 'records',
    request: () => versioned({ to: 'sent' }),
  },
  'POST /api/v1/quotes/{id}/declined-work': { access: 'records', request: () => id },
  'POST /api/v1/quotes/{id}/duplicate': { access: 'records', request: () => id },
  'POST /api/v1/quotes/{id}/email': {
    access: 'records',
    request: () => ({
      ...id,
      body: { to: 'client@garage.test', message: '', pdfBase64: 'JVBERi0xLjQ=' },
    }),
  },
  'GET /api/v1/quotes/{id}/messages': { access: 'records', request: () => id },
  'GET /api/v1/search': { access: 'records', request: () => ({ query: 'q=clio' }) },
  'GET /api/v1/settings': { access: 'records' },
  'PUT /api/v1/settings': {
    access: 'admin',
    request: () => ({ body: { ...buildSettings(), version: 0 } }),
  },
  'PATCH /api/v1/settings': {
    access: 'admin',
    request: () => ({ body: { version: 0, quoteValidityDays: 30 } }),
  },
  'GET /api/v1/display-tokens': { access: 'admin' },
  'POST /api/v1/display-tokens': {
    access: 'admin',
    request: () => ({ body: { name: 'Matrice' } }),
  },
  'DELETE /api/v1/display-tokens/{id}': { access: 'admin', request: () => id },
  'PATCH /api/v1/display-tokens/{id}': {
    access: 'admin',
    request: () => ({ ...id, body: { mode: 'workshop' } }),
  },
  'GET /api/v1/outbox': { access: 'admin' },
  'POST /api/v1/outbox/test': {
    access: 'admin',
    request: () => ({ body: { to: 'matrice@garage.test' } }),
  },
  // Nothing to retry: the admin's 404 is still past the access check.
  'POST /api/v1/outbox/{id}/retry': { access: 'admin', request: () => id },
  'GET /api/v1/repair-orders': { access: 'records' },
  'POST /api/v1/repair-orders': {
    access: 'records',
    request: (fixtures) => ({
      body: {
        origin: 'walk_in',
        clientId: fixtures.clientIds[0],
        vehicleId: fixtures.vehicleIds[0],
        jobs: buildJobs(1),
      },
    }),
  },
  'GET /api/v1/repair-orders/{id}': { access: 'records', request: () => id },
  'PATCH /api/v1/repair-orders/{id}': {
    access: 'records',
    request: () => versioned({ notes: 'x' }),
  },
  'POST /api/v1/repair-orders/{id}/transition': {
    access: 'records',
    request: () => versioned({ to: 'in_progress' }),
  },
  'POST /api/v1/repair-orders/{id}/assign': {
    access: 'records',
    request: () => versioned({ technicianId: null }),
  },
  'POST /api/v1/repair-orders/{id}/amendments': {
    access: 'records',
    request: () => versioned({ jobs: buildJobs(1) }),
  },
  'POST /api/v1/repair-orders/{id}/amendments/{amendmentId}/decision': {
    access: 'records',
    request: () => ({
      params: { id: NOWHERE, amendmentId: NOWHERE },
      body: {
        version: 1,
        decision: 'authorised',
        channel: 'phone',
        caller: 'Marie',
        callee: 'Le client',
        calledAt: '2026-11-24T10:00:00.000Z',
      },
    }),
  },
  'POST /api/v1/repair-orders/{id}/clock': {
    access: 'records',
    request: () => ({ ...id, body: { jobId: NOWHERE, action: 'start' } }),
  },
  'POST /api/v1/repair-orders/{id}/hand-back': {
    access: 'records',
    request: () =>
      versioned({
        checklist: { workDone: true, declinedWorkReminded: true, nextDueReminded: true },
        signatureId: NOWHERE,
      }),
  },
  'POST /api/v1/repair-orders/{id}/signatures': {
    access: 'records',
    request: () =>
      versioned({
        kind: 'check_in',
        signerName: 'Matrice',
        // A 1 × 1 PNG.
        image:
          'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        versionHash: '0'.repeat(64),
      }),
  },
  'GET /api/v1/repair-orders/{id}/signatures/{signatureId}/image': {
    access: 'records',
    request: () => ({ params: { id: NOWHERE, signatureId: NOWHERE } }),
  },
  // No image sent: refused at its bytes (400), after the access check (403 for the wall).
  'POST /api/v1/repair-orders/{id}/photos': {
    access: 'records',
    allowedAnswer: 400,
    request: () => id,
  },
  'GET /api/v1/repair-orders/{id}/photos/{photoId}': {
    access: 'records',
    request: () => ({ params: { id: NOWHERE, photoId: NOWHERE } }),
  },
  'GET /api/v1/invoices': { access: 'records' },
  // A draft quote: 409 quote_not_accepted, past the access check.
  'POST /api/v1/invoices': {
    access: 'records',
    request: (fixtures) => ({ body: { quoteId: fixtures.quoteIds[0] } }),
  },
  'GET /api/v1/invoices/{id}': { access: 'records', request: () => id },
  'PATCH /api/v1/invoices/{id}': { access: 'records', request: () => versioned({ note: 'x' }) },
  'DELETE /api/v1/invoices/{id}': { access: 'records', request: () => id },
  'POST /api/v1/invoices/{id}/issue': { access: 'records', request: () => versioned() },
  'POST /api/v1/invoices/{id}/credit-note': {
    access: 'records',
    request: () => ({ ...id, body: {} }),
  },
  'GET /api/v1/invoices/{id}/cii.xml': { access: 'records', request: () => id },
  'GET /api/v1/payments': {
    access: 'records',
    request: () => ({ query: `clientId=${NOWHERE}` }),
  },
  // No such client: 404, past the access check.
  'POST /api/v1/payments': {
    access: 'records',
    request: () => ({
      body: { method: 'card', amountCents: 100, receivedOn: '2026-01-05', clientId: NOWHERE },
    }),
  },
  'POST /api/v1/payments/{id}/refund': {
    access: 'records',
    request: () => ({
      ...id,
      body: { method: 'card', amountCents: 100, receivedOn: '2026-01-05' },
    }),
  },
  'POST /api/v1/payments/{id}/allocate': {
    access: 'records',
    request: () => ({ ...id, body: { allocations: [{ invoiceId: NOWHERE, amountCents: 100 }] } }),
  },
  'GET /api/v1/payments/balance/invoice/{id}': { access: 'records', request: () => id },
  'GET /api/v1/payments/balance/client/{id}': { access: 'records', request: () => id },
  'GET /api/v1/till': { access: 'records' },
  // The first allowed caller opens the till (201), the next one finds it open (409).
  'POST /api/v1/till/open': {
    access: 'records',
    request: () => ({ body: { openingFloatCents: 0 } }),
  },
  'POST /api/v1/till/movements': {
    access: 'records',
    request: () => ({ body: { direction: 'in', amountCents: 100, reason: 'Matrice' } }),
  },
  'POST /api/v1/till/count': { access: 'records', request: () => ({ body: { countedCents: 0 } }) },
  'GET /api/v1/journal/verify': { access: 'admin' },
  'GET /api/v1/journal/key': { access: 'admin' },
  'GET /api/v1/closures': { access: 'records' },
  'GET /api/v1/exports/fec': {
    access: 'admin',
    request: () => ({ query: 'from=2026-01-01&to=2026-01-31' }),
  },
  // Nothing is closed: 409 period_not_closed, past the access check.
  'GET /api/v1/exports/archive': { access: 'admin', request: () => ({ query: 'period=2026-01' }) },
  'GET /api/v1/exports/b2c-summary': {
    access: 'admin',
    request: () => ({ query: 'from=2026-01-01&to=2026-01-31' }),
  },
  // A year not over: 409 closure_not_due, past the access check, and nothing closed.
  'POST /api/v1/closures': {
    access: 'admin',
    request: () => ({ body: { level: 'year', date: '2100-06-01' } }),
  },
  'GET /api/v1/workshop': { access: 'feed' },
  'GET /api/v1/alerts': { access: 'feed' },
  'POST /api/v1/alerts': {
    access: 'records',
    request: (fixtures) => ({
      body: {
        subjectType: 'vehicle',
        subjectId: fixtures.vehicleIds[0],
        title: 'Matrice',
        dueDate: '2027-02-01',
      },
    }),
  },
  'POST /api/v1/alerts/run': { access: 'admin' },
  'POST /api/v1/alerts/{id}/ack': { access: 'records', request: () => versioned() },
  'POST /api/v1/alerts/{id}/snooze': {
    access: 'records',
    request: () => versioned({ until: '2027-01-15' }),
  },
  'POST /api/v1/alerts/{id}/assign': {
    access: 'records',
    request: () => versioned({ assigneeId: null }),
  },
  'POST /api/v1/alerts/{id}/resolve': { access: 'records', request: () => versioned() },
  'GET /api/v1/alert-rules': { access: 'records' },
  'PUT /api/v1/alert-rules': {
    access: 'admin',
    request: () => ({
      body: {
        version: 0,
        openDaysBefore: 30,
        urgentDaysBefore: 7,
        serviceIntervalMonths: 12,
        serviceIntervalKm: 15_000,
        servicePolicy: 'restart',
        quoteFollowUpDays: 7,
        quoteExpiryWarningDays: 3,
        overdueUrgentDays: 30,
        declinedWorkReminderDays: 90,
        schedule: '0 6 * * *',
      },
    }),
  },
  'PATCH /api/v1/alert-rules': {
    access: 'admin',
    request: () => ({ body: { version: 0, openDaysBefore: 30 } }),
  },
  'GET /api/v1/dashboard': { access: 'feed' },
  'GET /api/v1/changes': { access: 'records', request: () => ({ query: 'after=0' }) },
  'GET /api/v1/feed': { access: 'feed', request: () => ({ query: 'after=0' }) },
};

const ALLOWED: Record<Exclude<Access, 'public'>, readonly Caller[]> = {
  session: ['display', 'staff', 'admin'],
  feed: ['display', 'staff', 'admin'],
  records: ['staff', 'admin'],
  admin: ['admin'],
};

type Verdict = 'allowed' | 401 | 403 | number;

function expectedVerdict(line: Line, caller: Caller): Verdict {
  if (line.access === 'public') return line.answers ?? 200;
  if (caller === 'anonymous' || caller === 'deactivated') return 401;
  return ALLOWED[line.access].includes(caller) ? 'allowed' : 403;
}

/** Allowed: past the access check, with a request the route's schema accepts. */
function verdictOf(status: number, expected: Verdict, line: Line): Verdict {
  if (expected !== 'allowed') return status;
  if (status === line.allowedAnswer) return 'allowed';
  return status < 500 && ![400, 401, 403].includes(status) ? 'allowed' : status;
}

function toPath(route: DocumentedRoute, request: Request): string {
  let path = route.path;
  for (const [name, value] of Object.entries(request.params ?? {})) {
    path = path.replace(`{${name}}`, value);
  }
  return request.query ? `${path}?${request.query}` : path;
}

describe.each(ENGINES)('the role × route matrix on %s', (engine) => {
  let server: TestServer;
  let routes: DocumentedRoute[];
  let sessions: Sessions;
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await startTestServer(engine);
    routes = (await readApiDocument(server)).routes;
    ({ sessions, fixtures } = await prepareCallers(server));
  });
  afterAll(() => server?.close());

  it('has a line for every route of the document, and the document every route of the app', () => {
    const documented = routes.map((route) => route.key).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(documented);
    const app = createApp(server.deps, createAuthState());
    const served = app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
      .filter((route) => route.path !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(documented);
  });

  it('answers each caller of each route as its line says', async () => {
    // Signing out ends the caller's session: last, so that every other route sees it.
    const LAST = [
      'POST /api/v1/auth/password',
      'POST /api/v1/auth/logout-everywhere',
      'POST /api/v1/auth/logout',
    ];
    const rank = (key: string) => LAST.indexOf(key);
    const ordered = [...routes].sort((a, b) => rank(a.key) - rank(b.key));
    const wrong: string[] = [];
    let requests = 0;
    for (const route of ordered) {
      const line = MATRIX[route.key];
      if (!line) continue;
      for (const caller of CALLERS) {
        const request = line.request?.(fixtures) ?? {};
        const reply = await send(server, sessions[caller], {
          method: route.method,
          path: toPath(route, request),
          ...(request.body === undefined
            ? {}
            : { body: JSON.stringify(request.body), contentType: 'application/json' }),
        });
        requests += 1;
        const expected = expectedVerdict(line, caller);
        const got = verdictOf(reply.status, expected, line);
        if (got !== expected) {
          wrong.push(
            `${route.key} as ${caller}: expected ${expected}, got ${reply.status} ${reply.text.slice(0, 160)}`,
          );
        }
      }
    }
    console.info(
      `access matrix (${engine}): ${routes.length} routes × ${CALLERS.length} callers, ${requests} requests, ${wrong.length} wrong`,
    );
    expect(wrong).toEqual([]);
  });
});
