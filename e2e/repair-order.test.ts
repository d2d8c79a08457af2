import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInParis } from '../domain/dates';
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

const SHOTS = '/work/shots';
const PASSWORD = 'motdepasse-comptoir';

/** A small PNG (a grey car-ish gradient) built here: the browser decodes, resizes and sends it. */
function buildPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows.set([40 + (x % 200), 80 + (y % 150), 160], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A signature drawn with the mouse, in three strokes across the pad. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByRole('img', { name: 'Signature du client' });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('No signature pad on screen');
  const strokes = [
    [0.1, 0.6, 0.3, 0.3, 0.45, 0.7],
    [0.45, 0.7, 0.6, 0.35, 0.75, 0.65],
    [0.2, 0.8, 0.85, 0.75],
  ];
  for (const stroke of strokes) {
    await page.mouse.move(box.x + box.width * stroke[0]!, box.y + box.height * stroke[1]!);
    await page.mouse.down();
    for (let i = 2; i < stroke.length; i += 2) {
      await page.mouse.move(box.x + box.width * stroke[i]!, box.y + box.height * stroke[i + 1]!, {
        steps: 8,
      });
    }
    await page.mouse.up();
  }
}

describe('a repair order at the counter', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let quote: Quote;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
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
        admin.api.staff.$post({ json: { name, email, role: 'staff', password: PASSWORD } }),
      );
    }
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
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
    const byId = { param: { id: draft.id } };
    const sent = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        ...byId,
        json: { to: 'sent', version: draft.version },
      }),
    );
    quote = await expectStatus(
      200,
      admin.api.quotes[':id'].transition.$post({
        ...byId,
        json: {
          to: 'accepted',
          version: sent.version,
          channel: 'signature',
          signerName: 'Mme Hélène Test',
        },
      }),
    );
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('opens the OR from the accepted quote, checks the car in with a photo and a signature, gets extra work authorised by phone and more refused, hands the car back despite a stale signature and prints it', async () => {
    const marie = await login(browser, server.url, 'marie@garage.test', PASSWORD);
    const paul = await login(browser, server.url, 'paul@garage.test', PASSWORD);
    const page = marie.page;

    // From the accepted quote, "Ouvrir un OR" opens it and goes there.
    await page.goto(`/quotes/${quote.id}`);
    await page.getByRole('button', { name: 'Ouvrir un OR' }).click();
    await page.waitForURL(/\/repair-orders\/[0-9a-f-]+$/);
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    const heading = page.locator('h1');
    await expect.poll(() => heading.textContent()).toMatch(/^OR-\d{4}-\d{5}/);
    const number = (await heading.textContent())!.match(/OR-\d{4}-\d{5}/)![0];
    await page.getByText('Devis accepté').first().waitFor();
    await page.getByRole('link', { name: quote.number! }).waitFor();
    // Paul has the same OR open on another screen.
    await paul.page.goto(`/repair-orders/${orderId}`);
    await paul.page.getByLabel('Kilométrage (km)').waitFor();

    // A second time, the quote leads to the OR it already has.
    await page.goto(`/quotes/${quote.id}`);
    await page.getByRole('button', { name: 'Ouvrir un OR' }).click();
    await page.waitForURL(`**/repair-orders/${orderId}`);
    await page.getByText('Ce devis a déjà son ordre de réparation').waitFor();

    // A headlamp to replace: a part of a PIEC category, offered from the circular economy.
    await page.getByRole('button', { name: '+ Prestation' }).click();
    await page.getByLabel('Intitulé de la prestation').fill('Optique avant');
    const newLine = page.getByTestId('ro-new-line').first();
    await newLine.getByLabel('Type de ligne').selectOption('part');
    await newLine.getByLabel('Désignation').fill('Phare avant gauche');
    await newLine.getByLabel('Prix unitaire HT').fill('180');
    await newLine.getByLabel('Catégorie PIEC').selectOption('optics');
    await page.getByRole('button', { name: 'Ajouter la prestation' }).click();
    await page.getByText('Prestation ajoutée.').waitFor();
    const signButton = page.getByRole('button', { name: 'Faire signer la réception' });
    expect(await signButton.isDisabled()).toBe(true);
    await page.getByLabel('Choix PIEC Phare avant gauche').selectOption('refused');

    // The check-in.
    await page.getByLabel('Kilométrage (km)').fill('123456');
    await page.getByLabel('Niveau de carburant').selectOption('half');
    await page.getByLabel('Étiquette des clés').fill('Crochet 12');
    await page.getByLabel('Dommages visibles').fill('Rayure porte arrière droite');
    const tomorrow = addDays(todayInParis(new Date()), 1);
    await page.locator('#ro-promise-date').fill(tomorrow);
    await page.locator('#ro-promise-time').fill('17:30');
    await page.getByRole('button', { name: 'Enregistrer la réception' }).click();
    await page.getByText('Réception enregistrée.').waitFor();
    await expect.poll(() => page.getByTestId('ro-promise').textContent()).toContain('17:30');
    // Paul's screen follows.
    await expect.poll(() => paul.page.getByLabel('Kilométrage (km)').inputValue()).toBe('123456');
    await expect
      .poll(() => paul.page.getByLabel('Choix PIEC Phare avant gauche').inputValue())
      .toBe('refused');

    // A photo, resized in the browser and sent with its progress.
    await page.getByTestId('ro-photo-input').setInputFiles({
      name: 'aile.png',
      mimeType: 'image/png',
      buffer: buildPng(640, 480),
    });
    await page.locator('img.ro-photo').first().waitFor();
    await expect
      .poll(() =>
        page
          .locator('img.ro-photo')
          .first()
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(640);
    await page.screenshot({ path: join(SHOTS, 'or-check-in.png'), fullPage: true });

    // The customer signs what is shown.
    await signButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signature de la réception' });
    await dialog.waitFor();
    await dialog.getByText(number).waitFor();
    await expect
      .poll(() => dialog.locator('.ro-hash code').textContent())
      .toMatch(/^[0-9a-f]{16}$/);
    await dialog.getByLabel('Nom du signataire').fill('Hélène Test');
    await drawSignature(page);
    // Someone changes the OR on another screen while the customer reads: said, and signed again.
    const admin = await server.admin();
    const shown = await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$get({ param: { id: orderId } }),
    );
    await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$patch({
        param: { id: orderId },
        json: { version: shown.version, damage: 'Rayure porte arrière droite, jante avant' },
      }),
    );
    await dialog.getByText('vient d’être modifié sur un autre poste').waitFor();
    await dialog.getByText('jante avant').waitFor();
    expect(await dialog.getByRole('button', { name: 'Valider la signature' }).isDisabled()).toBe(
      true,
    );
    await drawSignature(page);
    await page.screenshot({ path: join(SHOTS, 'or-signature-dialog.png') });
    await dialog.getByRole('button', { name: 'Valider la signature' }).click();
    await page.getByText('Réception signée').waitFor();
    await expect.poll(() => page.getByTestId('ro-checked-in').textContent()).toMatch(/^le /);
    expect(await page.getByTestId('ro-signature').count()).toBe(1);

    // Into the workshop, then extra work found: it waits for the customer.
    await page.getByRole('button', { name: 'Passer en cours' }).click();
    await page.locator('h1 .badge', { hasText: 'En cours' }).waitFor();
    // Paul takes the car; his screen shows it too.
    await page.getByLabel('Technicien').selectOption({ label: 'Paul Martin' });
    await page.getByText('Technicien attribué.').waitFor();
    await expect
      .poll(async () => {
        const select = paul.page.getByLabel('Technicien');
        return select.locator('option:checked').textContent();
      })
      .toBe('Paul Martin');
    await page.getByRole('button', { name: '+ Travaux supplémentaires' }).click();
    await page.getByLabel('Constat (ce que le client doit savoir)').fill('Disques voilés');
    await page.getByLabel('Intitulé de la prestation').fill('Disques de frein avant');
    const extra = page.getByTestId('ro-new-line').first();
    await extra.getByLabel('Désignation').fill('Remplacement des disques');
    await extra.getByLabel('Heures').fill('1');
    await extra.getByLabel('Prix unitaire HT').fill('65');
    await page.getByRole('button', { name: 'Proposer au client' }).click();
    const amendment = page.getByTestId('ro-amendment').first();
    await amendment.getByText('En attente d’accord').waitFor();
    await page.locator('h1 .badge', { hasText: 'En attente d’accord' }).waitFor();
    await page.locator('.ro-job-waiting', { hasText: 'Disques de frein avant' }).waitFor();

    // The customer says yes on the phone.
    await amendment.getByRole('button', { name: 'Réponse par téléphone' }).click();
    const phone = page.getByRole('dialog', { name: 'Réponse du client par téléphone' });
    await phone.waitFor();
    expect(await phone.getByLabel('Appel passé par').inputValue()).toBe('Marie Dubois');
    await phone.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await amendment.getByText('Autorisés').waitFor();
    await expect
      .poll(() => amendment.getByTestId('ro-amendment-decision').textContent())
      .toContain('Accord par téléphone (Marie Dubois →');
    await page.locator('h1 .badge', { hasText: 'En cours' }).waitFor();
    expect(await page.locator('.ro-job-waiting').count()).toBe(0);

    // More work found; the customer, at the counter, signs that they refuse it: kept for later.
    await page.getByRole('button', { name: '+ Travaux supplémentaires' }).click();
    await page.getByLabel('Constat (ce que le client doit savoir)').fill('Balais usés');
    await page.getByLabel('Intitulé de la prestation').fill('Essuie-glaces');
    const wipers = page.getByTestId('ro-new-line').first();
    await wipers.getByLabel('Type de ligne').selectOption('part');
    await wipers.getByLabel('Désignation').fill('Balais d’essuie-glace avant');
    await wipers.getByLabel('Prix unitaire HT').fill('25');
    await page.getByRole('button', { name: 'Proposer au client' }).click();
    const second = page.getByTestId('ro-amendment').nth(1);
    await second.getByText('En attente d’accord').waitFor();
    await second.getByRole('button', { name: 'Refus signé' }).click();
    const refusal = page.getByRole('dialog', { name: 'Refus des travaux supplémentaires' });
    await refusal.waitFor();
    await refusal
      .getByTestId('ro-sign-amendment')
      .getByText('Balais d’essuie-glace avant')
      .waitFor();
    await expect
      .poll(() => refusal.locator('.ro-hash code').textContent())
      .toMatch(/^[0-9a-f]{16}$/);
    await drawSignature(page);
    await refusal.getByRole('button', { name: 'Valider la signature' }).click();
    await second.getByText('Refusés').waitFor();
    await second.getByText('Gardés en travaux à prévoir.').waitFor();
    await page.locator('h1 .badge', { hasText: 'En cours' }).waitFor();
    expect(await page.getByTestId('ro-signature').count()).toBe(2);

    // Done, then handed back with the checklist and the customer's signature.
    await page.getByRole('button', { name: 'Travaux terminés' }).click();
    await page.locator('h1 .badge', { hasText: 'Terminé' }).waitFor();
    await page.getByRole('button', { name: 'Reprendre les travaux' }).waitFor();
    const handBack = page.locator('section', { hasText: 'Restitution du véhicule' });
    await handBack.getByTestId('ro-next-ct').waitFor();
    for (const label of [
      'Travaux réalisés expliqués au client',
      'Travaux refusés ou à prévoir rappelés',
      'Prochain contrôle technique et prochain entretien rappelés',
    ]) {
      await handBack.getByLabel(label).check();
    }
    await page.screenshot({ path: join(SHOTS, 'or-hand-back.png'), fullPage: true });
    await handBack.getByRole('button', { name: 'Faire signer la restitution' }).click();
    const handBackDialog = page.getByRole('dialog', { name: 'Signature de la restitution' });
    await handBackDialog.waitFor();
    await expect
      .poll(() => handBackDialog.locator('.ro-hash code').textContent())
      .toMatch(/^[0-9a-f]{16}$/);
    await expect.poll(() => handBack.textContent()).toContain('À prévoir : ');
    await drawSignature(page);
    // The client is renamed on another screen just as the customer signs: the name is in what
    // is signed, so the server refuses the stale signature and the dialog shows the OR again.
    const client = await expectStatus(
      200,
      admin.api.clients[':id'].$get({ param: { id: quote.clientId } }),
    );
    await page.route(
      '**/api/v1/repair-orders/*/signatures',
      async (route) => {
        await expectStatus(
          200,
          admin.api.clients[':id'].$patch({
            param: { id: client.id },
            json: { version: client.version, lastName: 'Test-Renommée' },
          }),
        );
        await route.continue();
      },
      { times: 1 },
    );
    await handBackDialog.getByRole('button', { name: 'Valider la signature' }).click();
    await handBackDialog.getByText('a changé entre-temps').waitFor();
    await handBackDialog.getByText('Test-Renommée').first().waitFor();
    await drawSignature(page);
    await handBackDialog.getByRole('button', { name: 'Valider la signature' }).click();
    await page.getByTestId('ro-handed-back').waitFor();
    await page.locator('h1 .badge', { hasText: 'Restitué' }).waitFor();
    await page.locator('.ro-locked', { hasText: 'Restitué le' }).waitFor();
    expect(await page.getByRole('button', { name: '+ Travaux supplémentaires' }).count()).toBe(0);
    await paul.page.locator('h1 .badge', { hasText: 'Restitué' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'or-page.png'), fullPage: true });

    // The OR's PDF, drawn in the browser with the signatures' images.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const folder = mkdtempSync(join(tmpdir(), 'gp-or-'));
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const mention of [
      'ORDRE DE RÉPARATION',
      number,
      `D’après le devis ${quote.number}`,
      'Phare avant gauche',
      'PIEC refusée',
      'Niveau de carburant : 1/2',
      'Dégâts visibles : Rayure porte arrière droite, jante avant',
      'Clés : étiquette Crochet 12',
      'Photos : 1 prise à la réception',
      'Travaux supplémentaires n° 1 — Autorisés',
      'Autorisés par téléphone : appel de Marie Dubois',
      'Travaux supplémentaires n° 2 — Refusés : travaux à prévoir',
      'Refusés par la signature de',
      'Test-Renommée',
      'Hélène Test',
      'Véhicule restitué le',
    ]) {
      expect(text).toContain(mention);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, 'or-pdf')]);
    await page.getByRole('button', { name: 'Aperçu' }).click();
    const preview = page.getByRole('dialog', { name: 'Aperçu de l’ordre de réparation' });
    await expect
      .poll(() => preview.locator('iframe.pdf-preview').getAttribute('src'))
      .toMatch(/^blob:/);
    await preview.getByRole('button', { name: 'Fermer' }).click();
    expect(readdirSync(SHOTS).some((name) => name.startsWith('or-pdf'))).toBe(true);

    // At the counter on a phone or a small tablet.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('ro-handed-back').waitFor();
    await page.screenshot({ path: join(SHOTS, 'or-page-phone.png'), fullPage: true });

    expect([...marie.errors, ...paul.errors]).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  });

  it('opens a warranty OR from the vehicle page, refuses a file that is no image, takes the work typed at the counter, merges two check-in edits and lets the second pick on the overlap, and says so when an OR does not exist', async () => {
    const admin = await server.admin();
    const vehicleId = quote.vehicleId!;
    const marie = await login(browser, server.url, 'marie@garage.test', PASSWORD);
    const page = marie.page;
    await page.goto(`/vehicles/${vehicleId}`);
    await page.getByRole('button', { name: 'Nouvel OR' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel ordre de réparation' });
    await dialog.getByLabel('Origine').selectOption('warranty');
    await dialog.getByLabel('Motif de la venue').fill('Bruit au freinage');
    await dialog.getByRole('button', { name: 'Ouvrir l’OR' }).click();
    await page.waitForURL(/\/repair-orders\/[0-9a-f-]+$/);
    await page.getByText('Garantie').first().waitFor();
    await page.getByText('Aucune prestation pour l’instant.').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const opened = await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$get({ param: { id } }),
    );
    expect(opened).toMatchObject({ origin: 'warranty', notes: 'Bruit au freinage', jobs: [] });
    expect(
      await page.getByRole('button', { name: 'Faire signer la réception' }).getAttribute('title'),
    ).toBe('Ajoutez d’abord les travaux commandés.');

    // A file that is not an image is said so, and nothing is sent.
    await page.getByTestId('ro-photo-input').setInputFiles({
      name: 'aile.png',
      mimeType: 'image/png',
      buffer: Buffer.from('pas une image'),
    });
    await page.getByTestId('ro-photo-upload').getByText('n’est pas une image lisible').waitFor();
    expect(await page.locator('img.ro-photo').count()).toBe(0);

    // The work typed at the counter, then the check-in on a tablet held upright.
    await page.getByRole('button', { name: '+ Prestation' }).click();
    await page.getByLabel('Intitulé de la prestation').fill('Diagnostic freinage');
    await page.getByLabel('Désignation').fill('Contrôle des freins');
    await page.getByLabel('Heures').fill('0,5');
    await page.getByLabel('Prix unitaire HT').fill('65');
    await page.getByRole('button', { name: 'Ajouter la prestation' }).click();
    await page.getByText('Contrôle des freins').waitFor();
    await expect.poll(() => page.getByTestId('ro-total-excl').textContent()).toBe('32,50\u00a0€');
    // A job typed by mistake is taken off before the customer signs.
    await page.getByRole('button', { name: '+ Prestation' }).click();
    await page.getByLabel('Intitulé de la prestation').fill('Lavage');
    await page.getByLabel('Désignation').fill('Lavage extérieur');
    await page.getByLabel('Prix unitaire HT').fill('10');
    await page.getByRole('button', { name: 'Ajouter la prestation' }).click();
    await expect.poll(() => page.getByTestId('ro-total-excl').textContent()).toBe('42,50\u00a0€');
    await page.getByRole('button', { name: 'Retirer la prestation Lavage' }).click();
    await page
      .getByRole('dialog', { name: 'Retirer cette prestation ?' })
      .getByRole('button', { name: 'Retirer' })
      .click();
    await page.getByText('Prestation retirée.').waitFor();
    await expect.poll(() => page.getByTestId('ro-total-excl').textContent()).toBe('32,50\u00a0€');
    expect(await page.getByTestId('ro-job').count()).toBe(1);
    // Paul and Marie both type the keys' tag; Marie saves first, Paul picks between the two.
    const paul = await login(browser, server.url, 'paul@garage.test', PASSWORD);
    await paul.page.goto(`/repair-orders/${id}`);
    await paul.page.getByText('Contrôle des freins').waitFor();
    await page.getByText('Paul Martin consulte cet ordre de réparation.').waitFor();
    await paul.page.getByLabel('Étiquette des clés').fill('P-4');
    await paul.page.getByLabel('Dommages visibles').fill('Pare-chocs rayé');
    await page.getByLabel('Étiquette des clés').fill('M-9');
    await page.getByRole('button', { name: 'Enregistrer la réception' }).click();
    await page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();
    const conflict = paul.page.locator('.conflict');
    await conflict.waitFor();
    const row = conflict.locator('[data-conflict]').first();
    await expect.poll(() => row.textContent()).toContain('Étiquette des clés');
    await row.getByText('M-9').click();
    await paul.page.getByRole('button', { name: 'Appliquer mes choix' }).click();
    // His own damage note, which Marie did not touch, is still in his form, to save.
    expect(await paul.page.getByLabel('Dommages visibles').inputValue()).toBe('Pare-chocs rayé');
    await paul.page.getByRole('button', { name: 'Enregistrer la réception' }).click();
    await paul.page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();
    await expect
      .poll(() => page.getByLabel('Dommages visibles').inputValue())
      .toBe('Pare-chocs rayé');
    expect(await page.getByLabel('Étiquette des clés').inputValue()).toBe('M-9');
    expect(paul.errors).toEqual([]);
    await paul.context.close();

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByLabel('Kilométrage (km)').fill('45000');
    await page.screenshot({ path: join(SHOTS, 'or-check-in-tablet.png'), fullPage: true });
    await page.getByRole('button', { name: 'Enregistrer la réception' }).click();
    await page.getByRole('button', { name: 'Enregistré', exact: true }).waitFor();

    await page.goto('/repair-orders/00000000-0000-4000-8000-000000000000');
    await page.getByText('Cet ordre de réparation n’existe pas ou plus.').waitFor();
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  });
});
