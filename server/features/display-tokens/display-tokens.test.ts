import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../domain/schemas/change';
import { ENGINES } from '../../test/databases';
import { buildClientInput } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('display tokens for the wall screen on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  it('shows the secret once and stores only its hash', async () => {
    const admin = await server.admin();
    const { body: created } = await admin
      .expect(201)
      .post('/api/v1/display-tokens', { name: 'Atelier' });
    expect(created.token).toMatch(/^[\w-]{20,}$/);
    const { body: list } = await admin.expect(200).get('/api/v1/display-tokens');
    const listed = list.items.find((item: { id: string }) => item.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'Atelier',
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  it('keeps token management to admins', async () => {
    const staff = await server.signIn('staff');
    expect((await staff.post('/api/v1/display-tokens', { name: 'Pirate' })).status).toBe(403);
    expect((await staff.get('/api/v1/display-tokens')).status).toBe(403);
  });

  it('signs a screen in as display: the feed with labels only, every write refused', async () => {
    const admin = await server.admin();
    const { body: created } = await admin
      .expect(201)
      .post('/api/v1/display-tokens', { name: 'Mur' });
    const wall = server.client();
    const { body } = await wall.expect(200).post('/api/v1/auth/display', { token: created.token });
    expect(body.user).toMatchObject({ role: 'display', name: 'Mur' });

    const socket = connectSocket(server.url, wall.cookieHeader);
    await waitForEvent(socket, 'hello');
    const input = buildClientInput();
    const seen = waitForEvent(socket, 'change', (change: Change) => change.entity === 'client');
    await admin.expect(201).post('/api/v1/clients', input);
    const [change] = await seen;
    expect(change.data).toEqual({ label: `Mme Hélène ${input.lastName}` });
    expect(change.actor.name).toBe('Administrateur');

    expect((await wall.get('/api/v1/clients')).status).toBe(403);
    expect((await wall.post('/api/v1/clients', input)).status).toBe(403);
    expect((await wall.put('/api/v1/settings', {})).status).toBeGreaterThanOrEqual(400);
    expect((await wall.get('/api/v1/changes?after=0')).status).toBe(200);
    socket.close();
  });

  it('refuses a wrong token', async () => {
    const { status, body } = await server
      .client()
      .post('/api/v1/auth/display', { token: 'x'.repeat(32) });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  it('disconnects the screen at once when its token is revoked, and the token no longer signs in', async () => {
    const admin = await server.admin();
    const { body: created } = await admin
      .expect(201)
      .post('/api/v1/display-tokens', { name: 'Accueil' });
    const wall = server.client();
    await wall.expect(200).post('/api/v1/auth/display', { token: created.token });
    const socket = connectSocket(server.url, wall.cookieHeader);
    await waitForEvent(socket, 'hello');
    const dropped = waitForEvent(socket, 'disconnect');

    const { body: revoked } = await admin
      .expect(200)
      .delete(`/api/v1/display-tokens/${created.id}`);
    expect(revoked.revokedAt).not.toBeNull();
    expect((await dropped)[0]).toBe('io server disconnect');
    expect((await wall.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await server.client().post('/api/v1/auth/display', { token: created.token })).status,
    ).toBe(401);
    socket.close();
  });
});
