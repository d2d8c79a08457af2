import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { issueOneJobInvoice, ONE_JOB_DUE_CENTS } from '../../test/invoices';
import { takePayment } from '../../test/payments';
import { connectSocket, waitForEvent } from '../../test/socket';

/** Tuesday 24 November 2026, 10:00 in Paris. */
const TODAY = '2026-11-24T09:00:00Z';

describe.each(ENGINES)('the dashboard’s money figures on %s', (engine) => {
  let server: TestServer;
  let clock = new Date('2026-11-01T09:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => clock });
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    const staff = await server.signIn('staff', 'Léa Comptoir');
    // On 1 November: one invoice due on the 9th (overdue today), one due on the 30th.
    const late = await issueOneJobInvoice(staff, { dueDate: '2026-11-09' });
    const paidOff = await issueOneJobInvoice(staff, { dueDate: '2026-11-30' });
    // Yesterday just before midnight in Paris (22:59 UTC): not today's takings.
    clock = new Date('2026-11-23T22:59:00Z');
    await takePayment(server.deps, staff, late, { amountCents: 1000, method: 'cash' });
    // Today: one more invoice issued, 50 € cash on the late one, the other paid in full by card.
    clock = new Date(TODAY);
    await issueOneJobInvoice(staff, { dueDate: '2026-12-24' });
    await takePayment(server.deps, staff, late, { amountCents: 5000, method: 'cash' });
    await takePayment(server.deps, staff, paidOff, { amountCents: ONE_JOB_DUE_CENTS });
  });
  afterAll(() => server?.close());

  const expected = {
    // The late one's 170,89 € less 60 € paid, and today's whole invoice.
    outstandingCents: ONE_JOB_DUE_CENTS - 6000 + ONE_JOB_DUE_CENTS,
    overdueCents: ONE_JOB_DUE_CENTS - 6000,
    collectedTodayCents: 5000 + ONE_JOB_DUE_CENTS,
    collectedTodayCashCents: 5000,
    invoicedTodayCents: ONE_JOB_DUE_CENTS,
  };

  it('gives counter staff and admins what is owed, overdue, collected and invoiced today', async () => {
    const staff = await server.signIn('staff', 'Paul Comptoir');
    expect((await expectStatus(200, staff.api.dashboard.$get())).money).toEqual(expected);
    const admin = await server.admin();
    expect((await expectStatus(200, admin.api.dashboard.$get())).money).toEqual(expected);
  });

  it('sends the wall screen no money, over HTTP or on its socket', async () => {
    const wall = await server.signIn('display');
    const snapshot = await expectStatus(200, wall.api.dashboard.$get());
    expect(snapshot.money).toBeNull();

    const staff = await server.signIn('staff', 'Inès Comptoir');
    const wallSocket = connectSocket(server.url, wall.cookie);
    const staffSocket = connectSocket(server.url, staff.cookie);
    try {
      await Promise.all([waitForEvent(wallSocket, 'hello'), waitForEvent(staffSocket, 'hello')]);
      await staffSocket.emitWithAck('dashboard:watch');
      const toWall = waitForEvent(wallSocket, 'dashboard', undefined, 10_000);
      const toStaff = waitForEvent(staffSocket, 'dashboard', undefined, 10_000);
      // An invoice issued: both screens get the new snapshot, each cut for its role.
      await issueOneJobInvoice(staff, { dueDate: '2026-12-24' });
      const [[forWall], [forStaff]] = await Promise.all([toWall, toStaff]);
      expect(forWall.money).toBeNull();
      expect(forStaff.money).toEqual({
        ...expected,
        outstandingCents: expected.outstandingCents + ONE_JOB_DUE_CENTS,
        invoicedTodayCents: expected.invoicedTodayCents + ONE_JOB_DUE_CENTS,
      });
    } finally {
      wallSocket.close();
      staffSocket.close();
    }
  });
});
