import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('staff accounts on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  it('lets the admin create accounts with each role, and refuses a taken e-mail', async () => {
    const admin = await server.admin();
    const email = `compta.${Date.now()}@garage.test`;
    for (const role of ['admin', 'staff', 'display'] as const) {
      const { body } = await admin.expect(201).post('/api/v1/staff', {
        email: `${role}.${email}`,
        name: `Compte ${role}`,
        role,
        password: 'un-long-mot-de-passe',
      });
      expect(body).toMatchObject({ role, active: true, version: 1 });
      expect(body).not.toHaveProperty('passwordHash');
    }
    const taken = await admin.post('/api/v1/staff', {
      email: `staff.${email}`,
      name: 'Doublon',
      role: 'staff',
      password: 'un-long-mot-de-passe',
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details[0].path).toEqual(['email']);
  });

  it('keeps staff management to admins', async () => {
    const staff = await server.signIn('staff');
    expect((await staff.get('/api/v1/staff')).status).toBe(403);
    const created = await staff.post('/api/v1/staff', {
      email: 'pirate@garage.test',
      name: 'Pirate',
      role: 'admin',
      password: 'un-long-mot-de-passe',
    });
    expect(created.status).toBe(403);
  });

  it('ends every session and socket of a deactivated account at once', async () => {
    const admin = await server.admin();
    const staff = await server.signIn('staff', 'Paul Martin');
    const { body: me } = await staff.get('/api/v1/auth/me');
    const socket = connectSocket(server.url, staff.cookieHeader);
    await waitForEvent(socket, 'connect');
    const disconnected = waitForEvent(socket, 'disconnect');

    const { body: list } = await admin.get('/api/v1/staff');
    const member = list.items.find((item: { id: string }) => item.id === me.user.id);
    const { body } = await admin
      .expect(200)
      .patch(`/api/v1/staff/${member.id}`, { version: member.version, active: false });
    expect(body.active).toBe(false);

    expect((await disconnected)[0]).toBe('io server disconnect');
    expect((await staff.get('/api/v1/auth/me')).status).toBe(401);
    const login = await server.client().post('/api/v1/auth/login', {
      email: me.user.email,
      password: 'motdepasse-test',
    });
    expect(login.status).toBe(401);
    const reconnect = connectSocket(server.url, staff.cookieHeader);
    const [error] = await waitForEvent(reconnect, 'connect_error');
    expect(error.message).toBe('unauthenticated');
    socket.close();
    reconnect.close();
  });

  it('keeps at least one active admin', async () => {
    const admin = await server.admin();
    const { body: me } = await admin.get('/api/v1/auth/me');
    const { body: list } = await admin.get('/api/v1/staff');
    const admins = list.items.filter(
      (item: { role: string; active: boolean }) => item.role === 'admin' && item.active,
    );
    // Deactivate every other admin first, so this one is the last.
    for (const other of admins.filter((item: { id: string }) => item.id !== me.user.id)) {
      await admin
        .expect(200)
        .patch(`/api/v1/staff/${other.id}`, { version: other.version, active: false });
    }
    const self = admins.find((item: { id: string }) => item.id === me.user.id);
    const refused = await admin.patch(`/api/v1/staff/${self.id}`, {
      version: self.version,
      role: 'staff',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('administrateur');
  });
});
