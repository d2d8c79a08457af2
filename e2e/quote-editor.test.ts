import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEurosForPdf } from '../domain/money';
import { expectStatus } from '../server/test/api-client';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

describe('two staff on one quote', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let quoteId: string;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    for (const [name, email] of [
      ['Marie Dubois', 'marie@garage.test'],
      ['Paul Martin', 'paul@garage.test'],
    ] as const) {
      await expectStatus(
        201,
        admin.api.staff.$post({
          json: { name, email, role: 'staff', password: 'motdepasse-comptoir' },
        }),
      );
    }
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const quote = await expectStatus(
      201,
      admin.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs() },
      }),
    );
    quoteId = quote.id;
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('shows one’s line edits in the other’s totals live, then refuses the second of two saves', async () => {
    const marie = await login(browser, server.url, 'marie@garage.test', 'motdepasse-comptoir');
    const paul = await login(browser, server.url, 'paul@garage.test', 'motdepasse-comptoir');
    await paul.page.goto(`/quotes/${quoteId}`);
    await marie.page.goto(`/quotes/${quoteId}`);
    const total = (page: typeof marie.page) => page.getByTestId('total-incl').textContent();
    // 97,50 + 44,91 HT, 20 % → 170,89 € TTC.
    expect(await total(paul.page)).toBe('170,89\u00a0€');
    await marie.page.getByText('Paul Martin consulte ce devis.').waitFor();

    // Marie adds a line with the keyboard; her totals follow each keystroke.
    await marie.page.getByRole('button', { name: '+ Ligne' }).click();
    await marie.page.keyboard.type('Liquide de frein DOT 4');
    await marie.page.keyboard.press('Tab');
    await marie.page.keyboard.type('LDF-4');
    await marie.page.keyboard.press('Tab');
    await marie.page.keyboard.press('Control+A');
    await marie.page.keyboard.type('2');
    await marie.page.keyboard.press('Tab');
    await marie.page.keyboard.press('Tab');
    await marie.page.keyboard.type('12,9');
    // + 2 × 12,90 = 25,80 HT: 168,21 HT → 201,85 € TTC.
    await expect.poll(() => total(marie.page)).toBe('201,85\u00a0€');
    await paul.page.getByText('Marie Dubois modifie ce devis.').waitFor();
    await marie.page.keyboard.press('Control+s');
    await marie.page.getByText('Devis enregistré.').waitFor();
    await expect.poll(() => total(paul.page)).toBe('201,85\u00a0€');

    // Both change the same price; Marie saves first. Paul sees the two prices side by side,
    // live, and picks: nothing of either is dropped unseen.
    const firstPrice = (page: typeof marie.page) => page.getByLabel('Prix unitaire HT').first();
    await firstPrice(marie.page).fill('70,00');
    await firstPrice(paul.page).fill('60,00');
    await marie.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await marie.page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();
    const conflict = paul.page.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Marie Dubois a modifié ce devis');
    const row = conflict.locator('[data-conflict]').first();
    await expect.poll(() => row.textContent()).toContain('70,00');
    await expect.poll(() => row.textContent()).toContain('60,00');
    await row.getByText(/70,00/).click();
    await paul.page.getByRole('button', { name: 'Appliquer mes choix' }).click();
    await expect.poll(() => firstPrice(paul.page).inputValue()).toBe('70,00');
    await paul.page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();
    const admin = await server.admin();
    const saved = await expectStatus(200, admin.api.quotes[':id'].$get({ param: { id: quoteId } }));
    expect(saved.jobs[0]!.lines[0]!.unitPriceCents).toBe(7000);
    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });

  it('downloads the sent quote as DEV-YYYY-NNNNN.pdf, drawn in the browser; other pages never load jsPDF', async () => {
    const admin = await server.admin();
    const byId = { param: { id: quoteId } };
    const draft = await expectStatus(200, admin.api.quotes[':id'].$get(byId));
    const sent = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        ...byId,
        json: { to: 'sent', version: draft.version },
      }),
    );
    const marie = await login(browser, server.url, 'marie@garage.test', 'motdepasse-comptoir');
    const scripts: string[] = [];
    marie.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    for (const path of ['/', '/clients', '/vehicles', '/quotes', `/quotes/${quoteId}`]) {
      await marie.page.goto(path);
      await marie.page.locator('h1').first().waitFor();
    }
    expect(scripts.filter((url) => url.includes('build-quote-pdf'))).toEqual([]);

    const [download] = await Promise.all([
      marie.page.waitForEvent('download'),
      marie.page.getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${sent.number}.pdf`);
    expect(scripts.some((url) => url.includes('build-quote-pdf'))).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'gp-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain(sent.number!);
    expect(text).toContain('Garage du Parc');
    expect(text).toContain(`Total TTC ${formatEurosForPdf(sent.totals.inclVatCents)}`);
    expect(text).toContain('Bon pour accord');
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });
});
