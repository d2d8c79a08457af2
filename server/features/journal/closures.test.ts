import { afterEach, describe, expect, it } from 'vitest';
import type { Closure, ClosureTotals, JournalContent } from '../../../domain/schemas/journal';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { createTestClock } from '../../test/clock';
import { ENGINES } from '../../test/databases';
import { buildJobs, buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { draftCounterInvoice, issueCounterInvoice, requestIssue } from '../../test/invoicing';
import { appendPaymentEntry } from '../../test/journal';
import { connectSocket, waitForChange } from '../../test/socket';
import { readJournal } from './journal.service';

/** Jobs at 10 % (renovation work in a dwelling's garage: the reduced rate), for a second rate. */
function reducedRateJobs() {
  return buildJobs(1).map((job) => ({
    ...job,
    lines: job.lines.map((line) => ({ ...line, vatRateBp: 1000 as const })),
  }));
}

describe.each(ENGINES)('closures on %s', (engine) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A garage on 24/11/2026 at 10:00 in Paris, its settings complete. */
  async function open() {
    const clock = createTestClock('2026-11-24T09:00:00Z');
    server = await startTestServer(engine, {}, { now: clock.now });
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    const staff = await server.signIn('staff', 'Karim Comptoir');
    return { server, clock, admin, staff };
  }

  function close(admin: ApiClient, level: Closure['level'], date: string) {
    return admin.api.closures.$post({ json: { level, date } });
  }

  async function contentsOf(target: TestServer): Promise<JournalContent[]> {
    const contents: JournalContent[] = [];
    for await (const entry of readJournal(target.deps.db)) {
      contents.push(JSON.parse(entry.canonical).content);
    }
    return contents;
  }

  it('closes the day in the evening: that day then refuses a new invoice, the next day takes it, the journal still verifies', async () => {
    const { server, clock, admin, staff } = await open();
    await issueCounterInvoice(staff);
    clock.set('2026-11-24T18:30:00Z');
    const closure = await expectStatus(201, close(admin, 'day', '2026-11-24'));
    expect(closure).toMatchObject({
      level: 'day',
      periodStart: '2026-11-24',
      periodEnd: '2026-11-24',
      closedByName: expect.any(String),
    });
    expect(closure.totals.invoiceCount).toBe(1);

    const refused = await expectError(
      'period_closed',
      requestIssue(staff, await draftCounterInvoice(staff)),
    );
    expect(refused.details).toEqual({ closedThrough: '2026-11-24' });
    expect(refused.message).toContain('24/11/2026');

    clock.set('2026-11-25T08:00:00Z');
    const next = await issueCounterInvoice(staff);
    expect(next.issueDate).toBe('2026-11-25');
    const report = await expectStatus(200, admin.api.journal.verify.$get({ query: {} }));
    expect(report).toMatchObject({ ok: true, problem: null, lastSeq: 3 });
    expect((await contentsOf(server)).map((content) => content.kind)).toEqual([
      'invoice_issued',
      'closure',
      'invoice_issued',
    ]);
  });

  it('sums a day per VAT rate and per payment method exactly as its entries add up', async () => {
    const { server, clock, admin, staff } = await open();
    const first = await issueCounterInvoice(staff);
    await issueCounterInvoice(staff, { jobs: reducedRateJobs() });
    await issueCounterInvoice(staff, { business: true });
    const deps = server.deps;
    await appendPaymentEntry(deps, {
      method: 'card',
      amountCents: 17_089,
      invoice: first,
      receivedOn: '2026-11-24',
    });
    await appendPaymentEntry(deps, {
      method: 'cash',
      amountCents: 2_000,
      receivedOn: '2026-11-24',
    });
    await appendPaymentEntry(deps, { method: 'card', amountCents: -500, receivedOn: '2026-11-24' });
    clock.set('2026-11-24T19:00:00Z');
    const closure = await expectStatus(201, close(admin, 'day', '2026-11-24'));

    const contents = (await contentsOf(server)).filter((content) => content.kind !== 'closure');
    const expected: ClosureTotals = {
      entryCount: 6,
      invoiceCount: 3,
      creditNoteCount: 0,
      vat: [],
      totalExclVatCents: 0,
      totalVatCents: 0,
      totalInclVatCents: 0,
      depositsInclVatCents: 0,
      payments: [],
      paymentsTotalCents: 0,
      cashMovementsCents: 0,
    };
    const byRate = new Map<number, { baseCents: number; vatCents: number }>();
    const byMethod = new Map<string, number>();
    for (const content of contents) {
      if (content.kind === 'invoice_issued') {
        expected.totalExclVatCents += content.totalExclVatCents;
        expected.totalVatCents += content.totalVatCents;
        expected.totalInclVatCents += content.totalInclVatCents;
        for (const line of content.vat) {
          const sum = byRate.get(line.vatRateBp) ?? { baseCents: 0, vatCents: 0 };
          byRate.set(line.vatRateBp, {
            baseCents: sum.baseCents + line.baseCents,
            vatCents: sum.vatCents + line.vatCents,
          });
        }
      } else if (content.kind === 'payment' || content.kind === 'refund') {
        expected.paymentsTotalCents += content.amountCents;
        byMethod.set(content.method, (byMethod.get(content.method) ?? 0) + content.amountCents);
      }
    }
    expected.vat = [...byRate].map(([vatRateBp, sums]) => ({ vatRateBp, ...sums }));
    expected.payments = [...byMethod].map(([method, amountCents]) => ({
      method: method as 'card',
      amountCents,
    }));
    expect(closure.totals).toEqual({
      ...expected,
      vat: expect.arrayContaining(expected.vat),
      payments: expect.arrayContaining(expected.payments),
    });
    expect(closure.totals.vat.map((line) => line.vatRateBp)).toEqual([2000, 1000]);
    // Two 20 % invoices of 142,41 € HT (97,50 € of labour, 44,91 € of pads) and one at 10 %.
    expect(closure.totals.vat).toEqual([
      { vatRateBp: 2000, baseCents: 28_482, vatCents: 5_696 },
      { vatRateBp: 1000, baseCents: 14_241, vatCents: 1_424 },
    ]);
    expect(closure.totals.payments).toEqual([
      { method: 'card', amountCents: 16_589 },
      { method: 'cash', amountCents: 2_000 },
    ]);
    expect(closure.perpetual).toEqual({
      totalInclVatCents: expected.totalInclVatCents,
      absoluteInclVatCents: expected.totalInclVatCents,
      paymentsTotalCents: 18_589,
    });
    const listed = await expectStatus(200, staff.api.closures.$get({ query: {} }));
    expect(listed).toEqual([closure]);
  });

  it('carries the perpetual totals from day to day, skips a day without entries, and closes the month over its days', async () => {
    const { server, clock, admin, staff } = await open();
    const watcher = await connectSocket(server.url, staff.cookie);
    try {
      await issueCounterInvoice(staff);
      clock.set('2026-11-24T19:00:00Z');
      const monday = await expectStatus(201, close(admin, 'day', '2026-11-24'));
      // Nothing on the 25th: the 26th's closure covers it.
      clock.set('2026-11-26T09:00:00Z');
      await issueCounterInvoice(staff, { jobs: reducedRateJobs() });
      await appendPaymentEntry(server.deps, {
        method: 'cheque',
        amountCents: 10_000,
        receivedOn: '2026-11-26',
      });
      clock.set('2026-11-26T19:00:00Z');
      const announced = waitForChange(watcher, 'closure');
      const wednesday = await expectStatus(201, close(admin, 'day', '2026-11-26'));
      expect((await announced).data).toEqual(wednesday);
      expect(wednesday.totals.entryCount).toBe(2);
      expect(wednesday.perpetual).toEqual({
        totalInclVatCents: monday.perpetual.totalInclVatCents + wednesday.totals.totalInclVatCents,
        absoluteInclVatCents:
          monday.perpetual.absoluteInclVatCents + wednesday.totals.totalInclVatCents,
        paymentsTotalCents: 10_000,
      });
      await expectError('closure_exists', close(admin, 'day', '2026-11-25'));

      clock.set('2026-11-30T19:00:00Z');
      await issueCounterInvoice(staff);
      const month = await expectStatus(201, close(admin, 'month', '2026-11-15'));
      expect(month).toMatchObject({ periodStart: '2026-11-01', periodEnd: '2026-11-30' });
      expect(month.totals.invoiceCount).toBe(3);
      expect(month.totals.totalInclVatCents).toBe(
        2 * monday.totals.totalInclVatCents + wednesday.totals.totalInclVatCents,
      );
      expect(month.perpetual.totalInclVatCents).toBe(month.totals.totalInclVatCents);
      // Every day of the month is closed with it.
      await expectError('closure_exists', close(admin, 'day', '2026-11-30'));
      await expectError('period_closed', requestIssue(staff, await draftCounterInvoice(staff)));
      const months = await expectStatus(
        200,
        staff.api.closures.$get({ query: { level: 'month' } }),
      );
      expect(months).toEqual([month]);
      const all = await expectStatus(200, staff.api.closures.$get({ query: {} }));
      expect(all.map((closure) => closure.periodStart)).toEqual([
        '2026-11-01',
        '2026-11-26',
        '2026-11-24',
      ]);
      expect(await expectStatus(200, admin.api.journal.verify.$get({ query: {} }))).toMatchObject({
        ok: true,
      });
    } finally {
      watcher.disconnect();
    }
  });

  it('refuses a period not over, one closed already, a month after an open one, and anyone but an admin', async () => {
    const { server, clock, admin: first, staff } = await open();
    let admin = first;
    await expectError('closure_not_due', close(admin, 'day', '2026-11-25'));
    await expectError('closure_not_due', close(admin, 'month', '2026-11-24'));
    await expectError('closure_not_due', close(admin, 'year', '2026-01-01'));
    await expectError('forbidden', close(staff, 'day', '2026-11-24'));

    await issueCounterInvoice(staff);
    clock.set('2026-12-02T10:00:00Z');
    await issueCounterInvoice(staff);
    clock.set('2027-01-02T10:00:00Z');
    // A month later the sessions have expired.
    admin = await server.admin();
    const refused = await expectError('closure_out_of_order', close(admin, 'month', '2026-12-01'));
    expect(refused.details).toEqual({ level: 'month', periodStart: '2026-11-01' });
    expect(refused.message).toContain('novembre 2026');
    // A day closes whatever is open before it: the 1st of January takes both months' entries.
    const day = await expectStatus(201, close(admin, 'day', '2027-01-01'));
    expect(day.totals.invoiceCount).toBe(2);
    const again = await expectError('closure_exists', close(admin, 'day', '2026-12-31'));
    expect(again.details).toEqual({ closureId: day.id });
    const november = await expectStatus(201, close(admin, 'month', '2026-11-01'));
    expect(november.totals.invoiceCount).toBe(1);
    await expectError('closure_exists', close(admin, 'month', '2026-11-30'));
    const december = await expectStatus(201, close(admin, 'month', '2026-12-31'));
    expect(december.totals.invoiceCount).toBe(1);
    expect(december.perpetual.totalInclVatCents).toBe(day.perpetual.totalInclVatCents);
    await expectError('closure_not_due', close(admin, 'year', '2027-06-01'));
    const year = await expectStatus(201, close(admin, 'year', '2026-06-01'));
    expect(year).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(year.totals.invoiceCount).toBe(2);
    const bad = await admin.raw('POST', '/api/v1/closures', {
      body: { level: 'week', date: '2026-11-24' },
    });
    expect(bad.status).toBe(400);
  });
});
