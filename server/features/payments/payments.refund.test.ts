import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentCreate, RefundCreate } from '../../../domain/schemas/payment';
import { journalEntries, payments } from '../../db/schema';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import {
  acceptedQuote,
  createClient,
  issuedDeposit,
  issuedInvoice,
  QUOTE_INVOICE_CENTS,
} from '../../test/invoicing';
import { connectSocket, recordEvents, waitForChange, waitForEvent } from '../../test/socket';

const NOW = new Date('2026-11-24T09:00:00Z');
const TODAY = '2026-11-24';
let ticks = 0;
const now = () => new Date(NOW.getTime() + ticks++);

describe.each(ENGINES)('refunds, the journal and the live payments on %s', (engine) => {
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

  const card = { method: 'card' as const, receivedOn: TODAY };
  const pay = (input: PaymentCreate) =>
    expectStatus(201, staff.api.payments.$post({ json: input }));
  const refund = (id: string, input: RefundCreate) =>
    staff.api.payments[':id'].refund.$post({ param: { id }, json: input });
  const balanceOf = async (id: string) =>
    (await expectStatus(200, staff.api.payments.balance.invoice[':id'].$get({ param: { id } })))
      .balanceCents;

  it('refunds with a new negative payment that gives the balance back, never beyond the payment', async () => {
    const invoice = await issuedInvoice(staff);
    const payment = await pay({
      ...card,
      amountCents: QUOTE_INVOICE_CENTS,
      allocations: [{ invoiceId: invoice.id, amountCents: QUOTE_INVOICE_CENTS }],
    });
    const back = await expectStatus(
      201,
      refund(payment.id, { ...card, amountCents: 5000, note: 'Geste commercial' }),
    );
    expect(back).toMatchObject({
      kind: 'refund',
      method: 'card',
      amountCents: -5000,
      refundsPaymentId: payment.id,
      clientId: payment.clientId,
      allocations: [{ invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: -5000 }],
      unallocatedCents: 0,
      note: 'Geste commercial',
    });
    expect(back.journalSeq).toBe(payment.journalSeq + 1);
    const [entry] = await server.deps.db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.seq, back.journalSeq));
    expect(entry?.kind).toBe('refund');
    expect(JSON.parse(entry!.canonical).content).toMatchObject({
      kind: 'refund',
      paymentId: back.id,
      amountCents: -5000,
      refundsPaymentId: payment.id,
      allocations: [{ invoiceId: invoice.id, amountCents: -5000 }],
    });
    expect(await balanceOf(invoice.id)).toBe(5000);
    const listed = await expectStatus(
      200,
      staff.api.payments.$get({ query: { invoiceId: invoice.id } }),
    );
    expect(listed.map((line) => line.id)).toEqual([back.id, payment.id]);
    const beyond = await expectError(
      'refund_exceeds_payment',
      refund(payment.id, { ...card, amountCents: QUOTE_INVOICE_CENTS }),
    );
    expect(beyond.details).toEqual({ refundableCents: QUOTE_INVOICE_CENTS - 5000 });
    // The refunded payment itself is untouched: still its amount and its allocation.
    expect(listed[1]).toEqual(payment);
    await expectError('validation_failed', refund(back.id, { ...card, amountCents: 100 }));
  });

  it('refunds an overpayment from the credit first, the invoice staying settled', async () => {
    const invoice = await issuedInvoice(staff);
    const payment = await pay({
      ...card,
      amountCents: 20_000,
      allocations: [{ invoiceId: invoice.id, amountCents: QUOTE_INVOICE_CENTS }],
    });
    const excess = 20_000 - QUOTE_INVOICE_CENTS;
    const back = await expectStatus(201, refund(payment.id, { ...card, amountCents: excess }));
    expect(back).toMatchObject({ allocations: [], unallocatedCents: -excess });
    expect(await balanceOf(invoice.id)).toBe(0);
    const client = await expectStatus(
      200,
      staff.api.payments.balance.client[':id'].$get({ param: { id: invoice.buyer.clientId! } }),
    );
    expect(client.creditCents).toBe(0);
    // What is left comes off the invoices, the latest first.
    const rest = await expectStatus(201, refund(payment.id, { ...card, amountCents: 1000 }));
    expect(rest.allocations).toEqual([
      { invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: -1000 },
    ]);
  });

  it('refunds from the latest invoice of a payment first', async () => {
    const client = await createClient(staff);
    const quote = await acceptedQuote(staff, client.id);
    const first = await issuedDeposit(staff, quote.id, 6000);
    const second = await issuedDeposit(staff, quote.id, 3600);
    const payment = await pay({
      ...card,
      amountCents: 9600,
      allocations: [
        { invoiceId: first.id, amountCents: 6000 },
        { invoiceId: second.id, amountCents: 3600 },
      ],
    });
    const back = await expectStatus(201, refund(payment.id, { ...card, amountCents: 5000 }));
    expect(back.allocations.map((line) => [line.invoiceId, line.amountCents])).toEqual([
      [first.id, -1400],
      [second.id, -3600],
    ]);
  });

  it('keeps one unbroken chain through 50 payments taken at once', async () => {
    const quote = await acceptedQuote(staff, (await createClient(staff)).id);
    const big = await issuedDeposit(staff, quote.id, 120_000);
    const before = await expectStatus(200, admin.api.journal.verify.$get({ query: {} }));
    const taken = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        pay({
          ...card,
          amountCents: 1000 + i,
          reference: `Ticket ${i}`,
          allocations: [{ invoiceId: big.id, amountCents: 1000 + i }],
        }),
      ),
    );
    const report = await expectStatus(200, admin.api.journal.verify.$get({ query: {} }));
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.entryCount).toBe(before.entryCount + 50);
    const seqs = (
      await server.deps.db
        .select({ seq: journalEntries.seq })
        .from(journalEntries)
        .orderBy(asc(journalEntries.seq))
    ).map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: report.entryCount }, (_, i) => i + 1));
    expect(new Set(taken.map((payment) => payment.journalSeq)).size).toBe(50);
    const paid = 50 * 1000 + (49 * 50) / 2;
    expect(await balanceOf(big.id)).toBe(120_000 - paid);
  });

  it('has the database refuse to change or remove a payment, an allocation or an entry', async () => {
    const invoice = await issuedInvoice(staff);
    await pay({
      ...card,
      amountCents: 100,
      allocations: [{ invoiceId: invoice.id, amountCents: 100 }],
    });
    const [before] = await server.deps.db.select({ n: count() }).from(payments);
    const attempts = [
      sql`UPDATE payments SET amount_cents = 1`,
      sql`DELETE FROM payments`,
      sql`UPDATE payment_allocations SET amount_cents = 1`,
      sql`DELETE FROM payment_allocations`,
      sql`UPDATE journal_entries SET canonical = '{}'`,
      sql`DELETE FROM journal_entries`,
    ];
    for (const statement of attempts) {
      // Drizzle wraps the database's error: its own message is the cause's.
      const error = await server.deps.db.execute(statement).then(
        () => null,
        (failure: Error) => failure,
      );
      expect(String((error?.cause as Error | undefined)?.message)).toMatch(/append-only/);
    }
    const [after] = await server.deps.db.select({ n: count() }).from(payments);
    expect(after).toEqual(before);
    expect((await expectStatus(200, admin.api.journal.verify.$get({ query: {} }))).ok).toBe(true);
  });

  it('sends the payment to the counter’s sockets with its invoice, and the wall only its seq', async () => {
    const token = await expectStatus(
      201,
      admin.api['display-tokens'].$post({ json: { name: 'Accueil' } }),
    );
    const wall = server.client();
    await expectStatus(200, wall.api.auth.display.$post({ json: { token: token.token } }));
    const socket = connectSocket(server.url, staff.cookie);
    const screen = connectSocket(server.url, wall.cookie);
    try {
      await Promise.all([waitForEvent(socket, 'hello'), waitForEvent(screen, 'hello')]);
      const invoice = await issuedInvoice(staff);
      const feed = recordEvents(screen, 'feed');
      const seen = waitForChange(socket, 'payment');
      const skipped = waitForEvent(screen, 'skip', (skip) => skip.entity === 'payment');
      const payment = await pay({
        ...card,
        amountCents: 2500,
        allocations: [{ invoiceId: invoice.id, amountCents: 2500 }],
      });
      const change = await seen;
      expect(change).toMatchObject({ action: 'created', id: payment.id, data: payment });
      // The invoice's page finds itself in the allocations and refreshes its balance.
      expect(change.data.allocations.map((line) => line.invoiceId)).toEqual([invoice.id]);
      const [skip] = await skipped;
      expect(skip).toEqual({ seq: change.seq, entity: 'payment' });
      expect(feed.filter(([entry]) => entry.entity === 'payment')).toEqual([]);
    } finally {
      socket.disconnect();
      screen.disconnect();
    }
  });
});
