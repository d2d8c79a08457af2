import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../server/test/api-client';
import { buildClientInput, buildVehicleInput } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

describe('the alert inbox across two browsers', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(
      201,
      admin.api.staff.$post({
        json: {
          name: 'Yanis Comptoir',
          email: 'yanis@garage.test',
          role: 'staff',
          password: 'motdepasse-comptoir',
        },
      }),
    );
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('shows an alert raised by "Vérifier maintenant" on the other browser without reload', async () => {
    const admin = await login(browser, server.url, 'admin@garage.test', 'motdepasse-admin');
    const yanis = await login(browser, server.url, 'yanis@garage.test', 'motdepasse-comptoir');
    await yanis.page.goto('/alerts');
    await yanis.page.getByText('Rien à traiter pour l’instant.').waitFor();
    const reloads: string[] = [];
    yanis.page.on('load', () => reloads.push(yanis.page.url()));

    // A car whose CT found major defects long ago: its counter-visit is overdue.
    const api = await server.admin();
    const client = await expectStatus(
      201,
      api.api.clients.$post({ json: buildClientInput({ lastName: 'Garnier' }) }),
    );
    const car = await expectStatus(
      201,
      api.api.vehicles.$post({
        json: buildVehicleInput(client.id, {
          plate: 'GH-482-KL',
          firstRegistrationDate: '2018-01-01',
        }),
      }),
    );
    await expectStatus(
      201,
      api.api.vehicles[':id'].inspections.$post({
        param: { id: car.id },
        json: { date: '2025-03-10', result: 'major' },
      }),
    );

    await admin.page.goto('/alerts');
    await admin.page.getByRole('button', { name: 'Vérifier maintenant' }).click();
    await admin.page.getByText(/Vérification faite : 1 nouvelle/).waitFor();

    const item = yanis.page.getByTestId('alert-item').filter({ hasText: 'GH-482-KL' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Contre-visite du contrôle technique');
    expect(await item.textContent()).toContain('en retard');
    await yanis.page.getByRole('link', { name: /Alertes\s*1/ }).waitFor();

    // Resolving it on one screen clears it on the other.
    await item.getByRole('button', { name: 'Résoudre' }).click();
    await admin.page.getByText('Rien à traiter pour l’instant.').waitFor();
    expect(reloads).toEqual([]);
    expect([...admin.errors, ...yanis.errors]).toEqual([]);
    await admin.context.close();
    await yanis.context.close();
  });
});
