import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUpdate } from '../../../domain/schemas/staff';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, type TestSocket, waitForEvent } from '../../test/socket';

const PASSWORD = 'motdepasse-test';
const ROUNDS = 8;

type Revocation = Omit<StaffUpdate, 'version'>;
/** What ends an account's sessions: each one races a login in turn. */
const REVOCATIONS: Array<[string, Revocation]> = [
  ['deactivation', { active: false }],
  ['password reset', { password: 'un-autre-mot-de-passe' }],
  ['role change', { role: 'display' }],
];

/** Resolves once the socket is connected (true) or refused (false); the test's timeout bounds it. */
function settle(socket: TestSocket): Promise<boolean> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
}

/** The socket ends disconnected: refused at the handshake, or dropped by the server. */
async function expectNoLiveSocket(socket: TestSocket): Promise<void> {
  const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  if (await settle(socket)) await disconnected;
  expect(socket.connected).toBe(false);
  socket.close();
}

describe.each(ENGINES)('sessions against revocation on %s', (engine) => {
  let server: TestServer;
  let accounts = 0;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  async function createAccount(admin: ApiClient) {
    accounts += 1;
    const email = `course${accounts}.${engine}@garage.test`;
    const member = await expectStatus(
      201,
      admin.api.staff.$post({
        json: { email, name: `Course ${accounts}`, role: 'staff', password: PASSWORD },
      }),
    );
    return { email, member };
  }

  async function signIn(email: string, password = PASSWORD): Promise<ApiClient> {
    const client = server.client();
    await expectStatus(200, client.api.auth.login.$post({ json: { email, password } }));
    return client;
  }

  it.each(REVOCATIONS)(
    'leaves no working session to a login racing a %s',
    async (_, revocation) => {
      const admin = await server.admin();
      let signedIn = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const { email, member } = await createAccount(admin);
        const login = server.client();
        const [response] = await Promise.all([
          login.api.auth.login.$post({ json: { email, password: PASSWORD } }),
          expectStatus(
            200,
            admin.api.staff[':id'].$patch({
              param: { id: member.id },
              json: { version: member.version, ...revocation },
            }),
          ),
        ]);
        if (response.status !== 200) {
          expect(response.status).toBe(401);
          continue;
        }
        signedIn += 1;
        const { user } = await response.json();
        // A login that read the account after a role change is a new session, in the new role
        // (a deactivated account or an old password never sign in after the change).
        if (revocation.role && user.role === revocation.role) {
          const { user: me } = await expectStatus(200, login.api.auth.me.$get());
          expect(me.role).toBe(revocation.role);
          continue;
        }
        // Its credentials were read before the revocation committed: nothing it got still works.
        const cookie = login.cookie!;
        await expectError('unauthenticated', login.api.auth.me.$get());
        await expectNoLiveSocket(connectSocket(server.url, cookie));
      }
      // How many logins answered 200 (for the report; the race decides, not the test).
      console.info(`${engine}: ${signedIn}/${ROUNDS} logins racing a revocation answered 200`);
    },
  );

  it('leaves no live socket to a handshake racing the deactivation of its account', async () => {
    const admin = await server.admin();
    for (let round = 0; round < ROUNDS; round++) {
      const { email, member } = await createAccount(admin);
      const staff = await signIn(email);
      const socket = connectSocket(server.url, staff.cookie);
      await Promise.all([
        expectNoLiveSocket(socket),
        expectStatus(
          200,
          admin.api.staff[':id'].$patch({
            param: { id: member.id },
            json: { version: member.version, active: false },
          }),
        ),
      ]);
    }
  });

  it('logs out everywhere: every session and socket of the account ends, other accounts keep theirs', async () => {
    const admin = await server.admin();
    const { email } = await createAccount(admin);
    const here = await signIn(email);
    const there = await signIn(email);
    const other = await server.signIn('staff');
    const sockets = [here, there, other].map((client) => connectSocket(server.url, client.cookie));
    await Promise.all(sockets.map((socket) => waitForEvent(socket, 'connect')));
    const ended = sockets.slice(0, 2).map((socket) => waitForEvent(socket, 'disconnect'));

    await expectStatus(204, here.api.auth['logout-everywhere'].$post());
    expect(here.cookie).toBeNull();
    await Promise.all(ended);
    const thereCookie = there.cookie!;
    await expectError('unauthenticated', there.api.auth.me.$get());
    await expectNoLiveSocket(connectSocket(server.url, thereCookie));
    await expectStatus(200, other.api.auth.me.$get());
    expect(sockets[2]!.connected).toBe(true);
    for (const socket of sockets) socket.close();
    await signIn(email);
  });

  it('lets a user change their own password with the current one, ending their other sessions', async () => {
    const admin = await server.admin();
    const { email } = await createAccount(admin);
    const here = await signIn(email);
    const there = await signIn(email);
    const change = (currentPassword: string, newPassword: string) =>
      here.api.auth.password.$post({ json: { currentPassword, newPassword } });

    const wrong = await expectError(
      'validation_failed',
      change('pas-le-bon-mot-de-passe', 'un-nouveau-mot-de-passe'),
    );
    expect(issuePaths(wrong)).toEqual(['currentPassword']);
    const common = await expectError('validation_failed', change(PASSWORD, 'azertyuiop'));
    expect(issuePaths(common)).toEqual(['newPassword']);

    const { user } = await expectStatus(200, change(PASSWORD, 'un-nouveau-mot-de-passe'));
    expect(user.email).toBe(email);
    await expectStatus(200, here.api.auth.me.$get());
    await expectError('unauthenticated', there.api.auth.me.$get());
    await expectError(
      'unauthenticated',
      server.client().api.auth.login.$post({ json: { email, password: PASSWORD } }),
    );
    await signIn(email, 'un-nouveau-mot-de-passe');
  });

  it('keeps the wall screen out of the password and log-out-everywhere routes', async () => {
    const display = await server.signIn('display');
    await expectError(
      'forbidden',
      display.api.auth.password.$post({
        json: { currentPassword: PASSWORD, newPassword: 'un-nouveau-mot-de-passe' },
      }),
    );
    await expectError('forbidden', display.api.auth['logout-everywhere'].$post());
  });
});
