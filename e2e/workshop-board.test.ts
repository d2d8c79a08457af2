import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRepairOrderVersion } from '../domain/repair-order/version-hash';
import type { RepairOrder, RepairOrderStatus } from '../domain/schemas/repair-order';
import { type ApiClient, expectStatus } from '../server/test/api-client';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

const SHOTS = '/work/shots';
const PASSWORD = 'motdepasse-comptoir';
const MARIE = { name: 'Marie Dubois', email: 'marie.board@garage.test', role: 'staff' as const };
const PAUL = { name: 'Paul Martin', email: 'paul.board@garage.test', role: 'staff' as const };
/** A 1×1 PNG, as the signature pad draws one. */
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const card = (page: Page, status: RepairOrderStatus, id: string) =>
  page.locator(
    `[data-testid="board-column"][data-status="${status}"] [data-testid="board-card"][data-id="${id}"]`,
  );
const column = (page: Page, status: RepairOrderStatus) =>
  page.locator(`[data-testid="board-column"][data-status="${status}"]`);

describe('the workshop board', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let admin: ApiClient;

  /** A walk-in OR (1,5 h of labour sold), promised at `promisedAt`. */
  async function openOrder(lastName: string, promisedAt: Date | null): Promise<RepairOrder> {
    const client = await expectStatus(
      201,
      admin.api.clients.$post({ json: buildClientInput({ lastName }) }),
    );
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id, { model: 'Mégane III' }) }),
    );
    return expectStatus(
      201,
      admin.api['repair-orders'].$post({
        json: {
          origin: 'walk_in',
          clientId: client.id,
          vehicleId: vehicle.id,
          mileageKm: 88_000,
          promisedAt: promisedAt?.toISOString() ?? null,
          jobs: buildJobs(1),
        },
      }),
    );
  }

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    for (const person of [MARIE, PAUL]) {
      await expectStatus(201, admin.api.staff.$post({ json: { ...person, password: PASSWORD } }));
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('moves a card on one counter and shows it moved on the other, refuses a move the server refuses, and shows the day on the wall without customers', async () => {
    // Promised in 30 min with 1 h 30 of work left: at risk. The other, signed, in 5 h.
    const unsigned = await openOrder('Confidentiel', new Date(Date.now() + 30 * 60_000));
    const opened = await openOrder('Discret', new Date(Date.now() + 5 * 3600_000));
    const signed = await expectStatus(
      201,
      admin.api['repair-orders'][':id'].signatures.$post({
        param: { id: opened.id },
        json: {
          version: opened.version,
          kind: 'check_in',
          signerName: 'Hélène Discret',
          image: SIGNATURE,
          versionHash: await hashRepairOrderVersion(opened),
        },
      }),
    );

    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    const paul = await login(browser, server.url, PAUL.email, PASSWORD);
    for (const { page } of [marie, paul]) {
      await page.goto('/');
      await card(page, 'todo', unsigned.id).waitFor();
      await card(page, 'todo', signed.id).waitFor();
    }
    const risky = card(marie.page, 'todo', unsigned.id);
    expect(await risky.getByTestId('board-risk').textContent()).toBe('Délai menacé');
    expect(await risky.textContent()).toContain(unsigned.vehiclePlate);
    expect(await risky.textContent()).toContain(unsigned.clientName);
    await expect.poll(() => column(marie.page, 'in_progress').textContent()).toContain('Aucun OR');

    // Marie drags the unsigned OR to « En attente de pièces » (allowed without a signature).
    await risky.dragTo(column(marie.page, 'waiting_parts'));
    await card(marie.page, 'waiting_parts', unsigned.id).waitFor();
    const moved = card(paul.page, 'waiting_parts', unsigned.id);
    await moved.waitFor();
    await moved.getByText('déplacé par Marie Dubois').waitFor();
    expect(await card(paul.page, 'todo', unsigned.id).count()).toBe(0);
    await paul.page.screenshot({ path: `${SHOTS}/board-paul-moved.png`, fullPage: true });

    // Then to « En cours »: the check-in is not signed, the server refuses, the card snaps back.
    await card(marie.page, 'waiting_parts', unsigned.id).dragTo(column(marie.page, 'in_progress'));
    await marie.page
      .getByText('Le client n’a pas encore signé la prise en charge du véhicule.', {
        exact: false,
      })
      .waitFor();
    await card(marie.page, 'waiting_parts', unsigned.id).waitFor();
    expect(await card(marie.page, 'in_progress', unsigned.id).count()).toBe(0);
    const current = await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$get({ param: { id: unsigned.id } }),
    );
    expect(current.status).toBe('waiting_parts');

    // Paul moves the signed OR from the keyboard: focused, Shift + → is « En cours ».
    const keyed = card(paul.page, 'todo', signed.id);
    await keyed.focus();
    await paul.page.keyboard.press('Shift+ArrowRight');
    await card(paul.page, 'in_progress', signed.id).waitFor();
    await expect
      .poll(() => paul.page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(signed.id);
    await card(marie.page, 'in_progress', signed.id).getByText('déplacé par Paul Martin').waitFor();

    // Marie gives the unsigned OR to Paul from its card.
    await card(marie.page, 'waiting_parts', unsigned.id)
      .getByLabel(`Technicien de ${unsigned.number}`)
      .selectOption({ label: PAUL.name });
    await expect
      .poll(async () => {
        const order = await expectStatus(
          200,
          admin.api['repair-orders'][':id'].$get({ param: { id: unsigned.id } }),
        );
        return order.technicianName;
      })
      .toBe(PAUL.name);
    await expect
      .poll(() =>
        card(paul.page, 'waiting_parts', unsigned.id)
          .getByLabel(`Technicien de ${unsigned.number}`)
          .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
      )
      .toBe(PAUL.name);
    // Paul's own cards: the filter keeps the one given to him, live.
    await paul.page.getByLabel('Technicien', { exact: true }).selectOption({ label: PAUL.name });
    await expect.poll(() => paul.page.getByTestId('board-card').count()).toBe(1);
    await card(paul.page, 'waiting_parts', unsigned.id).waitFor();
    await paul.page.getByLabel('Technicien', { exact: true }).selectOption({ label: 'Tous' });
    await card(paul.page, 'in_progress', signed.id).waitFor();
    await marie.page.screenshot({ path: `${SHOTS}/board-marie.png`, fullPage: true });
    await paul.page.screenshot({ path: `${SHOTS}/board-paul.png`, fullPage: true });

    // The wall in workshop mode: the cards, in large type, no customer name.
    const token = await expectStatus(
      201,
      admin.api['display-tokens'].$post({ json: { name: 'Atelier', mode: 'workshop' } }),
    );
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const wall = await context.newPage();
    const wallErrors: string[] = [];
    wall.on('pageerror', (error) => wallErrors.push(error.message));
    await wall.goto(`/wall?token=${token.token}`);
    const wallCard = (status: RepairOrderStatus, id: string) =>
      wall.locator(
        `[data-testid="workshop-column"][data-status="${status}"] [data-testid="workshop-card"][data-id="${id}"]`,
      );
    await wallCard('waiting_parts', unsigned.id).waitFor();
    await wallCard('in_progress', signed.id).waitFor();
    await wall.getByTestId('wall-connection').filter({ hasText: 'En direct' }).waitFor();
    const text = (await wall.locator('body').textContent()) ?? '';
    expect(text).toContain(unsigned.vehiclePlate);
    expect(text).toContain(PAUL.name);
    expect(text).toContain('Délai menacé');
    expect(text).not.toContain('Confidentiel');
    expect(text).not.toContain('Discret');
    expect(text).not.toContain('€');
    expect(await wall.locator('input, button, form').count()).toBe(0);

    // Live on the wall too: a move at the counter shows without reload.
    await card(paul.page, 'in_progress', signed.id).dragTo(column(paul.page, 'waiting_parts'));
    await wallCard('waiting_parts', signed.id).waitFor();
    await wall.screenshot({ path: `${SHOTS}/wall-workshop.png` });

    // The « Déplacer » menu does what a drag does: the allowed columns only.
    const menuCard = card(marie.page, 'waiting_parts', signed.id);
    await menuCard.getByRole('button', { name: `Déplacer ${signed.number}` }).click();
    const menu = menuCard.getByRole('menu', { name: `Déplacer ${signed.number} vers` });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['À faire', 'En cours']);
    await marie.page.screenshot({ path: `${SHOTS}/board-move-menu.png` });
    await menu.getByRole('menuitem', { name: 'En cours' }).click();
    await card(paul.page, 'in_progress', signed.id).waitFor();

    expect([...marie.errors, ...paul.errors, ...wallErrors]).toEqual([]);
    await context.close();
    await marie.context.close();
    await paul.context.close();
  });

  it('lets an admin make a screen show the workshop, at creation or later, and the screen opens in that mode', async () => {
    const order = await openOrder('Salle', null);
    const lobby = await expectStatus(
      201,
      admin.api['display-tokens'].$post({ json: { name: 'Accueil' } }),
    );
    const lea = await login(browser, server.url, 'admin@garage.test', 'motdepasse-admin');
    await lea.page.goto('/settings/displays');
    await lea.page.getByLabel('Nom de l’écran').fill('Atelier fond');
    await lea.page.getByLabel('Affichage', { exact: true }).selectOption({ label: 'Atelier' });
    await lea.page.getByRole('button', { name: 'Créer le jeton' }).click();
    const link = await lea.page.getByLabel('Lien de l’écran').inputValue();

    await lea.page.getByLabel('Affichage de Accueil').selectOption({ label: 'Atelier' });
    await lea.page
      .getByText('« Accueil » passe en mode « Atelier » à son prochain chargement.')
      .waitFor();
    await expect
      .poll(async () => {
        const { items } = await expectStatus(200, admin.api['display-tokens'].$get());
        return items
          .filter((token) => token.name === 'Accueil' || token.name === 'Atelier fond')
          .map((token) => `${token.name}: ${token.mode}`)
          .sort();
      })
      .toEqual(['Accueil: workshop', 'Atelier fond: workshop']);
    expect(lobby.mode).toBe('dashboard');
    await lea.page.screenshot({ path: `${SHOTS}/settings-displays.png`, fullPage: true });

    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const screen = await context.newPage();
    await screen.goto(link);
    await screen
      .locator(
        `[data-testid="workshop-column"][data-status="todo"] [data-testid="workshop-card"][data-id="${order.id}"]`,
      )
      .waitFor();
    expect(lea.errors).toEqual([]);
    await context.close();
    await lea.context.close();
  });
});
