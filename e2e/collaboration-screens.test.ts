import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInParis } from '../domain/dates';
import { expectStatus } from '../server/test/api-client';
import { buildClientInput, buildSettings, buildVehicleInput } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

const PASSWORD = 'motdepasse-comptoir';
const MARIE = { name: 'Marie Dubois', email: 'marie.screens@garage.test', role: 'staff' as const };
const PAUL = { name: 'Paul Martin', email: 'paul.screens@garage.test', role: 'staff' as const };
const LEA = { name: 'Léa Gérante', email: 'lea.screens@garage.test', role: 'admin' as const };

/** What was broken on the other screens, each journey with the browser(s) it takes. */
describe('collaboration on the client, vehicle, alert and settings screens', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    for (const person of [MARIE, PAUL, LEA]) {
      await expectStatus(201, admin.api.staff.$post({ json: { ...person, password: PASSWORD } }));
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('asks before Escape drops a filled client form, and keeps what was typed', async () => {
    const admin = await server.admin();
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    await marie.page.goto(`/clients/${client.id}`);
    await marie.page.getByRole('button', { name: 'Modifier' }).click();
    await marie.page.getByLabel('Ville').fill('Bron');
    await marie.page.keyboard.press('Escape');
    const ask = marie.page.getByRole('dialog', { name: 'Abandonner vos modifications ?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Continuer la saisie' }).click();
    expect(await marie.page.getByLabel('Ville').inputValue()).toBe('Bron');

    await marie.page.getByLabel('Ville').press('Escape');
    await ask.getByRole('button', { name: 'Abandonner la saisie' }).click();
    await marie.page.getByRole('button', { name: 'Modifier' }).waitFor();
    const saved = await expectStatus(
      200,
      admin.api.clients[':id'].$get({ param: { id: client.id } }),
    );
    expect(saved.address.city).toBe('Lyon');
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });

  it('finds the new owner by a whole name typed in « Changer de propriétaire »', async () => {
    const admin = await server.admin();
    const owner = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const buyer = await expectStatus(
      201,
      admin.api.clients.$post({
        json: buildClientInput({ firstName: 'Élodie', lastName: 'Vasseur', civility: 'mrs' }),
      }),
    );
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(owner.id) }),
    );
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    await marie.page.goto(`/vehicles/${vehicle.id}`);
    await marie.page.getByRole('button', { name: 'Changer de propriétaire' }).click();
    const dialog = marie.page.getByRole('dialog', { name: 'Changer de propriétaire' });
    const search = dialog.getByLabel('Nouveau propriétaire');
    await search.pressSequentially('Vasseur', { delay: 40 });
    const found = dialog.getByRole('button', { name: /Élodie Vasseur/ });
    await found.waitFor();
    expect(await search.inputValue()).toBe('Vasseur');
    await found.click();
    await dialog.getByRole('button', { name: /Transférer à .*Élodie Vasseur/ }).click();
    await expect
      .poll(async () => {
        const current = await expectStatus(
          200,
          admin.api.vehicles[':id'].$get({ param: { id: vehicle.id } }),
        );
        return current.clientId;
      })
      .toBe(buyer.id);
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });

  it('takes a snoozed alert out of « À traiter » on every screen at once', async () => {
    const admin = await server.admin();
    const client = await expectStatus(
      201,
      admin.api.clients.$post({ json: buildClientInput({ lastName: 'Rappel' }) }),
    );
    await expectStatus(
      201,
      admin.api.alerts.$post({
        json: {
          subjectType: 'client',
          subjectId: client.id,
          title: 'Rappeler pour les pneus neige',
          dueDate: todayInParis(new Date()),
        },
      }),
    );
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    const paul = await login(browser, server.url, PAUL.email, PASSWORD);
    const item = (page: typeof marie.page) =>
      page.getByTestId('alert-item').filter({ hasText: 'Rappeler pour les pneus neige' });
    for (const { page } of [marie, paul]) {
      await page.goto('/alerts');
      await item(page).waitFor();
    }

    await item(paul.page).getByRole('button', { name: 'Reporter' }).click();
    const dialog = paul.page.getByRole('dialog', { name: 'Reporter l’alerte' });
    await dialog.getByRole('button', { name: 'Reporter' }).click();
    await expect.poll(() => item(paul.page).count()).toBe(0);
    await expect.poll(() => item(marie.page).count()).toBe(0);

    // Still found where it belongs.
    await marie.page.getByLabel('Statut').selectOption({ label: 'Reportées' });
    await item(marie.page).waitFor();
    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });

  it('leaves an admin’s settings form whole when another admin saves the alert rules', async () => {
    const admin = await login(browser, server.url, 'admin@garage.test', 'motdepasse-admin');
    const lea = await login(browser, server.url, LEA.email, PASSWORD);
    await admin.page.goto('/settings');
    const name = admin.page.getByLabel('Raison sociale');
    await expect.poll(() => name.inputValue()).toBe('Garage du Parc');
    await admin.page.getByLabel('Téléphone').fill('04 78 00 00 00');

    await lea.page.goto('/settings/alerts');
    await lea.page.getByLabel('Ouvrir l’alerte (jours avant l’échéance)').fill('25');
    await lea.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await lea.page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();
    const api = await server.admin();
    await expect
      .poll(async () => (await expectStatus(200, api.api['alert-rules'].$get())).openDaysBefore)
      .toBe(25);

    // The live change reached the admin's screen and was not taken for the company settings.
    expect(await name.inputValue()).toBe('Garage du Parc');
    expect(await admin.page.getByLabel('Téléphone').inputValue()).toBe('04 78 00 00 00');
    expect([...admin.errors, ...lea.errors]).toEqual([]);
    await admin.context.close();
    await lea.context.close();
  });
});
