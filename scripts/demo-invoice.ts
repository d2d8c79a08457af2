/**
 * npm run demo:invoice [-- <folder>] — the invoice of a real repair order of the demo garage,
 * made and issued through the API as the counter would: the demo server starts on an empty
 * embedded database (the demo seeded), the OR handed back today is invoiced, what the
 * compliance check asks is filled in, the invoice issued, and its CII written to the folder
 * (then `node scripts/validate-cii.mjs <folder>` runs the official validators on it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInParis } from '../domain/dates';
import { parseEnv } from '../server/env';
import { createLogger } from '../server/logger';
import { startServer } from '../server/server';
import { createApiClient, expectStatus } from '../server/test/api-client';

const dir = process.argv[2] ?? join(tmpdir(), 'gestionpro-demo-invoice');
const ADMIN = { email: 'demo-invoice@garage.test', password: 'motdepasse-demo-facture' };

const server = await startServer(
  parseEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    DEMO_DATA: '1',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CLIENT_DIR: './dist/client',
  }),
  { log: createLogger('silent'), scheduleJobs: false },
);
try {
  const admin = createApiClient(server.url);
  await expectStatus(200, admin.api.auth.login.$post({ json: ADMIN }));
  const handedBack = await expectStatus(
    200,
    admin.api['repair-orders'].$get({ query: { status: 'handed_back' } }),
  );
  const order = handedBack.items[0];
  if (!order) throw new Error('The demo garage has no OR handed back.');
  let draft = await expectStatus(
    201,
    admin.api.invoices.$post({ json: { repairOrderId: order.id } }),
  );
  // What the demo's settings leave to the counter: the due date and the late-payment rate.
  const dueDate = todayInParis(new Date(Date.now() + 30 * 24 * 3600 * 1000));
  draft = await expectStatus(
    200,
    admin.api.invoices[':id'].$patch({
      param: { id: draft.id },
      json: { version: draft.version, payment: { dueDate, latePenaltyRateBp: 1215 } },
    }),
  );
  const issued = await admin.api.invoices[':id'].issue.$post({
    param: { id: draft.id },
    json: { version: draft.version },
  });
  if (issued.status !== 200) {
    throw new Error(`Issue refused: ${issued.status} ${JSON.stringify(await issued.json())}`);
  }
  const invoice = await issued.json();
  const xml = await admin.raw('GET', `/api/v1/invoices/${draft.id}/cii.xml`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${invoice.number}.xml`);
  writeFileSync(file, await xml.text());
  console.info(
    `${order.number} (${order.clientName}, ${order.vehiclePlate}) → ${invoice.number}, ${invoice.lines.length} lines: ${file}`,
  );
} finally {
  await server.close();
}
