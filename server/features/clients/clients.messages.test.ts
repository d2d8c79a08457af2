import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../domain/schemas/client';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { createTestClock } from '../../test/clock';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildJobs, buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { type SmtpServer, startSmtpServer } from '../../test/smtp';

const WAIT = { timeout: 10_000, interval: 20 };
const PDF = Buffer.from('%PDF-1.7\ndevis').toString('base64');

describe.each(ENGINES)('the messages sent to a client on %s', (engine) => {
  let smtp: SmtpServer;
  let server: TestServer;
  let staff: ApiClient;
  // A millisecond more at each reading: the second e-mail is the newer one.
  const clock = createTestClock('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer(
      engine,
      { SMTP_URL: smtp.url, MAIL_FROM: 'garage@garage.test' },
      { now: clock.now },
    );
    staff = await server.signIn('staff', 'Karim Atelier');
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
  });

  function createClient(): Promise<Client> {
    return expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
  }

  async function emailQuoteOf(client: Client, to: string) {
    const draft = await expectStatus(
      201,
      staff.api.quotes.$post({ json: { clientId: client.id, jobs: buildJobs() } }),
    );
    const sent = await expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
    return expectStatus(
      201,
      staff.api.quotes[':id'].email.$post({
        param: { id: sent.id },
        json: { to, message: 'Votre devis.', pdfBase64: PDF },
      }),
    );
  }

  function messagesOf(client: Client) {
    return expectStatus(200, staff.api.clients[':id'].messages.$get({ param: { id: client.id } }));
  }

  it('lists a quote e-mailed to the client, newest first, and nothing for another client', async () => {
    const client = await createClient();
    const other = await createClient();
    const first = await emailQuoteOf(client, 'camille@exemple.fr');
    const second = await emailQuoteOf(client, 'camille.pro@exemple.fr');
    const { items } = await messagesOf(client);
    expect(items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(items[1]).toMatchObject({ to: 'camille@exemple.fr', subject: first.subject });
    expect((await messagesOf(other)).items).toEqual([]);
    await vi.waitFor(async () => {
      const delivered = await messagesOf(client);
      expect(delivered.items.map((item) => item.status)).toEqual(['sent', 'sent']);
    }, WAIT);
  });

  it('answers 404 for a client that does not exist', async () => {
    await expectError(
      'not_found',
      staff.api.clients[':id'].messages.$get({ param: { id: crypto.randomUUID() } }),
    );
  });
});
