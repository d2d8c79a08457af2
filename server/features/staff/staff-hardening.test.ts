import { format } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffCreate } from '../../../domain/schemas/staff';
import { createLogger } from '../../logger';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { ADMIN, startTestServer, type TestServer } from '../../test/harness';

const PASSWORD = 'motdepasse-test';
const ROUNDS = 6;

describe.each(ENGINES)('staff accounts under pressure on %s', (engine) => {
  let server: TestServer;
  let accounts = 0;

  beforeAll(async () => {
    // The real logger at its most talkative: what it prints is what this file checks.
    server = await startTestServer(engine, {}, { log: createLogger('debug') });
  });
  afterAll(() => server?.close());
  afterEach(() => vi.restoreAllMocks());

  function account(overrides: Partial<StaffCreate> = {}): StaffCreate {
    accounts += 1;
    return {
      email: `tension${accounts}.${engine}@garage.test`,
      name: `Tension ${accounts}`,
      role: 'staff',
      password: PASSWORD,
      ...overrides,
    };
  }

  it('refuses a password of ten spaces, or padded to ten, and the most common passwords', async () => {
    const admin = await server.admin();
    for (const password of [
      ' '.repeat(10),
      '  abcdefg  ',
      'azertyuiop',
      '1234567890',
      'Password123',
    ]) {
      const refused = await expectError(
        'validation_failed',
        admin.api.staff.$post({ json: account({ password }) }),
      );
      expect(issuePaths(refused)).toEqual(['password']);
    }
    await expectStatus(
      201,
      admin.api.staff.$post({ json: account({ password: ' un garage sûr ' }) }),
    );
  });

  it('never logs the parameters of a failing statement that carries a password hash', async () => {
    const admin = await server.admin();
    // A real failure on the staff table: a constraint the test adds refuses one e-mail.
    await server.database.db.execute(
      sql.raw(
        `ALTER TABLE staff ADD CONSTRAINT test_refused_email CHECK (email <> 'refusee.${engine}@garage.test') NOT VALID`,
      ),
    );
    const lines: string[] = [];
    for (const method of ['error', 'warn', 'info'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(format(...args));
      });
    }
    const secret = 'un-secret-bien-garde';
    await expectError(
      'internal',
      admin.api.staff.$post({
        json: account({ email: `refusee.${engine}@garage.test`, password: secret }),
      }),
    );
    const logged = lines.join('\n');
    expect(logged).toContain('failed');
    expect(logged).toContain('insert into "staff"');
    expect(logged).not.toContain('scrypt$');
    expect(logged).not.toContain(secret);
  });

  it('keeps one active admin when two admins deactivate each other at the same moment', async () => {
    let survivor: ApiClient = await server.admin();
    for (let round = 0; round < ROUNDS; round++) {
      const pair = [account({ role: 'admin' }), account({ role: 'admin' })];
      const members = await Promise.all(
        pair.map((input) => expectStatus(201, survivor.api.staff.$post({ json: input }))),
      );
      const clients = await Promise.all(
        pair.map(async ({ email }) => {
          const client = server.client();
          await expectStatus(
            200,
            client.api.auth.login.$post({ json: { email, password: PASSWORD } }),
          );
          return client;
        }),
      );
      // Every other admin steps aside first: the two new ones are the only active admins.
      const everyone = await expectStatus(200, clients[0]!.api.staff.$get());
      for (const other of everyone.items) {
        if (other.role !== 'admin' || !other.active) continue;
        if (members.some((member) => member.id === other.id)) continue;
        await expectStatus(
          200,
          clients[0]!.api.staff[':id'].$patch({
            param: { id: other.id },
            json: { version: other.version, active: false },
          }),
        );
      }
      const [first, second] = members as [(typeof members)[0], (typeof members)[0]];
      const outcomes = await Promise.all([
        clients[0]!.api.staff[':id'].$patch({
          param: { id: second.id },
          json: { version: second.version, active: false },
        }),
        clients[1]!.api.staff[':id'].$patch({
          param: { id: first.id },
          json: { version: first.version, active: false },
        }),
      ]);
      const statuses = outcomes.map((outcome) => outcome.status).sort();
      // One wins; the other is refused as the last admin (409), or finds its session ended (401).
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      survivor = clients[outcomes[0]!.status === 200 ? 0 : 1]!;
      const after = await expectStatus(200, survivor.api.staff.$get());
      expect(after.items.filter((item) => item.role === 'admin' && item.active)).toHaveLength(1);
    }
    // The harness's admin comes back, for whatever runs after.
    const { items } = await expectStatus(200, survivor.api.staff.$get());
    const root = items.find((item) => item.email === ADMIN.email)!;
    await expectStatus(
      200,
      survivor.api.staff[':id'].$patch({
        param: { id: root.id },
        json: { version: root.version, active: true },
      }),
    );
  });
});
