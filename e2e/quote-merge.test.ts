import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../domain/schemas/quote';
import { expectStatus } from '../server/test/api-client';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

/** SCREENSHOT_DIR keeps a picture of both browsers after each merge, to look at. */
const SHOTS = process.env.SCREENSHOT_DIR;
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const MARIE = { name: 'Marie Dubois', email: 'marie@garage.test' };
const PAUL = { name: 'Paul Martin', email: 'paul@garage.test' };
const PASSWORD = 'motdepasse-comptoir';

const descriptions = (page: Page) =>
  page
    .getByLabel('Description')
    .evaluateAll((cells) =>
      cells.map((cell) => (cell instanceof HTMLInputElement ? cell.value : '')),
    );

/**
 * Two counter staff on one quote, on two PCs (two browser contexts): whatever they do at the
 * same time, both keep their work and each is told what the other did.
 */
describe('two staff editing one quote', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  /** A fresh draft per journey: Plaquettes de frein avant and the labour line. */
  async function newQuote(): Promise<Quote> {
    const admin = await server.admin();
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    return expectStatus(
      201,
      admin.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs() },
      }),
    );
  }

  async function savedQuote(id: string): Promise<Quote> {
    const admin = await server.admin();
    return expectStatus(200, admin.api.quotes[':id'].$get({ param: { id } }));
  }

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    for (const person of [MARIE, PAUL]) {
      await expectStatus(
        201,
        admin.api.staff.$post({ json: { ...person, role: 'staff', password: PASSWORD } }),
      );
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('keeps a line one added and a line the other edited on a stale copy, and tells each', async () => {
    const quote = await newQuote();
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    const paul = await login(browser, server.url, PAUL.email, PASSWORD);
    // Paul's screen is cut from the live updates (the socket never reaches the server, by
    // WebSocket or by polling): his copy goes stale, as on a flaky network.
    await paul.page.routeWebSocket(/\/socket\.io\//, () => undefined);
    await paul.page.route('**/socket.io/**', (route) => route.abort());
    await paul.page.goto(`/quotes/${quote.id}`);
    await marie.page.goto(`/quotes/${quote.id}`);

    // Marie adds a line and saves.
    await marie.page.getByRole('button', { name: '+ Ligne' }).click();
    await marie.page.keyboard.type('Liquide de frein DOT 4');
    await marie.page.getByLabel('Prix unitaire HT').last().fill('12,90');
    await marie.page.keyboard.press('Control+s');
    await marie.page.getByText('Devis enregistré.').waitFor();

    // Paul, on the version before, changes the price of the pads and saves.
    await paul.page.getByLabel('Prix unitaire HT').nth(1).fill('55,00');
    await paul.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const told = paul.page.locator('.merge-notice');
    await expect.poll(() => told.textContent()).toContain('Marie Dubois a modifié ce devis');
    await expect
      .poll(() => told.textContent())
      .toContain('ligne « Liquide de frein DOT 4 » ajoutée');
    await expect.poll(() => told.textContent()).toContain('enregistrées avec les siennes');

    // Both pieces of work are saved, and on both screens.
    const saved = await savedQuote(quote.id);
    const lines = saved.jobs[0]!.lines;
    expect(lines.map((line) => line.description)).toEqual([
      'Main-d’œuvre mécanique',
      'Plaquettes de frein avant',
      'Liquide de frein DOT 4',
    ]);
    expect(lines[1]!.unitPriceCents).toBe(5500);
    expect(await descriptions(paul.page)).toEqual(lines.map((line) => line.description));
    await expect
      .poll(() => descriptions(marie.page))
      .toEqual(lines.map((line) => line.description));
    const toMarie = marie.page.locator('.merge-notice');
    await expect.poll(() => toMarie.textContent()).toContain('Paul Martin a modifié ce devis');
    await expect
      .poll(() => toMarie.textContent())
      .toContain('ligne « Plaquettes de frein avant » modifiée');
    await expect
      .poll(() => marie.page.getByLabel('Prix unitaire HT').nth(1).inputValue())
      .toBe('55,00');
    await shoot(marie.page, 'merge-added-vs-edited-marie');
    await shoot(paul.page, 'merge-added-vs-edited-paul');

    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });

  it('shows a line one deleted and the other edited side by side, and keeps the one picked', async () => {
    const quote = await newQuote();
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    const paul = await login(browser, server.url, PAUL.email, PASSWORD);
    await paul.page.goto(`/quotes/${quote.id}`);
    await marie.page.goto(`/quotes/${quote.id}`);
    await marie.page.getByText('Paul Martin consulte ce devis.').waitFor();

    // Paul starts changing the pads' description; Marie deletes that line and saves.
    await paul.page.getByLabel('Description').nth(1).fill('Plaquettes de frein avant céramique');
    await marie.page.getByText('Paul Martin modifie ce devis.').waitFor();
    await marie.page.getByRole('button', { name: 'Supprimer la ligne 2' }).click();
    await marie.page.keyboard.press('Control+s');
    await marie.page.getByText('Devis enregistré.').waitFor();

    // Paul sees both versions of that line, live, before he even saves.
    const conflict = paul.page.locator('.conflict');
    await conflict.waitFor();
    await expect.poll(() => conflict.textContent()).toContain('Marie Dubois a modifié ce devis');
    const row = conflict
      .locator('[data-conflict]')
      .filter({ hasText: 'Plaquettes de frein avant' });
    await expect.poll(() => row.textContent()).toContain('Supprimée');
    await expect.poll(() => row.textContent()).toContain('céramique');
    await shoot(paul.page, 'merge-deleted-vs-edited-paul-conflict');
    // Saving waits for his choice.
    await expect
      .poll(() => paul.page.getByRole('button', { name: 'Enregistrer', exact: true }).isDisabled())
      .toBe(true);

    // He keeps his line and saves: her deletion is undone knowingly, his edit stands.
    await row.getByText(/céramique/).click();
    await paul.page.getByRole('button', { name: 'Appliquer mes choix' }).click();
    await paul.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await paul.page.getByText('Devis enregistré.').waitFor();
    const saved = await savedQuote(quote.id);
    expect(saved.jobs[0]!.lines.map((line) => line.description)).toEqual([
      'Main-d’œuvre mécanique',
      'Plaquettes de frein avant céramique',
    ]);
    const toMarie = marie.page.locator('.merge-notice');
    await expect.poll(() => toMarie.textContent()).toContain('Paul Martin a modifié ce devis');
    await expect
      .poll(() => descriptions(marie.page))
      .toEqual(['Main-d’œuvre mécanique', 'Plaquettes de frein avant céramique']);
    await shoot(marie.page, 'merge-deleted-vs-edited-marie');
    await shoot(paul.page, 'merge-deleted-vs-edited-paul');

    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });

  it('shows the current version after Back, and the next save goes through', async () => {
    const quote = await newQuote();
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    await marie.page.goto('/quotes');
    await marie.page.goto(`/quotes/${quote.id}`);
    await marie.page.getByRole('link', { name: 'Devis', exact: true }).first().click();
    await marie.page.waitForURL(/\/quotes$/);

    // Meanwhile someone else adds a line.
    const admin = await server.admin();
    const current = await savedQuote(quote.id);
    await expectStatus(
      200,
      admin.api.quotes[':id'].$patch({
        param: { id: quote.id },
        json: {
          version: current.version,
          jobs: [
            {
              id: current.jobs[0]!.id,
              title: current.jobs[0]!.title,
              lines: [
                ...current.jobs[0]!.lines.map(
                  ({ totalExclVatCents: _, accepted: __, ...line }) => line,
                ),
                {
                  kind: 'part',
                  description: 'Balais d’essuie-glace',
                  quantity: 1,
                  unit: 'pièce',
                  unitPriceCents: 1990,
                  vatRateBp: 2000,
                  discountBp: 0,
                },
              ],
            },
          ],
        },
      }),
    );

    await marie.page.goBack();
    await expect
      .poll(() => descriptions(marie.page))
      .toEqual(['Main-d’œuvre mécanique', 'Plaquettes de frein avant', 'Balais d’essuie-glace']);
    await marie.page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();
    await marie.page.getByLabel('Notes').fill('Client prévenu par téléphone');
    await marie.page.keyboard.press('Control+s');
    await marie.page.getByText('Devis enregistré.').waitFor();
    expect((await savedQuote(quote.id)).notes).toBe('Client prévenu par téléphone');
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });

  it('asks before leaving unsaved edits by a link, Back or a reload, and keeps them', async () => {
    const quote = await newQuote();
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    // In-app from the list, so that Back stays in the app (the router's guard, not the browser's).
    await marie.page.goto('/quotes');
    await marie.page.locator(`a[href="/quotes/${quote.id}"]`).first().click();
    await marie.page.getByLabel('Notes').fill('À rappeler demain');

    // A link: she stays, her note with her.
    await marie.page.getByRole('link', { name: 'Clients', exact: true }).click();
    const dialog = marie.page.getByRole('dialog', { name: 'Modifications non enregistrées' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Rester sur la page' }).click();
    expect(marie.page.url()).toContain(`/quotes/${quote.id}`);
    expect(await marie.page.getByLabel('Notes').inputValue()).toBe('À rappeler demain');

    // A reload: the browser asks; she cancels.
    const asked = new Promise<string>((resolve) =>
      marie.page.once('dialog', (prompt) => {
        resolve(prompt.type());
        void prompt.dismiss();
      }),
    );
    await marie.page.evaluate(() => window.location.reload());
    expect(await asked).toBe('beforeunload');
    expect(await marie.page.getByLabel('Notes').inputValue()).toBe('À rappeler demain');

    // Back: asked again; this time she leaves on purpose.
    await marie.page.goBack();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await marie.page.waitForURL(/\/quotes$/);
    expect((await savedQuote(quote.id)).notes).toBeNull();
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });

  it('never deletes a job from the keyboard by Tab then Entrée on its title', async () => {
    const quote = await newQuote();
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    await marie.page.goto(`/quotes/${quote.id}`);
    const title = marie.page.getByLabel('Intitulé de la prestation 1');
    await title.click();
    await marie.page.keyboard.type(' et disques');
    await marie.page.keyboard.press('Tab');
    await marie.page.keyboard.press('Enter');
    await expect.poll(() => marie.page.locator('section.job').count()).toBe(1);
    expect(await title.inputValue()).toBe('Prestation 1 et disques');
    // Removing the job is still possible, and asked first.
    await marie.page.getByRole('button', { name: 'Retirer la prestation' }).click();
    await marie.page.getByRole('dialog', { name: 'Retirer cette prestation ?' }).waitFor();
    await marie.page.getByRole('button', { name: 'Garder' }).click();
    await expect.poll(() => marie.page.locator('section.job').count()).toBe(1);
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });

  it('shows what a partial agreement accepted in the editor, the list and the PDF', async () => {
    const quote = await newQuote();
    const admin = await server.admin();
    const sent = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        param: { id: quote.id },
        json: { to: 'sent', version: quote.version },
      }),
    );
    const marie = await login(browser, server.url, MARIE.email, PASSWORD);
    await marie.page.goto(`/quotes/${quote.id}`);
    await marie.page.getByRole('button', { name: 'Accord partiel' }).click();
    const decision = marie.page.getByRole('dialog', { name: 'Accord partiel' });
    await decision.getByText(/Main-d’œuvre mécanique/).click();
    await expect
      .poll(() => decision.getByTestId('decision-accepted-amount').textContent())
      .toContain('97,50');
    await decision.getByRole('button', { name: 'Enregistrer' }).click();
    await marie.page.getByText('Accord partiel enregistré.').waitFor();

    // 97,50 € HT of labour accepted, VAT 20 %: 117,00 € TTC.
    await expect
      .poll(() => marie.page.getByTestId('accepted-excl').textContent())
      .toBe('97,50\u00a0€');
    expect(await marie.page.getByTestId('accepted-incl').textContent()).toBe('117,00\u00a0€');
    await shoot(marie.page, 'accepted-amount-editor');

    await marie.page.goto('/quotes?status=partially_accepted');
    const row = marie.page.getByRole('row').filter({ hasText: sent.number ?? '' });
    await expect.poll(() => row.getByTestId('row-accepted').textContent()).toContain('97,50');
    await shoot(marie.page, 'accepted-amount-list');

    await marie.page.goto(`/quotes/${quote.id}`);
    const [download] = await Promise.all([
      marie.page.waitForEvent('download'),
      marie.page.getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    const file = join(SHOTS ?? '/tmp', `${sent.number}.pdf`);
    await download.saveAs(file);
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Montant accepté HT 97,50 €');
    expect(text).toContain('Montant accepté TTC 117,00 €');
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });
});
