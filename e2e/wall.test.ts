import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { launchBrowser, login } from './browser';

describe('the workshop wall screen', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-e2e-wall-'));
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let wallToken: { id: string; token: string };
  let quote: { id: string; version: number };

  beforeAll(async () => {
    server = await startTestServer('pglite', { DATA_DIR: dataDir });
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    await expectStatus(
      201,
      admin.api.staff.$post({
        json: {
          name: 'Lina Comptoir',
          email: 'lina@garage.test',
          role: 'staff',
          password: 'motdepasse-comptoir',
        },
      }),
    );
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const car = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const draft = await expectStatus(
      201,
      admin.api.quotes.$post({
        json: { clientId: client.id, vehicleId: car.id, jobs: buildJobs() },
      }),
    );
    quote = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
    wallToken = await expectStatus(
      201,
      admin.api['display-tokens'].$post({ json: { name: 'Atelier' } }),
    );
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in with its token, follows changes made elsewhere, survives a restart, drops when revoked', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1600, height: 900 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const wall = await context.newPage();
    const errors: string[] = [];
    wall.on('pageerror', (error) => errors.push(error.message));
    await wall.goto(`/wall?token=${wallToken.token}`);
    await wall.getByTestId('wall-connection').filter({ hasText: 'En direct' }).waitFor();
    expect(new URL(wall.url()).search).toBe('');
    const accepted = wall.getByTestId('figure-accepted-month');
    await expect.poll(() => accepted.textContent()).toBe('0,00\u00a0€');
    expect(await wall.locator('input, button, form').count()).toBe(0);
    const reloads: string[] = [];
    wall.on('load', () => reloads.push(wall.url()));

    const lina = await login(browser, server.url, 'lina@garage.test', 'motdepasse-comptoir');
    await lina.page.goto(`/quotes/${quote.id}`);
    await lina.page.getByRole('button', { name: 'Accord du client' }).click();
    await lina.page.getByRole('button', { name: 'Enregistrer' }).click();
    await lina.page.getByText('Accord du client enregistré.').waitFor();

    // 142,41 € HT accepted: the figure changes on the wall, without reload.
    await expect.poll(() => accepted.textContent(), { timeout: 10_000 }).toBe('142,41\u00a0€');
    await wall
      .getByTestId('wall-feed')
      .getByText(/Lina Comptoir a enregistré l’accord sur le devis DEV-/)
      .waitFor();
    expect(reloads).toEqual([]);
    expect([...errors, ...lina.errors]).toEqual([]);
    await lina.context.close();

    // The server restarts: the wall comes back by itself.
    const port = String(server.port);
    await server.close();
    await wall
      .getByTestId('wall-connection')
      .filter({ hasText: /Reconnexion|Hors ligne/ })
      .waitFor();
    server = await startTestServer('pglite', { DATA_DIR: dataDir, PORT: port });
    await wall
      .getByTestId('wall-connection')
      .filter({ hasText: 'En direct' })
      .waitFor({ timeout: 30_000 });
    // Still live after the restart: a new write reaches it.
    const admin = await server.admin();
    await expectStatus(
      201,
      admin.api.clients.$post({ json: buildClientInput({ lastName: 'Apresredemarrage' }) }),
    );
    await wall
      .getByTestId('wall-feed')
      .getByText(/Apresredemarrage/)
      .waitFor({ timeout: 10_000 });

    // Revoked: it drops at once, and shows no login form.
    await expectStatus(
      200,
      admin.api['display-tokens'][':id'].$delete({ param: { id: wallToken.id } }),
    );
    await wall.getByText('Cet écran n’est pas (ou plus) autorisé.').waitFor({ timeout: 10_000 });
    expect(await wall.locator('input, form').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
