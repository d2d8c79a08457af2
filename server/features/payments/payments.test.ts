import { count, desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaymentCreate, PaymentSchema } from '../../../domain/schemas/payment';
import { journalClosures, journalEntries, payments } from '../../db/schema';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import {
  acceptedQuote,
  createClient,
  draftInvoice,
  issuedCreditNote,
  issuedDeposit,
  issuedInvoice,
  QUOTE_INVOICE_CENTS,
} from '../../test/invoicing';

/**
 * From 2026-11-24 10:00 in Paris, a millisecond more at each reading; `daysLater` moves the
 * clock on for a test that needs a due date passed.
 */
const NOW = new Date('2026-11-24T09:00:00Z');
const TODAY = '2026-11-24';
let ticks = 0;
let daysLater = 0;
const now = () => new Date(NOW.getTime() + daysLater * 86_400_000 + ticks++);

describe.each(ENGINES)('payments API on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now });
    staff = await server.signIn('staff', 'Karim Atelier');
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(() => server?.close());

  const pay = (input: PaymentCreate) => staff.api.payments.$post({ json: input });
  const card = { method: 'card' as const, receivedOn: TODAY };
  const invoiceBalance = (id: string) =>
    expectStatus(200, staff.api.payments.balance.invoice[':id'].$get({ param: { id } }));
  const clientBalance = (id: string) =>
    expectStatus(200, staff.api.payments.balance.client[':id'].$get({ param: { id } }));

  async function countRows() {
    const [paid] = await server.deps.db.select({ n: count() }).from(payments);
    const [entries] = await server.deps.db.select({ n: count() }).from(journalEntries);
    return { payments: paid!.n, entries: entries!.n };
  }

  it('leaves the rest due after a partial payment, with its one journal entry', async () => {
    const invoice = await issuedInvoice(staff);
    const payment = await expectStatus(
      201,
      pay({
        ...card,
        amountCents: 5000,
        reference: 'TPE 0042',
        allocations: [{ invoiceId: invoice.id, amountCents: 5000 }],
      }),
    );
    expect(PaymentSchema.parse(payment)).toEqual(payment);
    expect(payment).toMatchObject({
      kind: 'payment',
      amountCents: 5000,
      clientId: invoice.buyer.clientId,
      clientName: invoice.buyer.name,
      allocations: [{ invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: 5000 }],
      unallocatedCents: 0,
      refundsPaymentId: null,
      tillSessionId: null,
      createdByName: 'Karim Atelier',
    });
    expect(await invoiceBalance(invoice.id)).toEqual({
      invoiceId: invoice.id,
      number: invoice.number,
      issueDate: TODAY,
      dueDate: '2026-12-24',
      duePayableCents: QUOTE_INVOICE_CENTS,
      creditedCents: 0,
      paidCents: 5000,
      balanceCents: QUOTE_INVOICE_CENTS - 5000,
      isOverdue: false,
    });
    const [entry] = await server.deps.db
      .select()
      .from(journalEntries)
      .orderBy(desc(journalEntries.seq))
      .limit(1);
    expect(entry).toMatchObject({ seq: payment.journalSeq, kind: 'payment' });
    expect(JSON.parse(entry!.canonical).content).toMatchObject({
      kind: 'payment',
      paymentId: payment.id,
      amountCents: 5000,
      isB2c: true,
      allocations: [{ invoiceId: invoice.id, number: invoice.number, amountCents: 5000 }],
    });
    const listed = await expectStatus(
      200,
      staff.api.payments.$get({ query: { invoiceId: invoice.id } }),
    );
    expect(listed).toEqual([payment]);
  });

  it('settles two invoices of one client with one payment', async () => {
    const client = await createClient(staff);
    const first = await issuedInvoice(staff, client.id);
    const second = await issuedInvoice(staff, client.id);
    const payment = await expectStatus(
      201,
      pay({
        ...card,
        amountCents: QUOTE_INVOICE_CENTS + 10_000,
        allocations: [
          { invoiceId: first.id, amountCents: QUOTE_INVOICE_CENTS },
          { invoiceId: second.id, amountCents: 10_000 },
        ],
      }),
    );
    expect(payment.allocations.map((line) => [line.invoiceNumber, line.amountCents])).toEqual([
      [first.number, QUOTE_INVOICE_CENTS],
      [second.number, 10_000],
    ]);
    expect((await invoiceBalance(first.id)).balanceCents).toBe(0);
    const balance = await clientBalance(client.id);
    expect(balance).toMatchObject({
      clientId: client.id,
      balanceDueCents: QUOTE_INVOICE_CENTS - 10_000,
      overdueCents: 0,
      creditCents: 0,
    });
    // Settled, the first one is no longer open.
    expect(balance.invoices.map((line) => line.invoiceId)).toEqual([second.id]);
    const listed = await expectStatus(
      200,
      staff.api.payments.$get({ query: { clientId: client.id } }),
    );
    expect(listed.map((line) => line.id)).toEqual([payment.id]);
  });

  it('keeps what is paid beyond the invoices as the client’s credit', async () => {
    const invoice = await issuedInvoice(staff);
    const clientId = invoice.buyer.clientId!;
    const payment = await expectStatus(
      201,
      pay({
        ...card,
        method: 'transfer',
        amountCents: 20_000,
        allocations: [{ invoiceId: invoice.id, amountCents: QUOTE_INVOICE_CENTS }],
      }),
    );
    expect(payment.unallocatedCents).toBe(20_000 - QUOTE_INVOICE_CENTS);
    // A deposit of credit, on no invoice, is the client's too.
    await expectStatus(201, pay({ ...card, method: 'cheque', amountCents: 1000, clientId }));
    expect(await clientBalance(clientId)).toEqual({
      clientId,
      invoices: [],
      balanceDueCents: 0,
      overdueCents: 0,
      creditCents: 20_000 - QUOTE_INVOICE_CENTS + 1000,
    });
  });

  it('refuses an allocation beyond the balance and writes nothing', async () => {
    const invoice = await issuedInvoice(staff);
    await expectStatus(
      201,
      pay({
        ...card,
        amountCents: 10_000,
        allocations: [{ invoiceId: invoice.id, amountCents: 10_000 }],
      }),
    );
    const before = await countRows();
    const refused = await expectError(
      'payment_exceeds_balance',
      pay({
        ...card,
        amountCents: 10_000,
        allocations: [{ invoiceId: invoice.id, amountCents: 10_000 }],
      }),
    );
    expect(refused.details).toEqual({
      invoiceId: invoice.id,
      balanceCents: QUOTE_INVOICE_CENTS - 10_000,
    });
    expect(refused.message).toBe(`Il reste 70,89\u00a0€ à régler sur ${invoice.number}.`);
    expect(await countRows()).toEqual(before);
  });

  it('refuses to take a payment on a draft, or on the invoices of two clients', async () => {
    const client = await createClient(staff);
    const draft = await draftInvoice(staff, client.id);
    await expectError(
      'invoice_not_issued',
      pay({
        ...card,
        amountCents: 1000,
        allocations: [{ invoiceId: draft.id, amountCents: 1000 }],
      }),
    );
    const mine = await issuedInvoice(staff, client.id);
    const theirs = await issuedInvoice(staff);
    const mixed = await expectError(
      'validation_failed',
      pay({
        ...card,
        amountCents: 2000,
        allocations: [
          { invoiceId: mine.id, amountCents: 1000 },
          { invoiceId: theirs.id, amountCents: 1000 },
        ],
      }),
    );
    expect(issuePaths(mixed)).toEqual(['allocations.1.invoiceId']);
    const future = await expectError(
      'validation_failed',
      pay({ ...card, receivedOn: '2026-11-25', amountCents: 1000, clientId: client.id }),
    );
    expect(issuePaths(future)).toEqual(['receivedOn']);
    const listed = await expectStatus(
      200,
      staff.api.payments.$get({ query: { clientId: client.id } }),
    );
    expect(listed).toEqual([]);
  });

  it('takes the issued credit notes off the balance, and says when it is overdue', async () => {
    const client = await createClient(staff);
    const quote = await acceptedQuote(staff, client.id);
    const deposit = await issuedDeposit(staff, quote.id, 6000, { dueDate: TODAY });
    const invoice = await issuedInvoice(staff, client.id);
    const note = await issuedCreditNote(staff, invoice);
    expect(await invoiceBalance(invoice.id)).toMatchObject({
      creditedCents: QUOTE_INVOICE_CENTS,
      balanceCents: 0,
    });
    await expectError(
      'payment_exceeds_balance',
      pay({
        ...card,
        amountCents: 100,
        allocations: [{ invoiceId: invoice.id, amountCents: 100 }],
      }),
    );
    await expectError(
      'validation_failed',
      staff.api.payments.balance.invoice[':id'].$get({ param: { id: note.id } }),
    );
    expect((await clientBalance(client.id)).overdueCents).toBe(0);
    // Due today: overdue tomorrow (Paris), while the credited invoice owes nothing.
    daysLater = 1;
    try {
      const late = await clientBalance(client.id);
      expect(late.invoices.map((line) => [line.invoiceId, line.isOverdue])).toEqual([
        [deposit.id, true],
      ]);
      expect(late).toMatchObject({ balanceDueCents: 6000, overdueCents: 6000 });
    } finally {
      daysLater = 0;
    }
  });

  it('refuses a payment dated in a closed period, and takes one of the day after', async () => {
    const client = await createClient(staff);
    // Closures are the journal feature's; one is written here as it would leave it.
    await server.deps.db.insert(journalClosures).values({
      level: 'day',
      periodStart: '2026-11-20',
      periodEnd: '2026-11-20',
      firstSeq: null,
      lastSeq: null,
      totals: {
        entryCount: 0,
        invoiceCount: 0,
        creditNoteCount: 0,
        vat: [],
        totalExclVatCents: 0,
        totalVatCents: 0,
        totalInclVatCents: 0,
        depositsInclVatCents: 0,
        payments: [],
        paymentsTotalCents: 0,
        cashMovementsCents: 0,
      },
      perpetual: { totalInclVatCents: 0, absoluteInclVatCents: 0, paymentsTotalCents: 0 },
      journalSeq: 1,
      closedAt: NOW,
    });
    const closed = await expectError(
      'period_closed',
      pay({ ...card, receivedOn: '2026-11-20', amountCents: 1000, clientId: client.id }),
    );
    expect(closed.details).toEqual({ closedThrough: '2026-11-20' });
    await expectStatus(
      201,
      pay({ ...card, receivedOn: '2026-11-21', amountCents: 1000, clientId: client.id }),
    );
  });
});
