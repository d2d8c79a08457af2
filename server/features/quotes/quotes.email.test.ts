import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Quote } from '../../../domain/schemas/quote';
import { QUOTE_PDF_MAX_BYTES } from '../../../domain/schemas/quote-email';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { type SmtpServer, startSmtpServer } from '../../test/smtp';

const NOW = new Date('2026-11-24T09:00:00Z');
const WAIT = { timeout: 10_000, interval: 20 };
/** Not a real layout, but bytes that start as every PDF does, and some that are not ASCII. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 250, 251, 255])]);

describe.each(ENGINES)('a quote sent by e-mail on %s', (engine) => {
  let smtp: SmtpServer;
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer(
      engine,
      { SMTP_URL: smtp.url, MAIL_FROM: 'garage@garage.test' },
      { now: () => NOW },
    );
    staff = await server.signIn('staff', 'Karim Atelier');
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
  });

  async function createDraft(): Promise<Quote> {
    const client = await expectStatus(
      201,
      staff.api.clients.$post({ json: buildClientInput({ email: 'camille@exemple.fr' }) }),
    );
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    return expectStatus(
      201,
      staff.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs() },
      }),
    );
  }

  async function createSent(): Promise<Quote> {
    const draft = await createDraft();
    return expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
  }

  function email(quote: Quote, json: { to: string; message: string; pdfBase64: string }) {
    return staff.api.quotes[':id'].email.$post({ param: { id: quote.id }, json });
  }

  function messages(quote: Quote) {
    return expectStatus(200, staff.api.quotes[':id'].messages.$get({ param: { id: quote.id } }));
  }

  it('delivers a sent quote with the message, the garage’s name and the PDF posted', async () => {
    const quote = await createSent();
    const before = smtp.received.length;
    const queued = await expectStatus(
      201,
      email(quote, {
        to: 'camille@exemple.fr',
        message: 'Voici le devis dont nous avons parlé ce matin.',
        pdfBase64: PDF.toString('base64'),
      }),
    );
    expect(queued).toMatchObject({ to: 'camille@exemple.fr', status: 'queued' });
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    const { company } = buildSettings();
    if (!company.name) throw new Error('the factory names the garage');
    expect(mail!.to).toMatchObject({ text: 'camille@exemple.fr' });
    expect(mail!.subject).toContain(quote.number!);
    expect(mail!.subject).toContain(company.name);
    expect(mail!.text).toContain('Voici le devis dont nous avons parlé ce matin.');
    expect(mail!.text).toContain(company.name);
    expect(mail!.text).not.toContain('lien ci-dessous');
    expect(mail!.html).toContain(company.name);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({
      filename: `${quote.number}.pdf`,
      contentType: 'application/pdf',
    });
    expect(Buffer.compare(mail!.attachments[0]!.content, PDF)).toBe(0);
    await vi.waitFor(async () => {
      const { items } = await messages(quote);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ id: queued.id, status: 'sent', lastError: null });
      expect(items[0]!.sentAt).not.toBeNull();
    }, WAIT);
  });

  it('refuses a draft with a 409 and queues nothing', async () => {
    const draft = await createDraft();
    const { message } = await expectError(
      'invalid_transition',
      email(draft, { to: 'camille@exemple.fr', message: '', pdfBase64: PDF.toString('base64') }),
    );
    expect(message).toContain('envoyé');
    expect((await messages(draft)).items).toEqual([]);
  });

  it('refuses a file that is not a PDF with a 400 in French', async () => {
    const quote = await createSent();
    const refused = await expectError(
      'validation_failed',
      email(quote, {
        to: 'camille@exemple.fr',
        message: '',
        pdfBase64: Buffer.from('<html>pas un pdf</html>').toString('base64'),
      }),
    );
    expect(issuePaths(refused)).toContain('pdfBase64');
    expect(JSON.stringify([refused.message, refused.details])).toContain('n’est pas un PDF');
    expect((await messages(quote)).items).toEqual([]);
  });

  it('refuses a PDF over 700 KiB with a 400 in French, not a 413', async () => {
    const quote = await createSent();
    const heavy = Buffer.concat([PDF, Buffer.alloc(QUOTE_PDF_MAX_BYTES)]);
    const refused = await expectError(
      'validation_failed',
      email(quote, { to: 'camille@exemple.fr', message: '', pdfBase64: heavy.toString('base64') }),
    );
    expect(issuePaths(refused)).toContain('pdfBase64');
    expect(JSON.stringify(refused.details)).toContain('trop lourd');
  });

  it('refuses a wrong address and a message too long with a 400', async () => {
    const quote = await createSent();
    const wrong = await expectError(
      'validation_failed',
      email(quote, { to: 'camille@', message: '', pdfBase64: PDF.toString('base64') }),
    );
    expect(issuePaths(wrong)).toContain('to');
    const long = await expectError(
      'validation_failed',
      email(quote, {
        to: 'camille@exemple.fr',
        message: 'x'.repeat(2001),
        pdfBase64: PDF.toString('base64'),
      }),
    );
    expect(issuePaths(long)).toContain('message');
    expect((await messages(quote)).items).toEqual([]);
  });

  it('answers 404 for the messages of a quote that does not exist', async () => {
    await expectError(
      'not_found',
      staff.api.quotes[':id'].messages.$get({
        param: { id: '00000000-0000-4000-8000-000000000000' },
      }),
    );
  });
});

describe('a quote e-mailed without a mail server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite', {}, { now: () => NOW });
  }, 30_000);
  afterAll(() => server?.close());

  it('is kept in the outbox as held, and its history says so', async () => {
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const draft = await expectStatus(
      201,
      admin.api.quotes.$post({ json: { clientId: client.id, vehicleId: null, jobs: buildJobs() } }),
    );
    const quote = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
    const queued = await expectStatus(
      201,
      admin.api.quotes[':id'].email.$post({
        param: { id: quote.id },
        json: { to: 'camille@exemple.fr', message: '', pdfBase64: PDF.toString('base64') },
      }),
    );
    expect(queued.status).toBe('held');
    const { items } = await expectStatus(
      200,
      admin.api.quotes[':id'].messages.$get({ param: { id: quote.id } }),
    );
    expect(items.map((item) => item.status)).toEqual(['held']);
  });
});
