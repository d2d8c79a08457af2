import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildClientInput } from '../../test/factories';
import { ADMIN, startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('authentication on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  it('creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD at first start', async () => {
    const admin = server.client();
    const response = await admin.api.auth.login.$post({
      json: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gp_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await expectStatus(200, admin.api.auth.me.$get());
    expect(me.user.email).toBe(ADMIN.email);
    expect(server.setupUrl).toBeNull();
  });

  it('refuses a wrong password with 401 and the same message as an unknown account', async () => {
    const wrong = await expectError(
      'unauthenticated',
      server.client().api.auth.login.$post({
        json: { email: ADMIN.email, password: 'pas-le-bon-mot-de-passe' },
      }),
    );
    const unknown = await expectError(
      'unauthenticated',
      server.client().api.auth.login.$post({
        json: { email: 'personne@garage.test', password: 'pas-le-bon-mot-de-passe' },
      }),
    );
    expect(wrong.message).toBe(unknown.message);
  });

  it('rate-limits failed logins per account with 429 and Retry-After, even for the right password', async () => {
    const staff = await server.signIn('staff');
    const { user } = await expectStatus(200, staff.api.auth.me.$get());
    const attempt = (password: string) =>
      server.client().api.auth.login.$post({ json: { email: user.email, password } });
    for (let i = 0; i < 5; i++)
      await expectError('unauthenticated', attempt('mauvais-mot-de-passe'));
    const limited = await expectError('rate_limited', attempt('motdepasse-test'));
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBe(limited.details.retryAfterSeconds);
  });

  it('counts the socket’s address, not a forged X-Forwarded-For, without TRUST_PROXY', async () => {
    const staff = await server.signIn('staff');
    const { user } = await expectStatus(200, staff.api.auth.me.$get());
    const attempt = (forwardedFor: string) =>
      server
        .client()
        .api.auth.login.$post(
          { json: { email: user.email, password: 'mauvais-mot-de-passe' } },
          { headers: { 'x-forwarded-for': forwardedFor } },
        );
    for (let i = 1; i <= 5; i++) await expectError('unauthenticated', attempt(`192.0.2.${i}`));
    await expectError('rate_limited', attempt('192.0.2.6'));
  });

  it('ends the session on logout: the cookie no longer opens the API or the socket', async () => {
    const staff = await server.signIn('staff');
    const cookie = staff.cookie;
    const socket = connectSocket(server.url, cookie);
    await waitForEvent(socket, 'connect');
    const disconnected = waitForEvent(socket, 'disconnect');
    await expectStatus(204, staff.api.auth.logout.$post());
    expect(staff.cookie).toBeNull();
    await disconnected;
    const replay = server.client();
    await expectError(
      'unauthenticated',
      replay.api.auth.me.$get(undefined, { headers: { cookie: cookie! } }),
    );
    socket.close();
  });

  it('refuses a state-changing request from another origin', async () => {
    const admin = await server.admin();
    const create = (headers: Record<string, string>) =>
      admin.api.clients.$post({ json: buildClientInput() }, { headers });
    const foreign = await expectError('forbidden', create({ origin: 'https://evil.example' }));
    expect(foreign.message).toContain('origine');
    await expectError('forbidden', create({ 'sec-fetch-site': 'cross-site' }));
    await expectStatus(201, create({ origin: server.url }));
  });

  it('sends secure headers', async () => {
    const { headers } = await server.client().app.api.health.$get();
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('first start without ADMIN_EMAIL', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite', { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
  });
  afterAll(() => server?.close());

  it('prints a one-time setup link that creates the admin and signs them in, once', async () => {
    expect(server.setupUrl).toMatch(/\/setup\?token=/);
    const token = new URL(server.setupUrl!).searchParams.get('token')!;
    const owner = server.client();
    const setUp = (client: typeof owner, json: { token: string; email: string; name: string }) =>
      client.api.auth.setup.$post({ json: { ...json, password: 'un-long-mot-de-passe' } });
    await expectError(
      'forbidden',
      setUp(owner, { token: 'faux', email: 'patron@garage.test', name: 'Le patron' }),
    );
    const { user } = await expectStatus(
      200,
      setUp(owner, { token, email: 'patron@garage.test', name: 'Le patron' }),
    );
    expect(user).toMatchObject({ email: 'patron@garage.test', role: 'admin' });
    await expectStatus(200, owner.api.staff.$get());
    await expectError(
      'forbidden',
      setUp(server.client(), { token, email: 'autre@garage.test', name: 'Autre' }),
    );
  });
});
