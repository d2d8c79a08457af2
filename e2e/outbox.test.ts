import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness';
import { type SmtpServer, startSmtpServer } from '../server/test/smtp';
import { launchBrowser, login } from './browser';

describe('the outbox in Paramètres → Courriels', () => {
  let smtp: SmtpServer;
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer('pglite', {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'garage@garage.test',
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await smtp?.stop();
  });

  it('sends a test message from the screen and shows it delivered', async () => {
    const admin = await login(browser, server.url, 'admin@garage.test', 'motdepasse-admin');
    await admin.page.goto('/settings/mail');
    await admin.page.getByText('Le courriel est configuré').waitFor();
    await admin.page.getByLabel('Adresse de destination').fill('patron@garage.test');
    await admin.page.getByRole('button', { name: 'Envoyer un message de test' }).click();
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('GestionPro : message de test');
    const row = admin.page.getByRole('row', { name: /patron@garage\.test/ });
    await row.waitFor();
    await expect
      .poll(
        async () => {
          await admin.page.getByRole('button', { name: 'Actualiser' }).click();
          return row.getByText('Envoyé').isVisible();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await admin.page.screenshot({ path: '/tmp/outbox-page.png', fullPage: true });
    expect(admin.errors).toEqual([]);
  }, 60_000);
});
