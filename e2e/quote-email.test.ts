import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../server/test/api-client';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { type SmtpServer, startSmtpServer } from '../server/test/smtp';
import { launchBrowser, login } from './browser';

describe('a quote sent by e-mail from its page', () => {
  let smtp: SmtpServer;
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let quote: { id: string; number: string | null };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer('pglite', {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'garage@garage.test',
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    const client = await expectStatus(
      201,
      admin.api.clients.$post({ json: buildClientInput({ email: 'camille@exemple.fr' }) }),
    );
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const draft = await expectStatus(
      201,
      admin.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs() },
      }),
    );
    quote = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await smtp?.stop();
  });

  it('sends the quote with its PDF to the client’s address and shows « Envoyé » in its history', async () => {
    const admin = await login(browser, server.url, 'admin@garage.test', 'motdepasse-admin');
    await admin.page.goto(`/quotes/${quote.id}`);
    await admin.page.getByText('Aucun message envoyé pour ce devis.').waitFor();
    await admin.page.getByRole('button', { name: 'Envoyer par e-mail' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Envoyer le devis par e-mail' });
    const recipient = dialog.getByLabel('Destinataire');
    await expect.poll(() => recipient.inputValue(), { timeout: 5_000 }).toBe('camille@exemple.fr');
    await dialog.getByLabel('Message').fill('Voici le devis dont nous avons parlé.');
    await admin.page.screenshot({ path: '/work/shots/quote-email-dialog.png' });
    await dialog.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await admin.page.getByText('Devis envoyé à camille@exemple.fr.').waitFor();

    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toContain(quote.number!);
    expect(mail!.text).toContain('Voici le devis dont nous avons parlé.');
    expect(mail!.attachments[0]?.filename).toBe(`${quote.number}.pdf`);
    expect(mail!.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const row = admin.page.getByTestId('sent-message');
    await row.getByText('camille@exemple.fr').waitFor();
    // The history reads again while the message is on its way (no change event for delivery).
    await row.getByText('Envoyé', { exact: true }).waitFor({ timeout: 10_000 });
    await admin.page.screenshot({ path: '/work/shots/quote-email-history.png', fullPage: true });
    expect(admin.errors).toEqual([]);
  }, 90_000);
});
