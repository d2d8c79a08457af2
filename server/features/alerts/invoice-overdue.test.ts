import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEuros } from '../../../domain/money';
import type { Alert } from '../../../domain/schemas/alert';
import type { Invoice } from '../../../domain/schemas/invoice';
import { type ApiClient, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { issueOneJobInvoice, ONE_JOB_DUE_CENTS } from '../../test/invoices';
import { takePayment } from '../../test/payments';
import { connectSocket, waitForChange, waitForEvent } from '../../test/socket';
import { runScheduledCheck } from './alerts.service';

/** Invoices are issued on Sunday 1 November 2026 and fall due on the 9th. */
const ISSUED = '2026-11-01T09:00:00Z';
const DUE = '2026-11-09';

describe.each(ENGINES)('overdue invoices in the alert check on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;
  let clock = new Date(ISSUED);
  const at = (iso: string) => {
    clock = new Date(iso);
  };

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => clock });
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    staff = await server.signIn('staff', 'Julie Comptoir');
  });
  afterAll(() => server?.close());

  /** Issued at `ISSUED`, due on `dueDate`. */
  function issuedInvoice(dueDate = DUE): Promise<Invoice> {
    at(ISSUED);
    return issueOneJobInvoice(staff, { dueDate });
  }

  async function alertsOf(invoice: Invoice, status: 'active' | 'resolved' = 'active') {
    const inbox = await expectStatus(
      200,
      staff.api.alerts.$get({ query: { kind: 'invoice_overdue', status } }),
    );
    return inbox.items.filter((alert: Alert) => alert.subject.id === invoice.id);
  }

  async function check() {
    const outcome = await runScheduledCheck(server.deps);
    if (!outcome.ran) throw new Error('the check did not run');
    return outcome.summary;
  }

  it('raises one alert per unpaid invoice past its due date, on the invoice, and none twice', async () => {
    const late = await issuedInvoice();
    const notYetDue = await issuedInvoice('2026-11-30');
    at('2026-11-24T09:00:00Z');
    await check();
    const [alert, ...others] = await alertsOf(late);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'invoice_overdue',
      severity: 'soon',
      status: 'open',
      dueDate: DUE,
      title: `Facture ${late.number} impayée : ${formatEuros(ONE_JOB_DUE_CENTS)} en retard de 15 jours`,
      subject: { type: 'invoice', id: late.id, label: `${late.number} — ${late.buyer.name}` },
      clientId: late.buyer.clientId,
    });
    expect(await alertsOf(notYetDue)).toEqual([]);

    await check();
    expect(await alertsOf(late)).toEqual([alert]);
  });

  it('turns urgent after 30 days late, and keeps its title up to date', async () => {
    const late = await issuedInvoice();
    at('2026-12-08T09:00:00Z'); // 29 days late
    await check();
    expect((await alertsOf(late))[0]).toMatchObject({ severity: 'soon' });
    at('2026-12-09T09:00:00Z');
    await check();
    const [alert] = await alertsOf(late);
    expect(alert).toMatchObject({ severity: 'urgent' });
    expect(alert?.title).toMatch(/en retard de 30 jours$/);
  });

  it('shows what is left after a part payment, and resolves the alert the moment it is paid', async () => {
    const late = await issuedInvoice();
    const due = ONE_JOB_DUE_CENTS;
    at('2026-11-24T09:00:00Z');
    await check();
    await takePayment(server.deps, staff, late, { amountCents: 5000, method: 'cash' });
    // Still owed: the payment resolves nothing, the next check rewrites the amount.
    expect(await alertsOf(late)).toHaveLength(1);
    await check();
    expect((await alertsOf(late))[0]?.title).toBe(
      `Facture ${late.number} impayée : ${formatEuros(due - 5000)} en retard de 15 jours`,
    );

    const socket = connectSocket(server.url, staff.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const resolved = waitForChange(
        socket,
        'alert',
        (change) => change.data.subject.id === late.id && change.data.status === 'resolved',
      );
      await takePayment(server.deps, staff, late, { amountCents: due - 5000 });
      await resolved;
    } finally {
      socket.close();
    }
    expect(await alertsOf(late)).toEqual([]);
    expect(await alertsOf(late, 'resolved')).toHaveLength(1);
    const summary = await check();
    expect(summary.created).toBe(0);
    expect(await alertsOf(late)).toEqual([]);
  });

  it('resolves the alert the moment a credit note for the whole amount is issued', async () => {
    const late = await issuedInvoice();
    at('2026-11-24T09:00:00Z');
    await check();
    expect(await alertsOf(late)).toHaveLength(1);
    const one = staff.api.invoices[':id'];
    const credit = await expectStatus(
      201,
      one['credit-note'].$post({ param: { id: late.id }, json: {} }),
    );
    await expectStatus(
      200,
      one.issue.$post({ param: { id: credit.id }, json: { version: credit.version } }),
    );
    expect(await alertsOf(late)).toEqual([]);
    expect(await alertsOf(late, 'resolved')).toHaveLength(1);
    expect((await check()).created).toBe(0);
  });
});
