import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/databases';
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
    const { status, body, headers } = await admin.post('/api/v1/auth/login', {
      email: ADMIN.email.toUpperCase(),
      password: ADMIN.password,
    });
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const cookie = headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gp_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await admin.expect(200).get('/api/v1/auth/me');
    expect(me.body.user.email).toBe(ADMIN.email);
    expect(server.setupUrl).toBeNull();
  });

  it('refuses a wrong password with 401 and the same message as an unknown account', async () => {
    const wrong = await server.client().post('/api/v1/auth/login', {
      email: ADMIN.email,
      password: 'pas-le-bon-mot-de-passe',
    });
    const unknown = await server.client().post('/api/v1/auth/login', {
      email: 'personne@garage.test',
      password: 'pas-le-bon-mot-de-passe',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('rate-limits failed logins per account with 429 and Retry-After, even for the right password', async () => {
    const staff = await server.signIn('staff');
    const { body: me } = await staff.get('/api/v1/auth/me');
    const attempt = (password: string) =>
      server.client().post('/api/v1/auth/login', { email: me.user.email, password });
    for (let i = 0; i < 5; i++) expect((await attempt('mauvais-mot-de-passe')).status).toBe(401);
    const limited = await attempt('motdepasse-test');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('ends the session on logout: the cookie no longer opens the API or the socket', async () => {
    const staff = await server.signIn('staff');
    const cookie = staff.cookieHeader;
    const socket = connectSocket(server.url, cookie);
    await waitForEvent(socket, 'connect');
    const disconnected = waitForEvent(socket, 'disconnect');
    await staff.expect(204).post('/api/v1/auth/logout');
    await disconnected;
    const replay = await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: cookie! } });
    expect(replay.status).toBe(401);
    socket.close();
  });

  it('refuses a state-changing request from another origin', async () => {
    const admin = await server.admin();
    const foreign = await admin.post('/api/v1/clients', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    const crossSite = await admin.post('/api/v1/clients', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await admin.post('/api/v1/clients', {}, { origin: server.url });
    expect(sameOrigin.status).toBe(400);
  });

  it('sends secure headers', async () => {
    const { headers } = await server.client().get('/api/health');
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
    const token = new URL(server.setupUrl!).searchParams.get('token');
    const owner = server.client();
    const forged = await owner.post('/api/v1/auth/setup', {
      token: 'faux',
      email: 'patron@garage.test',
      name: 'Le patron',
      password: 'un-long-mot-de-passe',
    });
    expect(forged.status).toBe(403);
    const { body } = await owner.expect(200).post('/api/v1/auth/setup', {
      token,
      email: 'patron@garage.test',
      name: 'Le patron',
      password: 'un-long-mot-de-passe',
    });
    expect(body.user).toMatchObject({ email: 'patron@garage.test', role: 'admin' });
    expect((await owner.get('/api/v1/staff')).status).toBe(200);
    const again = await server.client().post('/api/v1/auth/setup', {
      token,
      email: 'autre@garage.test',
      name: 'Autre',
      password: 'un-long-mot-de-passe',
    });
    expect(again.status).toBe(403);
  });
});
