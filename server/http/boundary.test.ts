import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_BODY_MAX_BYTES } from '../../domain/schemas/bounds';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../test/api-client';
import { ENGINES } from '../test/databases';
import { buildClientInput, buildJobs, buildVehicleInput } from '../test/factories';
import { startTestServer, type TestServer } from '../test/harness';
import { sendChunkedBody, sendPartialBody } from '../test/raw-http';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

function forgeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

describe.each(ENGINES)('what the API accepts at its boundary, on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;
  let admin: ApiClient;
  let ids: { client: string; vehicle: string; quote: string; alert: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.admin();
    staff = await server.signIn('staff');
    const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const quote = await expectStatus(
      201,
      staff.api.quotes.$post({ json: { clientId: client.id, jobs: buildJobs(1) } }),
    );
    const alert = await expectStatus(
      201,
      staff.api.alerts.$post({
        json: {
          subjectType: 'vehicle',
          subjectId: vehicle.id,
          title: 'Rappel',
          dueDate: '2027-01-04',
        },
      }),
    );
    ids = { client: client.id, vehicle: vehicle.id, quote: quote.id, alert: alert.id };
  });
  afterAll(() => server?.close());

  describe('size and session', () => {
    it('refuses a body announced above the limit with 413 payload_too_large, before it arrives', async () => {
      const reply = await sendPartialBody(server.url, {
        method: 'POST',
        path: '/api/v1/clients',
        headers: { cookie: staff.cookie! },
        contentLength: 100 * 1024 * 1024,
        send: '{"kind":',
      });
      expect(reply?.status).toBe(413);
      expect(JSON.parse(reply!.body).error.code).toBe('payload_too_large');
      // The rest of the body is never read: the connection cannot carry another request.
      expect(reply!.headers.connection).toBe('close');
    });

    it('refuses a chunked body with 413 as soon as it passes the limit', async () => {
      const reply = await sendChunkedBody(server.url, {
        method: 'POST',
        path: '/api/v1/clients',
        headers: { cookie: staff.cookie! },
        chunks: 40,
        chunkSize: 64 * 1024,
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).error.code).toBe('payload_too_large');
    });

    it('takes a body up to the limit, and refuses one byte more', async () => {
      const json = JSON.stringify(buildClientInput());
      const padded = (bytes: number) =>
        `${json.slice(0, -1)}${' '.repeat(bytes - Buffer.byteLength(json))}}`;
      await expectStatus(
        201,
        staff.raw('POST', '/api/v1/clients', { body: padded(REQUEST_BODY_MAX_BYTES) }),
      );
      await expectError(
        'payload_too_large',
        staff.raw('POST', '/api/v1/clients', { body: padded(REQUEST_BODY_MAX_BYTES + 1) }),
      );
    });

    it('answers an anonymous write 401 without reading its body', async () => {
      const reply = await sendPartialBody(server.url, {
        method: 'POST',
        path: '/api/v1/clients',
        contentLength: 200_000,
        send: '{"kind":"person",',
      });
      expect(reply?.status).toBe(401);
      expect(JSON.parse(reply!.body).error.code).toBe('unauthenticated');
      expect(reply!.headers.connection).toBe('close');
    });

    it('answers an anonymous write with an invalid body 401, never with the schema', async () => {
      const refused = await expectError(
        'unauthenticated',
        server.client().raw('POST', '/api/v1/quotes', { body: { jobs: 'x' } }),
      );
      expect(refused.details).toBeUndefined();
    });

    it('still answers an unknown API path 404', async () => {
      await expectError('not_found', server.client().raw('POST', '/api/v1/nothing-here'));
    });
  });

  describe('content type', () => {
    const post = (headers: Record<string, string>, body = JSON.stringify(buildClientInput())) =>
      staff.raw('POST', '/api/v1/clients', { body, headers });

    it('refuses a body sent as text, as a form or without a Content-Type with 415 unsupported_media_type', async () => {
      await expectError('unsupported_media_type', post({ 'content-type': 'text/plain' }));
      await expectError(
        'unsupported_media_type',
        post({ 'content-type': 'application/x-www-form-urlencoded' }, 'kind=person'),
      );
      await expectError('unsupported_media_type', post({ 'content-type': '' }));
      await expectError(
        'unsupported_media_type',
        post({ 'content-type': 'application/json; charset=iso-8859-1' }),
      );
    });

    it('refuses a body on a route that takes none, when it is not JSON', async () => {
      await expectError(
        'unsupported_media_type',
        staff.raw('POST', `/api/v1/quotes/${ids.quote}/duplicate`, {
          body: 'hello',
          headers: { 'content-type': 'text/plain' },
        }),
      );
    });

    it('takes JSON with its charset', async () => {
      await expectStatus(201, post({ 'content-type': 'application/json; charset=utf-8' }));
    });
  });

  describe('text', () => {
    const invalidAt = async (request: ReturnType<ApiClient['raw']>, path: string) => {
      const refused = await expectError('validation_failed', request);
      expect(issuePaths(refused)).toContain(path);
    };

    it('refuses a NUL character in any text field with 400 at that field', async () => {
      await invalidAt(
        staff.raw('POST', '/api/v1/clients', { body: buildClientInput({ notes: `a${NUL}b` }) }),
        'notes',
      );
      await invalidAt(
        staff.raw('POST', '/api/v1/clients', {
          body: buildClientInput({
            address: { street: null, postalCode: null, city: `Ly${NUL}on`, country: 'FR' },
          }),
        }),
        'address.city',
      );
      const jobs = buildJobs(1);
      jobs[0]!.lines[0]!.description = `Vidange${NUL}`;
      await invalidAt(
        staff.raw('POST', '/api/v1/quotes', { body: { clientId: ids.client, jobs } }),
        'jobs.0.lines.0.description',
      );
      await invalidAt(
        staff.raw('POST', '/api/v1/vehicles', {
          body: buildVehicleInput(ids.client, { model: `Clio${NUL}` }),
        }),
        'model',
      );
      await invalidAt(
        staff.raw('POST', '/api/v1/alerts', {
          body: {
            subjectType: 'vehicle',
            subjectId: ids.vehicle,
            title: NUL,
            dueDate: '2027-01-04',
          },
        }),
        'title',
      );
      await invalidAt(
        admin.raw('POST', '/api/v1/staff', {
          body: {
            email: 'nul@garage.test',
            name: `A${NUL}`,
            role: 'staff',
            password: 'x'.repeat(12),
          },
        }),
        'name',
      );
    });

    it('refuses a NUL character in a search', async () => {
      for (const path of [
        '/api/v1/clients',
        '/api/v1/vehicles',
        '/api/v1/quotes',
        '/api/v1/search',
      ]) {
        await invalidAt(staff.raw('GET', `${path}?q=a%00b`), 'q');
      }
    });

    it('refuses a lone UTF-16 surrogate in text', async () => {
      await invalidAt(
        staff.raw('POST', '/api/v1/clients', {
          body: `{"kind":"person","lastName":"Dupont","notes":"a\\ud800b"}`,
        }),
        'notes',
      );
      await invalidAt(
        staff.raw('POST', '/api/v1/clients', {
          body: buildClientInput({ notes: `x${LONE_SURROGATE}` }),
        }),
        'notes',
      );
    });

    it('searches a query string that is not UTF-8 as typed', async () => {
      // Percent-decoding cannot make a lone surrogate: invalid UTF-8 is kept as written.
      const page = await expectStatus(200, staff.api.clients.$get({ query: { q: '%ED%A0%80' } }));
      expect(page.items).toEqual([]);
      await expectStatus(200, staff.raw('GET', '/api/v1/clients?q=%ED%A0%80'));
    });
  });

  describe('cursors and numbers', () => {
    it('refuses a forged pagination cursor with 400 at cursor', async () => {
      const uuid = '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f';
      for (const [list, cursor] of [
        ['quotes', forgeCursor('pas une date', uuid)],
        ['quotes', forgeCursor('0000-01-01T00:00:00.000Z', uuid)],
        ['clients', forgeCursor(`a${NUL}`, uuid)],
        ['vehicles', forgeCursor(LONE_SURROGATE, uuid)],
        ['clients', 'pas-du-base64!'],
        ['clients', forgeCursor('a', 'pas-un-uuid')],
      ] as const) {
        const refused = await expectError(
          'validation_failed',
          staff.raw('GET', `/api/v1/${list}?cursor=${encodeURIComponent(cursor)}`),
        );
        expect(issuePaths(refused)).toContain('cursor');
      }
    });

    it('refuses a version above 2³¹−1 with 400 at version', async () => {
      const version = 2 ** 31;
      const requests = [
        staff.raw('PATCH', `/api/v1/clients/${ids.client}`, { body: { version, notes: 'x' } }),
        staff.raw('PATCH', `/api/v1/vehicles/${ids.vehicle}`, { body: { version, notes: 'x' } }),
        staff.raw('PATCH', `/api/v1/quotes/${ids.quote}`, { body: { version } }),
        staff.raw('POST', `/api/v1/quotes/${ids.quote}/transition`, {
          body: { version, to: 'sent' },
        }),
        staff.raw('POST', `/api/v1/alerts/${ids.alert}/ack`, { body: { version } }),
        admin.raw('PATCH', '/api/v1/settings', { body: { version } }),
        admin.raw('PATCH', '/api/v1/alert-rules', { body: { version } }),
        admin.raw('PATCH', `/api/v1/staff/${ids.client}`, { body: { version } }),
      ];
      for (const request of requests) {
        const refused = await expectError('validation_failed', request);
        expect(issuePaths(refused)).toContain('version');
      }
    });

    it('refuses a revision or a seq past what the database counts', async () => {
      await expectError(
        'validation_failed',
        staff.raw('GET', `/api/v1/quotes/${ids.quote}/revisions/99999999999`),
      );
      await expectError('validation_failed', staff.raw('GET', '/api/v1/changes?after=1e30'));
    });
  });

  describe('dates', () => {
    it('refuses year 0000 in every date', async () => {
      const refusals = [
        [
          staff.raw('POST', '/api/v1/vehicles', {
            body: buildVehicleInput(ids.client, { firstRegistrationDate: '0000-01-01' }),
          }),
          'firstRegistrationDate',
        ],
        [
          staff.raw('POST', `/api/v1/vehicles/${ids.vehicle}/inspections`, {
            body: { date: '0000-01-01', result: 'pass' },
          }),
          'date',
        ],
        [
          staff.raw('POST', `/api/v1/vehicles/${ids.vehicle}/mileage`, {
            body: { date: '0000-02-29', km: 10 },
          }),
          'date',
        ],
        [
          staff.raw('PATCH', `/api/v1/quotes/${ids.quote}`, {
            body: { version: 1, validUntil: '0000-01-01' },
          }),
          'validUntil',
        ],
      ] as const;
      for (const [request, path] of refusals) {
        const refused = await expectError('validation_failed', request);
        expect(issuePaths(refused)).toContain(path);
      }
    });

    it('refuses an alert due, or snoozed until, 9999-12-31', async () => {
      const due = await expectError(
        'validation_failed',
        staff.raw('POST', '/api/v1/alerts', {
          body: {
            subjectType: 'vehicle',
            subjectId: ids.vehicle,
            title: 'x',
            dueDate: '9999-12-31',
          },
        }),
      );
      expect(issuePaths(due)).toEqual(['dueDate']);
      const snoozed = await expectError(
        'validation_failed',
        staff.raw('POST', `/api/v1/alerts/${ids.alert}/snooze`, {
          body: { version: 1, until: '9999-12-31' },
        }),
      );
      expect(issuePaths(snoozed)).toEqual(['until']);
    });
  });

  it('refuses an origin of the same host under another scheme', async () => {
    const host = new URL(server.url).host;
    const create = (origin: string) =>
      admin.raw('POST', '/api/v1/clients', { body: buildClientInput(), headers: { origin } });
    await expectError('forbidden', create(`https://${host}`));
    await expectError('forbidden', create(`ws://${host}`));
    await expectError('forbidden', create('null'));
    await expectStatus(201, create(`http://${host}`));
  });

  describe('headers', () => {
    it('marks every API answer Cache-Control: no-store, refusals included', async () => {
      const answers = [
        await server.client().raw('GET', '/api/health'),
        await staff.raw('GET', '/api/v1/clients'),
        await server.client().raw('GET', '/api/v1/auth/me'),
        await staff.raw('GET', '/api/v1/nothing-here'),
      ];
      for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    });

    it('sends a Permissions-Policy that turns off what the app never uses', async () => {
      const answer = await server.client().raw('GET', '/api/health');
      const policy = answer.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
        expect(policy).toContain(feature);
      }
    });
  });
});

describe('the Origin check behind PUBLIC_URL', () => {
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer('pglite', { PUBLIC_URL: 'https://garage.test' });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server?.close());

  it('takes only the public origin, scheme included', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://garage.test' },
      body: JSON.stringify({ email: 'admin@garage.test', password: 'motdepasse-admin' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const create = (origin: string) =>
      fetch(`${base}/api/v1/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie },
        body: JSON.stringify(buildClientInput()),
      });
    expect((await create('http://garage.test')).status).toBe(403);
    expect((await create('https://garage.test:8443')).status).toBe(403);
    expect((await create('https://garage.test')).status).toBe(201);
  });
});
