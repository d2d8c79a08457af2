import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';

const MINUTE = 60_000;
const PASSWORD = 'motdepasse-test';

/**
 * The sign-in limits of docs/decisions/0013-login-limits-and-sessions.md, behind one reverse
 * proxy (TRUST_PROXY=on): each test speaks from addresses of its own (TEST-NET ranges, only ever
 * written into a header) and on accounts of its own, on a clock the test moves.
 */
describe.each(ENGINES)('sign-in limits on %s', (engine) => {
  let server: TestServer;
  let admin: ApiClient;
  let clock = new Date('2026-12-01T08:00:00.000Z');
  let accounts = 0;

  beforeAll(async () => {
    server = await startTestServer(engine, { TRUST_PROXY: 'on' }, { now: () => clock });
    // One admin session for the whole file: sign-ins in flight count too, parallel ones included.
    admin = await server.admin();
  });
  afterAll(() => server?.close());

  function advance(ms: number): void {
    clock = new Date(clock.getTime() + ms);
  }

  async function createAccount(): Promise<string> {
    accounts += 1;
    const email = `limite${accounts}.${engine}@garage.test`;
    await expectStatus(
      201,
      admin.api.staff.$post({
        json: { email, name: `Limite ${accounts}`, role: 'staff', password: PASSWORD },
      }),
    );
    return email;
  }

  function attempt(email: string, password: string, address: string) {
    return server
      .client()
      .api.auth.login.$post(
        { json: { email, password } },
        { headers: { 'x-forwarded-for': address } },
      );
  }

  async function statuses(requests: Array<Promise<{ status: number }>>) {
    const counts: Record<number, number> = {};
    for (const { status } of await Promise.all(requests))
      counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }

  it('checks five passwords, no more, of 200 simultaneous wrong logins to one account from one address', async () => {
    const email = await createAccount();
    const counts = await statuses(
      Array.from({ length: 200 }, () => attempt(email, 'mauvais-mot-de-passe', '198.51.100.1')),
    );
    expect(counts).toEqual({ 401: 5, 429: 195 });
    const refused = await expectError('rate_limited', attempt(email, PASSWORD, '198.51.100.1'));
    expect(refused.details.retryAfterSeconds).toBe(15 * 60);
  });

  it('lets the real user sign in from another address while one address is locked out of the account', async () => {
    const email = await createAccount();
    for (let i = 0; i < 5; i++)
      await expectError('unauthenticated', attempt(email, 'mauvais-mot-de-passe', '198.51.100.2'));
    await expectError('rate_limited', attempt(email, PASSWORD, '198.51.100.2'));
    await expectStatus(200, attempt(email, PASSWORD, '198.51.100.3'));
  });

  it('refuses a 31st wrong password from one address within 15 minutes, whatever the accounts, then lets it try again', async () => {
    const emails = await Promise.all(Array.from({ length: 8 }, () => createAccount()));
    const counts = await statuses(
      emails.flatMap((email) =>
        Array.from({ length: 4 }, () => attempt(email, 'mauvais-mot-de-passe', '198.51.100.4')),
      ),
    );
    expect(counts).toEqual({ 401: 30, 429: 2 });
    await expectError('rate_limited', attempt(emails[0]!, PASSWORD, '198.51.100.4'));
    advance(15 * MINUTE);
    await expectStatus(200, attempt(emails[0]!, PASSWORD, '198.51.100.4'));
  });

  it('caps an account at 100 wrong passwords an hour from all addresses, sparing the addresses it signed in from', async () => {
    const email = await createAccount();
    await expectStatus(200, attempt(email, PASSWORD, '203.0.113.200'));
    // 21 addresses, 5 guesses each: within every address's own limits, over the account's.
    const counts = await statuses(
      Array.from({ length: 105 }, (_, i) =>
        attempt(email, 'mauvais-mot-de-passe', `203.0.113.${Math.floor(i / 5) + 1}`),
      ),
    );
    expect(counts).toEqual({ 401: 100, 429: 5 });
    await expectError('rate_limited', attempt(email, PASSWORD, '203.0.113.100'));
    await expectStatus(200, attempt(email, PASSWORD, '203.0.113.200'));
    advance(60 * MINUTE);
    await expectStatus(200, attempt(email, PASSWORD, '203.0.113.100'));
  });

  it('ends a session 30 days after its last use, and 90 days after sign-in however often it is used', async () => {
    const email = await createAccount();
    const idle = server.client();
    await expectStatus(200, idle.api.auth.login.$post({ json: { email, password: PASSWORD } }));
    const busy = server.client();
    await expectStatus(200, busy.api.auth.login.$post({ json: { email, password: PASSWORD } }));
    advance(29 * 24 * 60 * MINUTE);
    await expectStatus(200, busy.api.auth.me.$get());
    advance(2 * 24 * 60 * MINUTE);
    await expectError('unauthenticated', idle.api.auth.me.$get());
    for (let day = 31; day < 89; day += 29) {
      await expectStatus(200, busy.api.auth.me.$get());
      advance(29 * 24 * 60 * MINUTE);
    }
    // Day 89: still within the 90 days; day 90: over, although used every 29 days.
    await expectStatus(200, busy.api.auth.me.$get());
    advance(24 * 60 * MINUTE);
    await expectError('unauthenticated', busy.api.auth.me.$get());
    admin = await server.admin();
  });
});
