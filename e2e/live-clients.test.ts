import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../server/test/api-client';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

/**
 * Two counter staff on two PCs (two browser contexts, two accounts): what one does appears on
 * the other's screen without a reload, and a stale save is refused with the other's version.
 */
describe('two staff on the clients list', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
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
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('shows a client created by one on the other’s screen without reload, with who is online', async () => {
    const marie = await login(browser, server.url, 'marie@garage.test', 'motdepasse-comptoir');
    const paul = await login(browser, server.url, 'paul@garage.test', 'motdepasse-comptoir');

    await paul.page.goto('/clients?q=Vasseur');
    await expect
      .poll(() => paul.page.getByText('Aucun client ne correspond').isVisible())
      .toBe(true);
    // Paul sees Marie online.
    await paul.page.getByTitle('Marie Dubois — en ligne').waitFor();
    const reloads: string[] = [];
    paul.page.on('load', () => reloads.push(paul.page.url()));

    await marie.page.goto('/clients/new');
    await marie.page.getByLabel('Prénom').fill('Élodie');
    await marie.page.getByLabel('Nom', { exact: true }).fill('Vasseur');
    await marie.page.getByLabel('Téléphone').fill('06 11 22 33 44');
    await marie.page.getByLabel('Ville').fill('Villeurbanne');
    await marie.page.getByRole('button', { name: 'Créer le client' }).click();
    await marie.page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);

    const row = paul.page.getByRole('row', { name: /Élodie Vasseur/ });
    await row.waitFor({ timeout: 5000 });
    await expect.poll(() => row.textContent()).toContain('06 11 22 33 44');
    await expect.poll(() => row.textContent()).toContain('modifié par Marie Dubois');
    expect(reloads).toEqual([]);

    // The live feed, folded under the workshop board, says who did it.
    await paul.page.getByRole('link', { name: 'Comptoir' }).click();
    await paul.page.getByText('Activité en direct').click();
    await paul.page.getByText('Marie Dubois a créé le client Élodie Vasseur').waitFor();

    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });

  it('merges two edits of one client, and shows the field both changed side by side', async () => {
    const admin = await server.admin();
    const client = await expectStatus(
      201,
      admin.api.clients.$post({
        json: { kind: 'person', firstName: 'Lucas', lastName: 'Perrin', address: { city: 'Lyon' } },
      }),
    );
    const readCity = async () =>
      (await expectStatus(200, admin.api.clients[':id'].$get({ param: { id: client.id } }))).address
        .city;
    const marie = await login(browser, server.url, 'marie@garage.test', 'motdepasse-comptoir');
    const paul = await login(browser, server.url, 'paul@garage.test', 'motdepasse-comptoir');
    for (const { page } of [marie, paul]) {
      await page.goto(`/clients/${client.id}`);
      await page.getByRole('button', { name: 'Modifier' }).click();
    }
    await marie.page.getByText('Paul Martin modifie cette fiche.').waitFor();

    // Paul types a city and a note; Marie saves another city and an e-mail first.
    await paul.page.getByLabel('Ville').fill('Vénissieux');
    await paul.page.getByLabel('Notes').fill('Préfère être appelé le matin');
    await marie.page.getByLabel('Ville').fill('Bron');
    await marie.page.getByLabel('E-mail').fill('lucas.perrin@exemple.fr');
    await marie.page.getByRole('button', { name: 'Enregistrer' }).click();
    await marie.page.getByText('Client enregistré.').waitFor();

    // Paul's form takes her e-mail by itself, and asks about the city.
    const conflict = paul.page.locator('.conflict');
    await conflict.waitFor();
    await expect.poll(() => conflict.textContent()).toContain('Marie Dubois a modifié ce client');
    const row = conflict.locator('[data-conflict="city"]');
    await expect.poll(() => row.textContent()).toContain('Bron');
    await expect.poll(() => row.textContent()).toContain('Vénissieux');
    await expect
      .poll(() => paul.page.getByLabel('E-mail').inputValue())
      .toBe('lucas.perrin@exemple.fr');
    expect(await readCity()).toBe('Bron');

    // He keeps his city, knowingly, and saves: her e-mail and his note stand with it.
    await row.getByText('Vénissieux').click();
    await paul.page.getByRole('button', { name: 'Appliquer mes choix' }).click();
    await paul.page.getByRole('button', { name: 'Enregistrer' }).click();
    await paul.page.getByText('Client enregistré.').waitFor();
    const saved = await expectStatus(
      200,
      admin.api.clients[':id'].$get({ param: { id: client.id } }),
    );
    expect([saved.address.city, saved.email, saved.notes]).toEqual([
      'Vénissieux',
      'lucas.perrin@exemple.fr',
      'Préfère être appelé le matin',
    ]);
    await marie.page.getByText(/Paul Martin a modifié ce client à/).waitFor();

    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });
});
