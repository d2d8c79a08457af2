import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectStatus } from '../../test/api-client';
import { issueCounterInvoice } from '../../test/counter-invoices';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { alterEntry, appendPaymentEntry, rewriteChainFrom } from '../../test/journal';

/**
 * What a superuser can do behind the application's back, triggers disabled, and what
 * GET /journal/verify then says. Each test tampers with a server of its own.
 */
describe.each(ENGINES)('a tampered journal on %s', (engine) => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => new Date('2026-11-24T09:00:00Z') });
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    const staff = await server.signIn('staff');
    const invoice = await issueCounterInvoice(staff);
    for (const amountCents of [5_000, 7_000, 9_000]) {
      await appendPaymentEntry(server.deps, {
        method: 'card',
        amountCents,
        invoice,
        receivedOn: '2026-11-24',
      });
    }
    await issueCounterInvoice(staff);
    const report = await expectStatus(200, admin.api.journal.verify.$get({ query: {} }));
    expect(report).toMatchObject({ ok: true, lastSeq: 5 });
  });
  afterAll(() => server?.close());

  const verify = () => expectStatus(200, admin.api.journal.verify.$get({ query: {} }));

  it('finds an entry altered in place (its hash no longer matches) at its seq, as altered', async () => {
    await alterEntry(server.deps.db, 3, (canonical) => canonical.replace('7000', '700'));
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ seq: 3, kind: 'altered' });
    expect(report.problem?.message).toContain('n° 3');
    await alterEntry(server.deps.db, 3, (canonical) =>
      canonical.replace('"amountCents":700,', '"amountCents":7000,'),
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('finds a chain rewritten with valid hashes but without the key at its first rewritten seq, as signature', async () => {
    await rewriteChainFrom(server.deps.db, 2, (canonical) => canonical.replace('5000', '500'));
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ seq: 2, kind: 'signature' });
  });
});
