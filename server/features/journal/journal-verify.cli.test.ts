import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectStatus } from '../../test/api-client';
import { issueCounterInvoice } from '../../test/counter-invoices';
import { createTestDatabase } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { alterEntry, appendPaymentEntry } from '../../test/journal';

/** `npm run journal:verify`, spawned as an operator runs it, against a PostgreSQL database. */
function runVerifier(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join('node_modules', '.bin', 'tsx'),
      ['scripts/journal-verify.ts', ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the journal:verify command', () => {
  const key = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
  const folder = mkdtempSync(join(tmpdir(), 'gp-journal-verify-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: TestServer;
  let admin: ApiClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, JOURNAL_SIGNING_KEY: key, LOG_LEVEL: 'silent' };
    let now = new Date('2026-11-24T09:00:00Z').getTime();
    server = await startTestServer('postgres', env, { now: () => new Date(now++) });
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    const staff = await server.signIn('staff');
    const invoice = await issueCounterInvoice(staff);
    await appendPaymentEntry(server.deps, {
      method: 'cash',
      amountCents: 4_200,
      invoice,
      receivedOn: '2026-11-24',
    });
    await issueCounterInvoice(staff);
    await expectStatus(
      201,
      admin.api.closures.$post({ json: { level: 'day', date: '2026-11-24' } }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('says OK of an intact journal and of its archive, and rejects the archive with one byte changed', async () => {
    const intact = await runVerifier([], env);
    expect(intact.stdout).toContain('OK');
    expect(intact.stdout).toMatch(/entries checked:\s+4/);
    expect(intact.code).toBe(0);

    const response = await admin.api.exports.archive.$get({ query: { period: '2026-11-24' } });
    const text = await response.text();
    const file = join(folder, 'journal-2026-11-24.json');
    writeFileSync(file, text);
    const { publicKey } = await expectStatus(200, admin.api.journal.key.$get());
    const archive = await runVerifier(['--archive', file, '--public-key', publicKey], env);
    expect(archive.stdout).toContain('OK');
    expect(archive.code).toBe(0);

    const at = text.indexOf('"amountCents":4200') + '"amountCents":'.length;
    const changed = join(folder, 'journal-2026-11-24-changed.json');
    writeFileSync(changed, `${text.slice(0, at)}5${text.slice(at + 1)}`);
    expect(readFileSync(changed, 'utf8')).toHaveLength(text.length);
    const rejected = await runVerifier(['--archive', changed], env);
    expect(rejected.stdout).toContain('TAMPERED');
    expect(rejected.stdout).toContain('archive_signature');
    expect(rejected.code).toBe(1);
  }, 120_000);

  it('finds an entry a superuser altered with the triggers disabled, by its seq, and exits 1', async () => {
    await alterEntry(server.deps.db, 2, (canonical) => canonical.replace('4200', '420'));
    const tampered = await runVerifier([], env);
    console.info(`journal:verify on an altered copy:\n${tampered.stdout}`);
    expect(tampered.stdout).toContain('écriture n° 2 (altered)');
    expect(tampered.code).toBe(1);
    const missing = await runVerifier(['--archive', join(folder, 'nowhere.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('could not verify');
  }, 120_000);
});
