import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASH_LIMIT_CENTS, TillSessionSchema } from '../../../domain/schemas/payment';
import { journalEntries } from '../../db/schema';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { acceptedQuote, createClient, issuedDeposit, issuedInvoice } from '../../test/invoicing';
import { connectSocket, waitForChange, waitForEvent } from '../../test/socket';

const NOW = new Date('2026-11-24T07:30:00Z');
const TODAY = '2026-11-24';
let ticks = 0;
const now = () => new Date(NOW.getTime() + ticks++);

/**
 * The till is one drawer for the whole garage: each test opens it and counts it (closing it)
 * before it ends, so the next one finds it closed.
 */
describe.each(ENGINES)('the till on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now });
    staff = await server.signIn('staff', 'Nadia Comptoir');
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(() => server?.close());

  const till = () => staff.api.till;
  const cash = { method: 'cash' as const, receivedOn: TODAY };
  const open = (openingFloatCents: number) =>
    expectStatus(201, till().open.$post({ json: { openingFloatCents } }));
  const countTill = (countedCents: number) =>
    expectStatus(200, till().count.$post({ json: { countedCents } }));

  async function lastEntry() {
    const [entry] = await server.deps.db
      .select()
      .from(journalEntries)
      .orderBy(desc(journalEntries.seq))
      .limit(1);
    return { kind: entry!.kind, content: JSON.parse(entry!.canonical).content };
  }

  it('opens with a float, takes cash, lets cash out, and counts the difference', async () => {
    expect(await expectStatus(200, till().$get())).toBeNull();
    const session = await open(15_000);
    expect(TillSessionSchema.parse(session)).toEqual(session);
    expect(session).toMatchObject({
      openingFloatCents: 15_000,
      expectedCents: 15_000,
      openedByName: 'Nadia Comptoir',
      closedAt: null,
    });
    expect(await lastEntry()).toMatchObject({
      kind: 'till_opened',
      content: { tillSessionId: session.id, openingFloatCents: 15_000 },
    });
    await expectError('till_already_open', till().open.$post({ json: { openingFloatCents: 0 } }));

    const invoice = await issuedInvoice(staff);
    const payment = await expectStatus(
      201,
      staff.api.payments.$post({
        json: {
          ...cash,
          amountCents: 8000,
          allocations: [{ invoiceId: invoice.id, amountCents: 8000 }],
        },
      }),
    );
    expect(payment.tillSessionId).toBe(session.id);
    const back = await expectStatus(
      201,
      staff.api.payments[':id'].refund.$post({
        param: { id: payment.id },
        json: { ...cash, amountCents: 500 },
      }),
    );
    expect(back.tillSessionId).toBe(session.id);
    const moved = await expectStatus(
      201,
      till().movements.$post({
        json: { direction: 'out', amountCents: 10_000, reason: 'Dépôt à la banque' },
      }),
    );
    expect(moved.movements).toEqual([
      expect.objectContaining({ amountCents: -10_000, reason: 'Dépôt à la banque' }),
    ]);
    expect(await lastEntry()).toMatchObject({
      kind: 'cash_movement',
      content: { tillSessionId: session.id, amountCents: -10_000 },
    });
    // 150 € of float + 80 € − 5 € of cash − 100 € to the bank.
    expect(await expectStatus(200, till().$get())).toMatchObject({
      cashPaymentsCents: 7500,
      movementsCents: -10_000,
      expectedCents: 12_500,
    });
    const counted = await countTill(12_450);
    expect(counted).toMatchObject({
      expectedCents: 12_500,
      countedCents: 12_450,
      differenceCents: -50,
      closedByName: 'Nadia Comptoir',
    });
    expect(counted.closedAt).not.toBeNull();
    expect(await lastEntry()).toEqual({
      kind: 'till_counted',
      content: {
        kind: 'till_counted',
        tillSessionId: session.id,
        expectedCents: 12_500,
        countedCents: 12_450,
        differenceCents: -50,
      },
    });
    expect(await expectStatus(200, till().$get())).toBeNull();
  });

  it('takes no cash while the till is closed', async () => {
    const client = await createClient(staff);
    await expectError(
      'till_not_open',
      staff.api.payments.$post({ json: { ...cash, amountCents: 1000, clientId: client.id } }),
    );
    await expectError(
      'till_not_open',
      till().movements.$post({ json: { direction: 'in', amountCents: 100, reason: 'Monnaie' } }),
    );
    await expectError('till_not_open', till().count.$post({ json: { countedCents: 0 } }));
    // A card needs no till.
    await expectStatus(
      201,
      staff.api.payments.$post({
        json: { ...cash, method: 'card', amountCents: 1000, clientId: client.id },
      }),
    );
  });

  it('refuses more than 1 000 € in cash from a private customer, not from a business', async () => {
    await open(0);
    const person = await createClient(staff);
    const quote = await acceptedQuote(staff, person.id);
    const deposit = await issuedDeposit(staff, quote.id, 150_000);
    await expectError(
      'cash_limit_exceeded',
      staff.api.payments.$post({
        json: {
          ...cash,
          amountCents: CASH_LIMIT_CENTS + 1,
          allocations: [{ invoiceId: deposit.id, amountCents: CASH_LIMIT_CENTS + 1 }],
        },
      }),
    );
    await expectStatus(
      201,
      staff.api.payments.$post({
        json: {
          ...cash,
          amountCents: CASH_LIMIT_CENTS,
          allocations: [{ invoiceId: deposit.id, amountCents: CASH_LIMIT_CENTS }],
        },
      }),
    );
    // The rest of that bill is still one debt: no more of it in cash.
    await expectError(
      'cash_limit_exceeded',
      staff.api.payments.$post({
        json: {
          ...cash,
          amountCents: 100,
          allocations: [{ invoiceId: deposit.id, amountCents: 100 }],
        },
      }),
    );
    const business = await createClient(staff, {
      kind: 'business',
      civility: null,
      firstName: null,
      lastName: null,
      companyName: 'Transports Rhône',
      siret: '732 829 320 00074',
    });
    await expectStatus(
      201,
      staff.api.payments.$post({
        json: { ...cash, amountCents: CASH_LIMIT_CENTS + 1, clientId: business.id },
      }),
    );
    expect((await countTill(2 * CASH_LIMIT_CENTS + 1)).differenceCents).toBe(0);
  });

  it('sends the till’s change to the counter’s sockets', async () => {
    const socket = connectSocket(server.url, staff.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const opened = waitForChange(socket, 'till', (change) => change.action === 'created');
      const session = await open(2000);
      expect((await opened).data).toEqual(session);
      const closed = waitForChange(socket, 'till', (change) => change.action === 'transitioned');
      const counted = await countTill(2000);
      expect((await closed).data).toEqual(counted);
    } finally {
      socket.disconnect();
    }
  });
});
