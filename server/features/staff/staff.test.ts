import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffCreate } from '../../../domain/schemas/staff';
import { expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('staff accounts on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  function account(overrides: Partial<StaffCreate> & Pick<StaffCreate, 'email'>): StaffCreate {
    return { name: 'Compte', role: 'staff', password: 'un-long-mot-de-passe', ...overrides };
  }

  it('lets the admin create accounts with each role, and refuses a taken e-mail', async () => {
    const admin = await server.admin();
    const email = `compta.${Date.now()}@garage.test`;
    for (const role of ['admin', 'staff', 'display'] as const) {
      const created = await expectStatus(
        201,
        admin.api.staff.$post({
          json: account({ email: `${role}.${email}`, name: `Compte ${role}`, role }),
        }),
      );
      expect(created).toMatchObject({ role, active: true, version: 1 });
      expect(created).not.toHaveProperty('passwordHash');
    }
    const taken = await expectError(
      'validation_failed',
      admin.api.staff.$post({ json: account({ email: `staff.${email}`, name: 'Doublon' }) }),
    );
    expect(issuePaths(taken)).toEqual(['email']);
  });

  it('keeps staff management to admins', async () => {
    const staff = await server.signIn('staff');
    await expectError('forbidden', staff.api.staff.$get());
    await expectError(
      'forbidden',
      staff.api.staff.$post({
        json: account({ email: 'pirate@garage.test', name: 'Pirate', role: 'admin' }),
      }),
    );
  });

  it('ends every session and socket of a deactivated account at once', async () => {
    const admin = await server.admin();
    const staff = await server.signIn('staff', 'Paul Martin');
    const { user } = await expectStatus(200, staff.api.auth.me.$get());
    const socket = connectSocket(server.url, staff.cookie);
    await waitForEvent(socket, 'connect');
    const disconnected = waitForEvent(socket, 'disconnect');

    const list = await expectStatus(200, admin.api.staff.$get());
    const member = list.items.find((item) => item.id === user.id)!;
    const deactivated = await expectStatus(
      200,
      admin.api.staff[':id'].$patch({
        param: { id: member.id },
        json: { version: member.version, active: false },
      }),
    );
    expect(deactivated.active).toBe(false);

    expect((await disconnected)[0]).toBe('io server disconnect');
    await expectError('unauthenticated', staff.api.auth.me.$get());
    await expectError(
      'unauthenticated',
      server.client().api.auth.login.$post({
        json: { email: user.email, password: 'motdepasse-test' },
      }),
    );
    const reconnect = connectSocket(server.url, staff.cookie);
    const [error] = await waitForEvent(reconnect, 'connect_error');
    expect(error.message).toBe('unauthenticated');
    socket.close();
    reconnect.close();
  });

  it('keeps at least one active admin, refusing the last one’s demotion with last_admin', async () => {
    const admin = await server.admin();
    const { user } = await expectStatus(200, admin.api.auth.me.$get());
    const list = await expectStatus(200, admin.api.staff.$get());
    const admins = list.items.filter((item) => item.role === 'admin' && item.active);
    // Deactivate every other admin first, so this one is the last.
    for (const other of admins.filter((item) => item.id !== user.id)) {
      await expectStatus(
        200,
        admin.api.staff[':id'].$patch({
          param: { id: other.id },
          json: { version: other.version, active: false },
        }),
      );
    }
    const self = admins.find((item) => item.id === user.id)!;
    for (const json of [
      { version: self.version, role: 'staff' as const },
      { version: self.version, active: false },
    ]) {
      const refused = await expectError(
        'last_admin',
        admin.api.staff[':id'].$patch({ param: { id: self.id }, json }),
      );
      expect(refused.message).toContain('administrateur');
    }
  });
});
