import { count, desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditAllocate, PaymentCreate } from '../../../domain/schemas/payment';
import { journalEntries, paymentAllocations } from '../../db/schema';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { createClient, issuedInvoice, QUOTE_INVOICE_CENTS } from '../../test/invoicing';
import { connectSocket, waitForChange, waitForEvent } from '../../test/socket';

const NOW = new Date('2026-11-24T09:00:00Z');
const TODAY = '2026-11-24';
let ticks = 0;
const now = () => new Date(NOW.getTime() + ticks++);

describe.each(ENGINES)('a customer’s credit put on a later invoice on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now });
    staff = await server.signIn('staff', 'Karim Atelier');
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(() => server?.close());

  const pay = (input: Omit<PaymentCreate, 'method' | 'receivedOn'>) =>
    expectStatus(
      201,
      staff.api.payments.$post({ json: { method: 'card', receivedOn: TODAY, ...input } }),
    );
  const allocate = (id: string, input: CreditAllocate) =>
    staff.api.payments[':id'].allocate.$post({ param: { id }, json: input });
  const balanceOf = async (id: string) =>
    (await expectStatus(200, staff.api.payments.balance.invoice[':id'].$get({ param: { id } })))
      .balanceCents;
  const creditOf = async (id: string) =>
    (await expectStatus(200, staff.api.payments.balance.client[':id'].$get({ param: { id } })))
      .creditCents;
  const written = async () => {
    const [entries] = await server.deps.db.select({ n: count() }).from(journalEntries);
    const [lines] = await server.deps.db.select({ n: count() }).from(paymentAllocations);
    return { entries: entries!.n, allocations: lines!.n };
  };

  /** A client who paid `paidCents` for an invoice of 170,89 €, and a second invoice of theirs. */
  async function overpaid(paidCents: number) {
    const client = await createClient(staff);
    const first = await issuedInvoice(staff, client.id);
    const payment = await pay({
      amountCents: paidCents,
      allocations: [{ invoiceId: first.id, amountCents: QUOTE_INVOICE_CENTS }],
    });
    const second = await issuedInvoice(staff, client.id);
    return { client, first, payment, second };
  }

  it('puts the credit on the later invoice: its balance and the credit drop, the journal says so and verifies', async () => {
    const { client, first, payment, second } = await overpaid(20_000);
    const creditCents = 20_000 - QUOTE_INVOICE_CENTS;
    expect(await creditOf(client.id)).toBe(creditCents);
    const watcher = connectSocket(server.url, staff.cookie);
    try {
      await waitForEvent(watcher, 'hello');
      const changed = waitForChange(watcher, 'payment', (change) => change.id === payment.id);
      const updated = await expectStatus(
        200,
        allocate(payment.id, {
          allocations: [{ invoiceId: second.id, amountCents: creditCents }],
        }),
      );
      expect(updated).toMatchObject({
        id: payment.id,
        amountCents: 20_000,
        unallocatedCents: 0,
        allocations: [
          { invoiceId: first.id, invoiceNumber: first.number, amountCents: QUOTE_INVOICE_CENTS },
          { invoiceId: second.id, invoiceNumber: second.number, amountCents: creditCents },
        ],
      });
      expect((await changed).data).toMatchObject({ id: payment.id, unallocatedCents: 0 });
    } finally {
      watcher.disconnect();
    }
    expect(await balanceOf(second.id)).toBe(QUOTE_INVOICE_CENTS - creditCents);
    expect(await creditOf(client.id)).toBe(0);
    // Read back later, the payment shows where its credit went, under the client and the invoice.
    const listed = await expectStatus(
      200,
      staff.api.payments.$get({ query: { clientId: client.id } }),
    );
    expect(listed).toMatchObject([{ id: payment.id, unallocatedCents: 0 }]);
    expect(listed[0]!.allocations).toHaveLength(2);
    const ofSecond = await expectStatus(
      200,
      staff.api.payments.$get({ query: { invoiceId: second.id } }),
    );
    expect(ofSecond.map((row) => row.id)).toEqual([payment.id]);

    expect(await expectStatus(200, admin.api.journal.verify.$get({ query: {} }))).toMatchObject({
      ok: true,
      problem: null,
    });
    const [last] = await server.deps.db
      .select()
      .from(journalEntries)
      .orderBy(desc(journalEntries.seq))
      .limit(1);
    expect(last?.kind).toBe('credit_allocated');
    expect(JSON.parse(last!.canonical).content).toEqual({
      kind: 'credit_allocated',
      paymentId: payment.id,
      clientId: client.id,
      isB2c: true,
      allocations: [{ invoiceId: second.id, number: second.number, amountCents: creditCents }],
    });
  });

  it('refuses more than the credit left, refunds counted, and writes nothing', async () => {
    const { client, payment, second } = await overpaid(20_000);
    await expectStatus(
      201,
      staff.api.payments[':id'].refund.$post({
        param: { id: payment.id },
        json: { method: 'card', amountCents: 1000, receivedOn: TODAY },
      }),
    );
    const creditCents = 20_000 - QUOTE_INVOICE_CENTS - 1000;
    const before = await written();
    const refused = await expectError(
      'allocation_exceeds_credit',
      allocate(payment.id, {
        allocations: [{ invoiceId: second.id, amountCents: creditCents + 1 }],
      }),
    );
    expect(refused.details).toEqual({ unallocatedCents: creditCents });
    expect(refused.message).toContain('19,11');
    expect(await written()).toEqual(before);
    expect(await balanceOf(second.id)).toBe(QUOTE_INVOICE_CENTS);
    await expectStatus(
      200,
      allocate(payment.id, { allocations: [{ invoiceId: second.id, amountCents: creditCents }] }),
    );
    const third = await issuedInvoice(staff, client.id);
    const spent = await expectError(
      'allocation_exceeds_credit',
      allocate(payment.id, { allocations: [{ invoiceId: third.id, amountCents: 1 }] }),
    );
    expect(spent.message).toBe('Ce paiement n’a plus de crédit à affecter.');
  });

  it('refuses more than an invoice’s balance with payment_exceeds_balance', async () => {
    const { payment, second } = await overpaid(50_000);
    const before = await written();
    const refused = await expectError(
      'payment_exceeds_balance',
      allocate(payment.id, {
        allocations: [{ invoiceId: second.id, amountCents: QUOTE_INVOICE_CENTS + 1 }],
      }),
    );
    expect(refused.details).toEqual({ invoiceId: second.id, balanceCents: QUOTE_INVOICE_CENTS });
    expect(await written()).toEqual(before);
    // Exactly its balance pays it off: it leaves the client's open invoices.
    await expectStatus(
      200,
      allocate(payment.id, {
        allocations: [{ invoiceId: second.id, amountCents: QUOTE_INVOICE_CENTS }],
      }),
    );
    const account = await expectStatus(
      200,
      staff.api.payments.balance.client[':id'].$get({ param: { id: payment.clientId! } }),
    );
    expect(account).toMatchObject({
      invoices: [],
      balanceDueCents: 0,
      creditCents: 50_000 - 2 * QUOTE_INVOICE_CENTS,
    });
  });

  it('lets only one of two counters spend the same credit at once', async () => {
    const { client, payment, second } = await overpaid(20_000);
    const third = await issuedInvoice(staff, client.id);
    const creditCents = 20_000 - QUOTE_INVOICE_CENTS;
    const replies = await Promise.all(
      [second, third].map((invoice) =>
        allocate(payment.id, {
          allocations: [{ invoiceId: invoice.id, amountCents: creditCents }],
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    expect(await creditOf(client.id)).toBe(0);
    expect((await balanceOf(second.id)) + (await balanceOf(third.id))).toBe(
      2 * QUOTE_INVOICE_CENTS - creditCents,
    );
  });

  it('refuses another client’s invoice, an invoice the payment already settles, and a refund', async () => {
    const { payment, first } = await overpaid(20_000);
    const stranger = await issuedInvoice(staff);
    const before = await written();
    const other = await expectError(
      'validation_failed',
      allocate(payment.id, { allocations: [{ invoiceId: stranger.id, amountCents: 100 }] }),
    );
    expect(other.message).toBe('Le crédit d’un client ne règle que ses propres factures.');
    const again = await expectError(
      'validation_failed',
      allocate(payment.id, { allocations: [{ invoiceId: first.id, amountCents: 100 }] }),
    );
    expect(again.details).toMatchObject([{ path: ['allocations', '0', 'invoiceId'] }]);
    const back = await expectStatus(
      201,
      staff.api.payments[':id'].refund.$post({
        param: { id: payment.id },
        json: { method: 'card', amountCents: 100, receivedOn: TODAY },
      }),
    );
    await expectError(
      'validation_failed',
      allocate(back.id, { allocations: [{ invoiceId: stranger.id, amountCents: 1 }] }),
    );
    const refunds = 1;
    expect(await written()).toEqual({ ...before, entries: before.entries + refunds });
  });

  // Last: it closes today for the rest of this file's server.
  it('refuses once today is closed, with period_closed', async () => {
    const { payment, second } = await overpaid(20_000);
    await expectStatus(201, admin.api.closures.$post({ json: { level: 'day', date: TODAY } }));
    const before = await written();
    const refused = await expectError(
      'period_closed',
      allocate(payment.id, { allocations: [{ invoiceId: second.id, amountCents: 100 }] }),
    );
    expect(refused.details).toEqual({ closedThrough: TODAY });
    expect(await written()).toEqual(before);
  });
});
