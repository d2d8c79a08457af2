import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImage } from '../../domain/repair-order/image';
import { REPAIR_ORDER_STATUSES } from '../../domain/schemas/repair-order';
import { type ApiClient, expectStatus } from '../test/api-client';
import { startTestServer, type TestServer } from '../test/harness';
import { demoSignaturePng } from './signature-png';

describe('the demo garage, as `npm start` seeds it on PGlite', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer('pglite', { DEMO_DATA: '1' });
    admin = await server.admin();
  }, 120_000);
  afterAll(() => server?.close());

  it('has a repair order in every column of today’s workshop board', async () => {
    const { items } = await expectStatus(200, admin.api.workshop.$get());
    const columns = new Set(items.map((card) => card.status));
    expect([...columns].sort()).toEqual([...REPAIR_ORDER_STATUSES].sort());
    // One waits for the customer's answer on extra work, one is already late.
    expect(items.some((card) => card.pendingAmendments > 0)).toBe(true);
    const late = items.filter(
      (card) =>
        card.promisedAt &&
        Date.parse(card.promisedAt) < Date.now() &&
        card.status !== 'handed_back',
    );
    expect(late.length).toBeGreaterThan(0);
  });

  it('has an issued invoice partly paid by card, the till open and the journal whole', async () => {
    const invoices = await expectStatus(200, admin.api.invoices.$get({ query: {} }));
    const issued = invoices.items.filter((invoice) => invoice.status === 'issued');
    expect(issued.length).toBeGreaterThan(0);
    const balance = await expectStatus(
      200,
      admin.api.payments.balance.invoice[':id'].$get({ param: { id: issued[0]!.id } }),
    );
    expect(balance.paidCents).toBe(10_000);
    expect(balance.balanceCents).toBeGreaterThan(0);
    const till = await expectStatus(200, admin.api.till.$get());
    expect(till?.openingFloatCents).toBe(15_000);
    const report = await expectStatus(200, admin.api.journal.verify.$get({ query: {} }));
    expect(report).toMatchObject({ ok: true, entryCount: issued.length * 2 + 1 });
  });

  it('signs its check-ins with a real PNG the OR’s PDF can print', async () => {
    const page = await expectStatus(
      200,
      admin.api['repair-orders'].$get({ query: { status: 'in_progress' } }),
    );
    const order = await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$get({ param: { id: page.items[0]!.id } }),
    );
    const signature = order.signatures.find((each) => each.kind === 'check_in')!;
    const image = await admin.raw(
      'GET',
      `/api/v1/repair-orders/${order.id}/signatures/${signature.id}/image`,
    );
    expect(image.status).toBe(200);
    expect(sniffImage(new Uint8Array(await image.arrayBuffer()))).toMatchObject({
      contentType: 'image/png',
      width: 240,
      height: 80,
    });
  });

  it('draws a signature that is not blank', () => {
    const bytes = Buffer.from(demoSignaturePng(3).split(',')[1]!, 'base64');
    expect(sniffImage(new Uint8Array(bytes))?.contentType).toBe('image/png');
    expect(demoSignaturePng(3)).not.toBe(demoSignaturePng(4));
  });
});
