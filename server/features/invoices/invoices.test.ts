import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRepairOrderVersion } from '../../../domain/repair-order/version-hash';
import { type Invoice, InvoiceSchema } from '../../../domain/schemas/invoice';
import type { RepairOrder, SignatureKind } from '../../../domain/schemas/repair-order';
import { invoices as invoicesTable } from '../../db/schema';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, recordEvents, waitForChange, waitForEvent } from '../../test/socket';
import { takeNextInvoiceNumber } from './invoices.repo';

/**
 * From 2026-11-24 10:00 in Paris, a millisecond more at each reading (lists sort by creation):
 * every invoice of this file is issued on 2026-11-24.
 */
const NOW = new Date('2026-11-24T09:00:00Z');
let ticks = 0;
const now = () => new Date(NOW.getTime() + ticks++);
const TODAY = '2026-11-24';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SIGNATURE_IMAGE = `data:image/png;base64,${PNG_BASE64}`;
const ALL_TICKED = { workDone: true, declinedWorkReminded: true, nextDueReminded: true };

/** What the compliance check asks of a draft the server made: the due date and penalty rate. */
const PAYMENT = { dueDate: '2026-12-24', latePenaltyRateBp: 1215 };

describe.each(ENGINES)('invoices API on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now });
    staff = await server.signIn('staff', 'Karim Atelier');
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(() => server?.close());

  const invoices = () => staff.api.invoices;
  const one = () => staff.api.invoices[':id'];
  const orders = () => staff.api['repair-orders'][':id'];

  async function createParties() {
    const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    return { client, vehicle };
  }

  async function sign(order: RepairOrder, kind: SignatureKind): Promise<RepairOrder> {
    return expectStatus(
      201,
      orders().signatures.$post({
        param: { id: order.id },
        json: {
          version: order.version,
          kind,
          signerName: 'Hélène Test',
          image: SIGNATURE_IMAGE,
          versionHash: await hashRepairOrderVersion(order),
        },
      }),
    );
  }

  function move(order: RepairOrder, to: RepairOrder['status']) {
    return expectStatus(
      200,
      orders().transition.$post({ param: { id: order.id }, json: { to, version: order.version } }),
    );
  }

  /** A walk-in OR of one job (1,5 h at 65 € and pads at 49,90 € less 10 %), open. */
  async function openOrder(): Promise<RepairOrder> {
    const { client, vehicle } = await createParties();
    const opened = await expectStatus(
      201,
      staff.api['repair-orders'].$post({
        json: {
          origin: 'walk_in',
          clientId: client.id,
          vehicleId: vehicle.id,
          mileageKm: 88_000,
          jobs: buildJobs(1),
        },
      }),
    );
    return move(await sign(opened, 'check_in'), 'in_progress');
  }

  /** The OR taken to the end: done, signed for, handed back. */
  async function handBack(order: RepairOrder): Promise<RepairOrder> {
    const signed = await sign(await move(order, 'done'), 'hand_back');
    const signature = signed.signatures.find((candidate) => candidate.kind === 'hand_back')!;
    return expectStatus(
      200,
      orders()['hand-back'].$post({
        param: { id: order.id },
        json: { version: signed.version, checklist: ALL_TICKED, signatureId: signature.id },
      }),
    );
  }

  async function handedBackOrder(): Promise<RepairOrder> {
    return handBack(await openOrder());
  }

  /** A quote of one job, sent and accepted: parts and labour sold over the counter. */
  async function acceptedQuote(clientId?: string, vehicleId?: string) {
    const owner = clientId ?? (await createParties()).client.id;
    const draft = await expectStatus(
      201,
      staff.api.quotes.$post({
        json: { clientId: owner, jobs: buildJobs(1), ...(vehicleId ? { vehicleId } : {}) },
      }),
    );
    const sent = await expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
    return expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: sent.id },
        json: {
          to: 'accepted',
          version: sent.version,
          channel: 'signature',
          signerName: 'Mme Hélène Test',
        },
      }),
    );
  }

  /** The draft completed with what the check asks: due date, penalty rate, parts' condition. */
  function complete(draft: Invoice) {
    return expectStatus(
      200,
      one().$patch({
        param: { id: draft.id },
        json: {
          version: draft.version,
          payment: PAYMENT,
          lines: draft.lines.map((line) => ({
            ...line,
            partCondition: line.kind === 'part' ? ('new' as const) : null,
          })),
        },
      }),
    );
  }

  function issue(invoice: Invoice) {
    return one().issue.$post({ param: { id: invoice.id }, json: { version: invoice.version } });
  }

  async function issuedFromQuote(clientId?: string): Promise<Invoice> {
    const quote = await acceptedQuote(clientId);
    const draft = await expectStatus(201, invoices().$post({ json: { quoteId: quote.id } }));
    return expectStatus(200, issue(await complete(draft)));
  }

  const sequenceOf = (number: string | null) => Number(number?.split('-')[2]);

  it('makes a draft of a handed-back OR, with its work to the cent and no number, once', async () => {
    const order = await handedBackOrder();
    const draft = await expectStatus(201, invoices().$post({ json: { repairOrderId: order.id } }));
    expect(InvoiceSchema.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      number: null,
      issueDate: null,
      serviceDate: TODAY,
      operationCategory: 'mixed',
      vehicle: { vehicleId: order.vehicleId, plate: order.vehiclePlate, mileageKm: 88_000 },
      origin: { repairOrderId: order.id, repairOrderNumber: order.number },
      seller: { name: 'Garage du Parc', siret: '73282932000074' },
      buyer: { clientId: order.clientId, name: order.clientName },
    });
    expect(draft.lines.map((line) => [line.kind, line.quantity, line.unitPriceCents])).toEqual([
      ['labour', 1.5, 6500],
      ['part', 1, 4990],
    ]);
    const again = await expectError(
      'invoice_exists',
      invoices().$post({ json: { repairOrderId: order.id } }),
    );
    expect(again.details).toEqual({ invoiceId: draft.id, number: null });
  });

  it('makes one draft of an OR asked twice at once, and refuses the other with invoice_exists', async () => {
    const order = await handedBackOrder();
    const replies = await Promise.all(
      [0, 1].map(() => invoices().$post({ json: { repairOrderId: order.id } })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
  });

  it('makes a draft of an accepted quote sold over the counter, and sends a quote with an OR to its OR', async () => {
    const quote = await acceptedQuote();
    const draft = await expectStatus(201, invoices().$post({ json: { quoteId: quote.id } }));
    expect(draft).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      serviceDate: TODAY,
      vehicle: null,
      origin: { repairOrderId: null, quoteId: quote.id, quoteNumber: quote.number },
      buyer: { clientId: quote.clientId, name: quote.clientName },
    });
    expect(draft.lines.map((line) => [line.kind, line.partCondition])).toEqual([
      ['labour', null],
      ['part', 'new'],
    ]);
    await expectError('invoice_exists', invoices().$post({ json: { quoteId: quote.id } }));
    const { client, vehicle } = await createParties();
    const ordered = await acceptedQuote(client.id, vehicle.id);
    const order = await expectStatus(
      201,
      staff.api['repair-orders'].$post({ json: { quoteId: ordered.id } }),
    );
    const refused = await expectError(
      'quote_already_ordered',
      invoices().$post({ json: { quoteId: ordered.id } }),
    );
    expect(refused.details).toEqual({ repairOrderId: order.id, number: order.number });
    const notAccepted = await expectError(
      'quote_not_accepted',
      invoices().$post({
        json: {
          quoteId: (
            await expectStatus(
              201,
              staff.api.quotes.$post({ json: { clientId: client.id, jobs: buildJobs(1) } }),
            )
          ).id,
        },
      }),
    );
    expect(notAccepted.details).toEqual({ status: 'draft' });
  });

  it('refuses to invoice an OR whose quote was already invoiced over the counter', async () => {
    const { client, vehicle } = await createParties();
    const quote = await acceptedQuote(client.id, vehicle.id);
    const sold = await expectStatus(201, invoices().$post({ json: { quoteId: quote.id } }));
    const opened = await expectStatus(
      201,
      staff.api['repair-orders'].$post({ json: { quoteId: quote.id } }),
    );
    const order = await handBack(await move(await sign(opened, 'check_in'), 'in_progress'));
    const refused = await expectError(
      'invoice_exists',
      invoices().$post({ json: { repairOrderId: order.id } }),
    );
    expect(refused.details).toEqual({ invoiceId: sold.id, number: null });
  });

  it('refuses an OR that is not handed back', async () => {
    const order = await openOrder();
    const refused = await expectError(
      'repair_order_not_closed',
      invoices().$post({ json: { repairOrderId: order.id } }),
    );
    expect(refused.details).toEqual({ status: 'in_progress' });
  });

  it('edits a draft with its version, and refuses a stale one', async () => {
    const order = await handedBackOrder();
    const draft = await expectStatus(201, invoices().$post({ json: { repairOrderId: order.id } }));
    const edited = await expectStatus(
      200,
      one().$patch({
        param: { id: draft.id },
        json: { version: draft.version, note: 'Merci de votre confiance', payment: PAYMENT },
      }),
    );
    expect(edited.version).toBe(draft.version + 1);
    expect(edited.note).toBe('Merci de votre confiance');
    expect(edited.payment).toMatchObject(PAYMENT);
    expect(edited.payment.terms).toBe(draft.payment.terms);
    const stale = await expectError(
      'stale_version',
      one().$patch({ param: { id: draft.id }, json: { version: draft.version, note: 'Autre' } }),
    );
    expect(InvoiceSchema.parse(stale.details.current).note).toBe('Merci de votre confiance');
    expect(stale.details.changedBy?.name).toBe('Karim Atelier');
  });

  it('refuses to issue a draft missing mandatory mentions, listing each one', async () => {
    const order = await handedBackOrder();
    const draft = await expectStatus(201, invoices().$post({ json: { repairOrderId: order.id } }));
    const refused = await expectError('compliance_missing', issue(draft));
    expect(refused.details.missing.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['due_date', 'late_penalty_rate']),
    );
    expect(refused.details.missing.every((issue) => issue.where === 'invoice')).toBe(true);
    expect((await expectStatus(200, one().$get({ param: { id: draft.id } }))).status).toBe('draft');
  });

  it('issues a draft: numbered FAC-YYYY-NNNNN, dated today in Paris, and locked for ever', async () => {
    const order = await handedBackOrder();
    const draft = await complete(
      await expectStatus(201, invoices().$post({ json: { repairOrderId: order.id } })),
    );
    const issued = await expectStatus(200, issue(draft));
    expect(issued).toMatchObject({
      status: 'issued',
      issueDate: TODAY,
      version: draft.version + 1,
    });
    expect(issued.number).toMatch(/^FAC-2026-\d{5}$/);
    expect(issued.issuedAt?.startsWith(`${TODAY}T`)).toBe(true);
    await expectError(
      'invoice_locked',
      one().$patch({ param: { id: issued.id }, json: { version: issued.version, note: 'x' } }),
    );
    await expectError('invoice_locked', issue(issued));
    const again = await expectError(
      'invoice_exists',
      invoices().$post({ json: { repairOrderId: order.id } }),
    );
    expect(again.details).toEqual({ invoiceId: issued.id, number: issued.number });
    expect(await expectStatus(200, one().$get({ param: { id: issued.id } }))).toEqual(issued);
  });

  it('numbers 50 invoices issued at once 1 to 50 after the last, with no gap, and a rollback leaves none', async () => {
    const { client } = await createParties();
    const before = await issuedFromQuote(client.id);
    const drafts: Invoice[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const made = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const quote = await acceptedQuote(client.id);
          const draft = await expectStatus(201, invoices().$post({ json: { quoteId: quote.id } }));
          return complete(draft);
        }),
      );
      drafts.push(...made);
    }
    const started = performance.now();
    const issued = await Promise.all(drafts.map((draft) => expectStatus(200, issue(draft))));
    console.info(
      `50 concurrent issues (${engine}): ${Math.round(performance.now() - started)} ms in all`,
    );
    const start = sequenceOf(before.number);
    expect(issued.map((invoice) => sequenceOf(invoice.number)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => start + 1 + i),
    );
    await expect(
      server.deps.db.transaction(async (tx) => {
        await takeNextInvoiceNumber(tx, 'FAC', 2026);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await issuedFromQuote(client.id);
    expect(sequenceOf(after.number)).toBe(start + 51);
  });

  it('credits part of an issued invoice, refuses more than is left, and numbers the credit note AV-', async () => {
    const invoice = await issuedFromQuote();
    await expectError(
      'invoice_not_issued',
      one()['credit-note'].$post({
        param: {
          id: (
            await expectStatus(
              201,
              invoices().$post({ json: { quoteId: (await acceptedQuote()).id } }),
            )
          ).id,
        },
        json: {},
      }),
    );
    const partial = await expectStatus(
      201,
      one()['credit-note'].$post({
        param: { id: invoice.id },
        json: { lines: [{ position: 0, quantity: 0.5 }], note: 'Geste commercial' },
      }),
    );
    expect(partial).toMatchObject({
      kind: 'credit_note',
      status: 'draft',
      corrects: { invoiceId: invoice.id, number: invoice.number, issueDate: TODAY },
      lines: [{ ...invoice.lines[0], quantity: 0.5 }],
      buyer: invoice.buyer,
    });
    const over = await expectError(
      'credit_exceeds_invoice',
      one()['credit-note'].$post({
        param: { id: invoice.id },
        json: { lines: [{ position: 0, quantity: 1.5 }] },
      }),
    );
    expect(over.details).toEqual({ lines: [{ position: 0, remainingQuantity: 1 }] });
    const issuedNote = await expectStatus(200, issue(partial));
    expect(issuedNote.number).toMatch(/^AV-2026-\d{5}$/);
    const rest = await expectStatus(
      201,
      one()['credit-note'].$post({ param: { id: invoice.id }, json: {} }),
    );
    expect(rest.lines.map((line) => line.quantity)).toEqual([1, 1]);
    const nothingLeft = await expectError(
      'credit_exceeds_invoice',
      one()['credit-note'].$post({ param: { id: invoice.id }, json: {} }),
    );
    expect(nothingLeft.details.lines.map((line) => line.remainingQuantity)).toEqual([0, 0]);
    // A draft thrown away gives its quantities back; an issued credit note stays.
    await expectError('invoice_locked', one().$delete({ param: { id: issuedNote.id } }));
    expect((await expectStatus(200, one().$delete({ param: { id: rest.id } }))).id).toBe(rest.id);
    await expectError('not_found', one().$get({ param: { id: rest.id } }));
    const again = await expectStatus(
      201,
      one()['credit-note'].$post({ param: { id: invoice.id }, json: {} }),
    );
    expect(again.lines.map((line) => line.quantity)).toEqual([1, 1]);
  });

  it('deducts an issued deposit of the OR from its final invoice as the prepaid amount', async () => {
    const order = await openOrder();
    const deposit = await expectStatus(
      201,
      invoices().$post({
        json: {
          kind: 'deposit',
          repairOrderId: order.id,
          lines: [
            {
              kind: 'fee',
              description: 'Acompte sur travaux',
              quantity: 1,
              unit: 'forfait',
              unitPriceCents: 5000,
              vatRateBp: 2000,
              discountBp: 0,
            },
          ],
        },
      }),
    );
    expect(deposit).toMatchObject({ kind: 'deposit', serviceDate: null });
    const issuedDeposit = await expectStatus(
      200,
      issue(
        await expectStatus(
          200,
          one().$patch({
            param: { id: deposit.id },
            json: { version: deposit.version, payment: PAYMENT },
          }),
        ),
      ),
    );
    expect(issuedDeposit.number).toMatch(/^FAC-2026-/);
    await handBack(await expectStatus(200, orders().$get({ param: { id: order.id } })));
    const draft = await complete(
      await expectStatus(201, invoices().$post({ json: { repairOrderId: order.id } })),
    );
    expect(draft.deductedDeposits).toEqual([]);
    const unissued = await expectStatus(
      201,
      invoices().$post({
        json: { kind: 'deposit', repairOrderId: order.id, lines: deposit.lines },
      }),
    );
    const final = await expectStatus(200, issue(draft));
    expect(final.deductedDeposits).toEqual([
      {
        invoiceId: issuedDeposit.id,
        number: issuedDeposit.number,
        issueDate: TODAY,
        amountInclVatCents: 6000,
      },
    ]);
    const late = await expectError(
      'invoice_exists',
      invoices().$post({
        json: { kind: 'deposit', repairOrderId: order.id, lines: deposit.lines },
      }),
    );
    expect(late.details).toEqual({ invoiceId: final.id, number: final.number });
    // A deposit drafted before the final invoice but issued after it would be deducted by none.
    const ready = await expectStatus(
      200,
      one().$patch({
        param: { id: unissued.id },
        json: { version: unissued.version, payment: PAYMENT },
      }),
    );
    expect((await expectError('invoice_exists', issue(ready))).details).toEqual({
      invoiceId: final.id,
      number: final.number,
    });
    const xml = await (await staff.raw('GET', `/api/v1/invoices/${final.id}/cii.xml`)).text();
    expect(xml).toContain('<ram:TotalPrepaidAmount>60.00</ram:TotalPrepaidAmount>');
    // 142,41 € HT + 28,48 € TVA = 170,89 €, less the 60 € deposit.
    expect(xml).toContain('<ram:DuePayableAmount>110.89</ram:DuePayableAmount>');
  });

  it('credits a deposit taken on a quote in full', async () => {
    const quote = await acceptedQuote();
    const deposit = await expectStatus(
      201,
      invoices().$post({
        json: {
          kind: 'deposit',
          quoteId: quote.id,
          lines: [
            {
              kind: 'fee',
              description: 'Acompte à la commande',
              quantity: 1,
              unit: 'forfait',
              unitPriceCents: 2500,
              vatRateBp: 2000,
              discountBp: 0,
            },
          ],
        },
      }),
    );
    expect(deposit.origin).toMatchObject({ quoteId: quote.id, repairOrderId: null });
    const issued = await expectStatus(
      200,
      issue(
        await expectStatus(
          200,
          one().$patch({
            param: { id: deposit.id },
            json: { version: deposit.version, payment: PAYMENT },
          }),
        ),
      ),
    );
    const note = await expectStatus(
      201,
      one()['credit-note'].$post({ param: { id: issued.id }, json: {} }),
    );
    expect(note).toMatchObject({ serviceDate: TODAY, lines: issued.lines });
    expect((await expectStatus(200, issue(note))).number).toMatch(/^AV-2026-/);
  });

  it('serves the CII XML of an issued invoice as a download, and none of a draft', async () => {
    const invoice = await issuedFromQuote();
    const response = await staff.raw('GET', `/api/v1/invoices/${invoice.id}/cii.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${invoice.number}.xml"`,
    );
    const xml = await response.text();
    // The bytes served are those whose SHA-256 was stored on issue (the PDF will embed them).
    const [stored] = await server.deps.db
      .select({ sha256: invoicesTable.ciiSha256 })
      .from(invoicesTable)
      .where(eq(invoicesTable.id, invoice.id));
    expect(stored?.sha256).toBe(createHash('sha256').update(xml, 'utf8').digest('hex'));
    expect(xml).toContain(`<ram:ID>${invoice.number}</ram:ID>`);
    expect(xml).toContain('<ram:TypeCode>380</ram:TypeCode>');
    expect(xml).toContain('<ram:TaxBasisTotalAmount>142.41</ram:TaxBasisTotalAmount>');
    expect(xml).toContain('<ram:GrandTotalAmount>170.89</ram:GrandTotalAmount>');
    const draft = await expectStatus(
      201,
      invoices().$post({ json: { quoteId: (await acceptedQuote()).id } }),
    );
    await expectError('invoice_not_issued', one()['cii.xml'].$get({ param: { id: draft.id } }));
  });

  it('lists invoices newest first by status and kind, a page at a time', async () => {
    const { client } = await createParties();
    const first = await issuedFromQuote(client.id);
    const second = await issuedFromQuote(client.id);
    const draft = await expectStatus(
      201,
      invoices().$post({ json: { quoteId: (await acceptedQuote(client.id)).id } }),
    );
    const page = await expectStatus(
      200,
      invoices().$get({ query: { clientId: client.id, limit: '2' } }),
    );
    expect(page.items.map((item) => item.id)).toEqual([draft.id, second.id]);
    const next = await expectStatus(
      200,
      invoices().$get({ query: { clientId: client.id, limit: '2', cursor: page.nextCursor! } }),
    );
    expect(next.items.map((item) => item.id)).toEqual([first.id]);
    expect(next.nextCursor).toBeNull();
    const issued = await expectStatus(
      200,
      invoices().$get({ query: { clientId: client.id, status: 'issued', kind: 'invoice' } }),
    );
    expect(issued.items.map((item) => item.id)).toEqual([second.id, first.id]);
    const today = await expectStatus(
      200,
      invoices().$get({ query: { clientId: client.id, issuedFrom: TODAY, issuedTo: TODAY } }),
    );
    expect(today.items.map((item) => item.id)).toEqual([second.id, first.id]);
    const before = await expectStatus(
      200,
      invoices().$get({ query: { clientId: client.id, issuedTo: '2026-11-23' } }),
    );
    expect(before.items).toEqual([]);
  });

  it('broadcasts an invoice’s change to the counter’s sockets, and to the wall only its seq', async () => {
    const admin = await server.admin();
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
      const quote = await acceptedQuote();
      const feed = recordEvents(screen, 'feed');
      const seen = waitForChange(socket, 'invoice', (change) => change.action === 'created');
      const skipped = waitForEvent(screen, 'skip', (skip) => skip.entity === 'invoice');
      const draft = await expectStatus(201, invoices().$post({ json: { quoteId: quote.id } }));
      const change = await seen;
      expect(change.id).toBe(draft.id);
      expect(change.data).toEqual(draft);
      expect(change.actor?.name).toBe('Karim Atelier');
      const [skip] = await skipped;
      expect(skip).toEqual({ seq: change.seq, entity: 'invoice' });
      // Events on one socket arrive in order: had a label been sent, it would be here by now.
      expect(feed.filter(([entry]) => entry.entity === 'invoice')).toEqual([]);
    } finally {
      socket.disconnect();
      screen.disconnect();
    }
  });
});
