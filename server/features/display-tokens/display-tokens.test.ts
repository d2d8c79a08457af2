import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, recordEvents, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('display tokens for the wall screen on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  function createToken(admin: ApiClient, name: string) {
    return expectStatus(201, admin.api['display-tokens'].$post({ json: { name } }));
  }

  it('shows the secret once and stores only its hash', async () => {
    const admin = await server.admin();
    const created = await createToken(admin, 'Atelier');
    expect(created.token).toMatch(/^[\w-]{20,}$/);
    const list = await expectStatus(200, admin.api['display-tokens'].$get());
    const listed = list.items.find((item) => item.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'Atelier',
      mode: 'dashboard',
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  it('keeps token management to admins', async () => {
    const staff = await server.signIn('staff');
    await expectError('forbidden', staff.api['display-tokens'].$post({ json: { name: 'Pirate' } }));
    await expectError('forbidden', staff.api['display-tokens'].$get());
    await expectError(
      'forbidden',
      staff.api['display-tokens'][':id'].$patch({
        param: { id: crypto.randomUUID() },
        json: { mode: 'workshop' },
      }),
    );
  });

  it('signs a screen in as display: the feed with labels only, every write refused', async () => {
    const admin = await server.admin();
    const created = await createToken(admin, 'Mur');
    const wall = server.client();
    const { user } = await expectStatus(
      200,
      wall.api.auth.display.$post({ json: { token: created.token } }),
    );
    expect(user).toMatchObject({ role: 'display', name: 'Mur' });

    const socket = connectSocket(server.url, wall.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const changes = recordEvents(socket, 'change');
      const input = buildClientInput();
      const seen = waitForEvent(socket, 'feed', (entry) => entry.entity === 'client');
      await expectStatus(201, admin.api.clients.$post({ json: input }));
      const [entry] = await seen;
      expect(entry).toMatchObject({
        action: 'created',
        label: `Mme Hélène ${input.lastName}`,
        actor: { name: 'Administrateur' },
      });
      expect(entry).not.toHaveProperty('data');
      // Sent before its entry, a change to the wall would have arrived by now.
      expect(changes).toEqual([]);
    } finally {
      socket.close();
    }

    await expectError('forbidden', wall.api.clients.$get({ query: {} }));
    await expectError('forbidden', wall.api.clients.$post({ json: buildClientInput() }));
    await expectError(
      'forbidden',
      wall.api.settings.$put({ json: { ...buildSettings(), version: 0 } }),
    );
    await expectError('forbidden', wall.api.changes.$get({ query: { after: 0 } }));
    const feed = await expectStatus(200, wall.api.feed.$get({ query: { after: 0 } }));
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it('refuses a wrong token', async () => {
    await expectError(
      'unauthenticated',
      server.client().api.auth.display.$post({ json: { token: 'x'.repeat(32) } }),
    );
  });

  it('disconnects the screen at once when its token is revoked, and the token no longer signs in', async () => {
    const admin = await server.admin();
    const created = await createToken(admin, 'Accueil');
    const wall = server.client();
    await expectStatus(200, wall.api.auth.display.$post({ json: { token: created.token } }));
    const socket = connectSocket(server.url, wall.cookie);
    await waitForEvent(socket, 'hello');
    const dropped = waitForEvent(socket, 'disconnect');

    const revoked = await expectStatus(
      200,
      admin.api['display-tokens'][':id'].$delete({ param: { id: created.id } }),
    );
    expect(revoked.revokedAt).not.toBeNull();
    expect((await dropped)[0]).toBe('io server disconnect');
    await expectError('unauthenticated', wall.api.auth.me.$get());
    await expectError(
      'unauthenticated',
      server.client().api.auth.display.$post({ json: { token: created.token } }),
    );
    socket.close();
  });
});
