import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxMessage } from '../../../domain/schemas/outbox';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { createTestClock } from '../../test/clock';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { type SmtpServer, startSmtpServer } from '../../test/smtp';
import { queueMail } from './mail.service';
import { MAIL_WORKER, retryDelayMs } from './mail.worker';

const WAIT = { timeout: 10_000, interval: 20 };
const PDF = Buffer.from('%PDF-1.4 devis de test').toString('base64');

describe.each(ENGINES)('the outbox delivered over SMTP on %s', (engine) => {
  let smtp: SmtpServer;
  let server: TestServer;
  let admin: ApiClient;
  const clock = createTestClock('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer(
      engine,
      { SMTP_URL: smtp.url, MAIL_FROM: 'garage@garage.test' },
      { now: clock.now },
    );
    admin = await server.admin();
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
  });

  async function readMessage(id: string): Promise<OutboxMessage> {
    const list = await expectStatus(200, admin.api.outbox.$get({ query: {} }));
    const found = list.items.find((item) => item.id === id);
    if (!found) throw new Error(`message ${id} not in the outbox`);
    return found;
  }

  async function queue(subject: string, to = 'client@exemple.fr') {
    const queued = await server.deps.db.transaction((tx) =>
      queueMail(tx, server.deps, {
        kind: 'quote',
        to,
        subject,
        text: 'Bonjour, voici votre devis.',
        html: '<p>Bonjour, voici <b>votre devis</b>.</p>',
        attachments: [
          { filename: 'devis.pdf', contentType: 'application/pdf', contentBase64: PDF },
        ],
        headers: { 'List-Unsubscribe': '<https://garage.test/desabonnement/abc>' },
      }),
    );
    server.deps.mail.wake();
    return queued;
  }

  it('delivers a queued message with its subject, text, html, attachment and headers', async () => {
    const before = smtp.received.length;
    const queued = await queue('Votre devis D-2026-0001');
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail!.subject).toBe('Votre devis D-2026-0001');
    expect(mail!.text?.trim()).toBe('Bonjour, voici votre devis.');
    expect(mail!.html).toContain('<b>votre devis</b>');
    expect(mail!.from?.text).toBe('garage@garage.test');
    expect(mail!.messageId).toBe(queued.messageId);
    expect(mail!.headers.get('list')).toMatchObject({
      unsubscribe: { url: 'https://garage.test/desabonnement/abc' },
    });
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({
      filename: 'devis.pdf',
      contentType: 'application/pdf',
    });
    expect(mail!.attachments[0]!.content.toString('base64')).toBe(PDF);
    await vi.waitFor(async () => {
      expect(await readMessage(queued.id)).toMatchObject({ status: 'sent', attempts: 1 });
    }, WAIT);
  });

  it('sends the admin’s test message « GestionPro : message de test »', async () => {
    const before = smtp.received.length;
    const queued = await expectStatus(
      201,
      admin.api.outbox.test.$post({ json: { to: 'patron@garage.test' } }),
    );
    expect(queued).toMatchObject({ kind: 'test', status: 'queued' });
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail!.subject).toBe('GestionPro : message de test');
    expect(mail!.to).toMatchObject({ text: 'patron@garage.test' });
  });

  it('keeps a refused message queued with its error and a later attempt, then delivers it', async () => {
    smtp.state.isRefusing = true;
    const queued = await queue('Refusé puis livré');
    const refused = await vi.waitFor(async () => {
      const message = await readMessage(queued.id);
      expect(message).toMatchObject({ status: 'queued', attempts: 1 });
      return message;
    }, WAIT);
    expect(refused.lastError).toContain('451');
    expect(Date.parse(refused.nextAttemptAt)).toBeGreaterThanOrEqual(
      Date.parse(queued.createdAt) + MAIL_WORKER.retryBaseMs,
    );
    // Not due yet: a wake sends nothing.
    smtp.state.isRefusing = false;
    const before = smtp.received.length;
    server.deps.mail.wake();
    expect((await readMessage(queued.id)).status).toBe('queued');

    clock.set('2026-12-01T09:02:00Z');
    server.deps.mail.wake();
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail!.messageId).toBe(queued.messageId);
    await vi.waitFor(async () => {
      expect(await readMessage(queued.id)).toMatchObject({ status: 'sent', attempts: 2 });
    }, WAIT);
  });

  it('retries when the mail server is down and delivers once it is back', async () => {
    await smtp.stop();
    const queued = await queue('Serveur arrêté');
    const refused = await vi.waitFor(async () => {
      const message = await readMessage(queued.id);
      expect(message).toMatchObject({ status: 'queued', attempts: 1 });
      return message;
    }, WAIT);
    expect(refused.lastError).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start();
    const before = smtp.received.length;
    clock.set('2026-12-01T09:10:00Z');
    server.deps.mail.wake();
    await smtp.waitForMessages(before + 1);
    await vi.waitFor(async () => {
      expect((await readMessage(queued.id)).status).toBe('sent');
    }, WAIT);
  });

  it('fails a message refused with 550 after one attempt, and keeps one refused with 451 queued', async () => {
    smtp.state.refusals.set('inconnu@exemple.fr', 550);
    smtp.state.refusals.set('pleine@exemple.fr', 451);
    try {
      const permanent = await queue('Adresse inconnue', 'inconnu@exemple.fr');
      const temporary = await queue('Boîte pleine', 'pleine@exemple.fr');
      const failed = await vi.waitFor(async () => {
        const message = await readMessage(permanent.id);
        expect(message).toMatchObject({ status: 'failed', attempts: 1 });
        return message;
      }, WAIT);
      expect(failed.lastError).toContain('550');
      expect(failed.lastError).toContain('Adresse inconnue');
      const deferred = await vi.waitFor(async () => {
        const message = await readMessage(temporary.id);
        expect(message).toMatchObject({ status: 'queued', attempts: 1 });
        return message;
      }, WAIT);
      expect(deferred.lastError).toContain('451');
      expect(Date.parse(deferred.nextAttemptAt)).toBeGreaterThanOrEqual(
        Date.parse(temporary.createdAt) + MAIL_WORKER.retryBaseMs,
      );
    } finally {
      smtp.state.refusals.clear();
    }
  });

  it('never creates a message queued in a transaction that rolls back', async () => {
    const subject = `Annulé ${crypto.randomUUID()}`;
    await expect(
      server.deps.db.transaction(async (tx) => {
        await queueMail(tx, server.deps, { kind: 'test', to: 'x@exemple.fr', subject, text: 'x' });
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    server.deps.mail.wake();
    const list = await expectStatus(200, admin.api.outbox.$get({ query: { limit: '200' } }));
    expect(list.items.some((item) => item.subject === subject)).toBe(false);
  });

  it('lets an admin retry a failed message, and only a failed one', async () => {
    const queued = await queue('Échec puis réessai');
    await vi.waitFor(async () => {
      expect((await readMessage(queued.id)).status).toBe('sent');
    }, WAIT);
    await expectError(
      'invalid_transition',
      admin.api.outbox[':id'].retry.$post({ param: { id: queued.id } }),
    );
    await server.deps.db.execute(
      sql`update outbox_messages set status = 'failed', attempts = 8 where id = ${queued.id}`,
    );
    const before = smtp.received.length;
    const retried = await expectStatus(
      200,
      admin.api.outbox[':id'].retry.$post({ param: { id: queued.id } }),
    );
    expect(retried).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    await smtp.waitForMessages(before + 1);
    const staff = await server.signIn('staff');
    await expectError('forbidden', staff.api.outbox.$get({ query: {} }));
    await expectError('forbidden', staff.api.outbox.test.$post({ json: { to: 'x@exemple.fr' } }));
  });
});

describe.each(ENGINES)('the outbox without SMTP_URL on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  }, 30_000);
  afterAll(() => server?.close());

  it('holds messages and lists them for the admin, saying e-mail is not configured', async () => {
    const admin = await server.admin();
    const queued = await expectStatus(
      201,
      admin.api.outbox.test.$post({ json: { to: 'patron@garage.test' } }),
    );
    expect(queued.status).toBe('held');
    const list = await expectStatus(200, admin.api.outbox.$get({ query: { status: 'held' } }));
    expect(list.isConfigured).toBe(false);
    expect(list.items.map((item) => item.id)).toContain(queued.id);
  });
});

describe('the retry delay', () => {
  it('doubles from a minute at each attempt and stops growing at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(MAIL_WORKER.retryMaxMs);
  });
});
