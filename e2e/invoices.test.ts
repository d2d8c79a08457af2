import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInParis } from '../domain/dates';
import { hashRepairOrderVersion } from '../domain/repair-order/version-hash';
import type { RepairOrder, SignatureKind } from '../domain/schemas/repair-order';
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
const SIGNATURE_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The text of a PDF, its spaces (French number spacing included) taken out. */
function readPdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /[\s\u00a0\u202f]+/g,
    '',
  );
}

/** A download the click starts, saved in a fresh folder. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'gp-invoice-')), file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** A walk-in OR of one job, checked in and in progress, through the API; `handBack` ends it. */
async function openOrder(api: ApiClient) {
  const client = await expectStatus(201, api.api.clients.$post({ json: buildClientInput() }));
  const vehicle = await expectStatus(
    201,
    api.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
  );
  const orders = api.api['repair-orders'][':id'];
  const sign = async (order: RepairOrder, kind: SignatureKind) =>
    expectStatus(
      201,
      orders.signatures.$post({
        param: { id: order.id },
        json: {
          version: order.version,
          kind,
          signerName: 'Hélène Test',
          image: SIGNATURE_IMAGE,
          versionHash: await hashRepairOrderVersion(order),
        },
      }),
    );
  const move = (order: RepairOrder, to: RepairOrder['status']) =>
    expectStatus(
      200,
      orders.transition.$post({ param: { id: order.id }, json: { to, version: order.version } }),
    );
  const opened = await expectStatus(
    201,
    api.api['repair-orders'].$post({
      json: {
        origin: 'walk_in',
        clientId: client.id,
        vehicleId: vehicle.id,
        mileageKm: 88_000,
        jobs: buildJobs(1),
      },
    }),
  );
  const working = await move(await sign(opened, 'check_in'), 'in_progress');
  async function handBack(order: RepairOrder): Promise<RepairOrder> {
    const signed = await sign(await move(order, 'done'), 'hand_back');
    const signature = signed.signatures.find((candidate) => candidate.kind === 'hand_back')!;
    return expectStatus(
      200,
      orders['hand-back'].$post({
        param: { id: signed.id },
        json: {
          version: signed.version,
          checklist: { workDone: true, declinedWorkReminded: true, nextDueReminded: true },
          signatureId: signature.id,
        },
      }),
    );
  }
  return { order: working, clientId: client.id, handBack };
}

async function handedBackOrder(api: ApiClient): Promise<RepairOrder> {
  const { order, handBack } = await openOrder(api);
  return handBack(order);
}

/** The due date and penalty rate a draft lacks, saved. */
async function fillPayment(page: Page) {
  await page.getByLabel('Échéance').fill(addDays(todayInParis(new Date()), 30));
  await page.getByLabel('Taux des pénalités de retard (% par an)').fill('12,15');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Tout y est : la facture peut être émise.').waitFor();
}

/** « Émettre … », confirmed; waits for the number. */
async function issue(page: Page, button: string, dialog: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('dialog', { name: dialog }).getByRole('button', { name: 'Émettre' }).click();
  const number = page.getByTestId('invoice-number').filter({ hasText: /^(FAC|AV)-\d{4}-\d{5}$/ });
  await number.waitFor();
  return (await number.textContent())!;
}

describe('invoicing at the counter', () => {
  let server: TestServer;
  let admin: ApiClient;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let order: RepairOrder;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    admin = await server.admin();
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
    order = await handedBackOrder(admin);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('invoices a handed-back OR, issues it as FAC-YYYY-00001, downloads its Factur-X, credits part of it as AV-YYYY-00001, and a colleague sees it in the list live', async () => {
    const year = todayInParis(new Date()).slice(0, 4);
    const marie = await login(browser, server.url, 'marie@garage.test', PASSWORD);
    const paul = await login(browser, server.url, 'paul@garage.test', PASSWORD);
    const page = marie.page;

    // Paul has the invoices list open: nothing yet.
    await paul.page.goto('/invoices');
    await paul.page.getByText('Aucune facture ne correspond.').waitFor();

    // « Facturer » on the handed-back OR makes the draft and goes there.
    await page.goto(`/repair-orders/${order.id}`);
    await page.getByRole('button', { name: 'Facturer' }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]+$/);
    const invoiceId = new URL(page.url()).pathname.split('/').pop()!;
    const compliance = page.getByRole('region', { name: 'Mentions obligatoires' });
    await compliance.getByText('Il manque avant l’émission').waitFor();
    const issueButton = page.getByRole('button', { name: 'Émettre la facture' });
    expect(await issueButton.isDisabled()).toBe(true);
    // The draft appears on Paul's list as it is made.
    await paul.page
      .locator(`tr[data-invoice-id="${invoiceId}"]`, { hasText: 'Brouillon' })
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'invoice-draft.png'), fullPage: true });
    // A draft prints too, unnumbered (drawn in the browser, fonts embedded).
    const draftPdf = await download(page, () =>
      page.getByRole('button', { name: 'Télécharger', exact: true }).click(),
    );
    expect(draftPdf.name).toMatch(/^facture-brouillon-[0-9a-f]{8}\.pdf$/);
    expect(readPdfText(draftPdf.path)).toContain('FACTURE');

    // The lines are edited in place, with the totals: a line added, priced, then taken out.
    await page.getByRole('button', { name: '+ Frais' }).click();
    await page.getByLabel('Prix unitaire HT de la ligne 3').fill('10');
    await page.getByLabel('Prix unitaire HT de la ligne 3').press('Tab');
    await page.getByTestId('invoice-total').filter({ hasText: '182,89' }).waitFor();
    await page.getByRole('button', { name: 'Retirer la ligne 3' }).click();
    await page.getByTestId('invoice-total').filter({ hasText: '170,89' }).waitFor();
    // What the check asks of the invoice itself: the due date, the penalty rate, the part's state.
    await page.getByLabel('État de la pièce : Plaquettes de frein avant').selectOption('exchange');
    await fillPayment(page);

    // Issued: numbered, read-only.
    await issueButton.click();
    const confirm = page.getByRole('dialog', { name: 'Émettre cette facture ?' });
    await confirm.getByText('numérotée et verrouillée définitivement').waitFor();
    await confirm.getByRole('button', { name: 'Émettre' }).click();
    const number = `FAC-${year}-00001`;
    await page.getByTestId('invoice-number').filter({ hasText: number }).waitFor();
    expect(await page.getByRole('form', { name: 'Brouillon de facture' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Émettre la facture' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Supprimer le brouillon' }).count()).toBe(0);
    const total = (await page.getByTestId('invoice-total').textContent())!;
    await page.screenshot({ path: join(SHOTS, 'invoice-issued.png'), fullPage: true });
    // Paul's list shows the number without a reload.
    await paul.page.locator(`tr[data-invoice-id="${invoiceId}"]`, { hasText: number }).waitFor();

    // One invoice per OR: « Facturer » again leads to this one.
    await page.goto(`/repair-orders/${order.id}`);
    await page.getByRole('button', { name: 'Facturer' }).click();
    await page.waitForURL((url) => url.pathname === `/invoices/${invoiceId}`);
    await page.getByTestId('invoice-number').filter({ hasText: number }).waitFor();

    // The Factur-X: the PDF/A-3 carrying factur-x.xml, the server's CII byte for byte.
    const facturX = await download(page, () =>
      page.getByRole('button', { name: 'Télécharger Factur-X' }).click(),
    );
    expect(facturX.name).toBe(`${number}-factur-x.pdf`);
    expect(execFileSync('pdfdetach', ['-list', facturX.path], { encoding: 'utf8' })).toContain(
      'factur-x.xml',
    );
    const folder = mkdtempSync(join(tmpdir(), 'gp-facturx-'));
    execFileSync('pdfdetach', ['-saveall', '-o', folder, facturX.path]);
    const served = await admin.api.invoices[':id']['cii.xml'].$get({ param: { id: invoiceId } });
    expect(served.status).toBe(200);
    expect(readFileSync(join(folder, 'factur-x.xml'), 'utf8')).toBe(await served.text());
    // Every font embedded (PDF/A): the `emb` column of each font row says yes.
    const fonts = execFileSync('pdffonts', [facturX.path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((row) => row.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const text = readPdfText(facturX.path);
    expect(text).toContain(number);
    expect(text).toContain(total.replace(/[\s\u00a0\u202f]+/g, ''));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      facturX.path,
      join(SHOTS, 'invoice-facturx'),
    ]);

    // The XML alone, as the server names it.
    const xml = await download(page, () => page.getByRole('link', { name: 'XML CII' }).click());
    expect(xml.name).toBe(`${number}.xml`);

    // A credit note of one line, part of its quantity.
    await page.getByRole('button', { name: 'Créer un avoir' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer un avoir' });
    await dialog.getByLabel('Certaines lignes').check();
    await dialog.getByLabel('Quantité à créditer : Main-d’œuvre mécanique').fill('0,5');
    await dialog.getByRole('button', { name: 'Créer l’avoir' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(invoiceId));
    await page.getByText(`Avoir sur la facture ${number}`).waitFor();
    await page.getByRole('link', { name: number }).waitFor();
    await page.getByRole('button', { name: 'Émettre l’avoir' }).click();
    await page
      .getByRole('dialog', { name: 'Émettre cet avoir ?' })
      .getByRole('button', { name: 'Émettre' })
      .click();
    await page
      .getByTestId('invoice-number')
      .filter({ hasText: `AV-${year}-00001` })
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'invoice-credit-note.png'), fullPage: true });

    // Paul's list has the credit note live; a period on the issue date keeps to it.
    await paul.page.getByRole('cell', { name: `AV-${year}-00001` }).waitFor();
    const today = todayInParis(new Date());
    await paul.page.getByLabel('Émises du').fill(addDays(today, 1));
    await paul.page.getByText('Aucune facture ne correspond.').waitFor();
    await paul.page.goto(`/invoices?from=${today}&to=${today}&status=issued`);
    await paul.page.getByRole('cell', { name: `AV-${year}-00001` }).waitFor();
    await paul.page.getByRole('cell', { name: number }).waitFor();
    await paul.page.screenshot({ path: join(SHOTS, 'invoice-list.png'), fullPage: true });

    // A credit note of all that is left, thrown away as a draft: it leaves Paul's list live.
    await paul.page.goto('/invoices?status=draft');
    await paul.page.getByText('Aucune facture ne correspond.').waitFor();
    await page.goto(`/invoices/${invoiceId}`);
    await page.getByRole('button', { name: 'Créer un avoir' }).click();
    await page
      .getByRole('dialog', { name: 'Créer un avoir' })
      .getByRole('button', { name: 'Créer l’avoir' })
      .click();
    await page.getByText(`Avoir sur la facture ${number}`).waitFor();
    const draftId = new URL(page.url()).pathname.split('/').pop()!;
    await paul.page.locator(`tr[data-invoice-id="${draftId}"]`).waitFor();
    await page.getByRole('button', { name: 'Supprimer le brouillon' }).click();
    await page
      .getByRole('dialog', { name: 'Supprimer ce brouillon ?' })
      .getByRole('button', { name: 'Supprimer' })
      .click();
    await page.waitForURL((url) => url.pathname === '/invoices');
    await paul.page.getByText('Aucune facture ne correspond.').waitFor();

    expect(marie.errors).toEqual([]);
    expect(paul.errors).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  }, 120_000);

  it('asks a deposit on an OR in progress, then the final invoice deducts it once issued, and the client’s page lists both', async () => {
    const { order: working, clientId, handBack } = await openOrder(admin);
    const marie = await login(browser, server.url, 'marie@garage.test', PASSWORD);
    const page = marie.page;

    await page.goto(`/repair-orders/${working.id}`);
    await page.getByRole('button', { name: 'Demander un acompte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Demander un acompte' });
    await dialog.getByLabel('Montant HT (€)').fill('100');
    await dialog.getByText('Soit 120,00').waitFor();
    await dialog.getByRole('button', { name: 'Créer la facture d’acompte' }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]+$/);
    await page.locator('h1', { hasText: 'Facture d’acompte' }).waitFor();
    await fillPayment(page);
    const deposit = await issue(page, 'Émettre la facture', 'Émettre cette facture ?');
    expect(deposit).toMatch(/^FAC-/);

    await handBack(
      await expectStatus(
        200,
        admin.api['repair-orders'][':id'].$get({ param: { id: working.id } }),
      ),
    );
    await page.goto(`/repair-orders/${working.id}`);
    await page.getByRole('button', { name: 'Facturer' }).click();
    await page.locator('h1', { hasText: 'Facture brouillon' }).waitFor();
    // Paul has the same draft open: he sees Marie's saved edits, then the invoice locked.
    const paul = await login(browser, server.url, 'paul@garage.test', PASSWORD);
    await paul.page.goto(page.url());
    await paul.page.getByRole('button', { name: 'Émettre la facture' }).waitFor();
    await page.getByLabel('État de la pièce : Plaquettes de frein avant').selectOption('new');
    await fillPayment(page);
    await paul.page.getByText('Tout y est : la facture peut être émise.').waitFor();
    const final = await issue(page, 'Émettre la facture', 'Émettre cette facture ?');
    await paul.page.getByTestId('invoice-number').filter({ hasText: final }).waitFor();
    expect(await paul.page.getByRole('button', { name: 'Émettre la facture' }).count()).toBe(0);
    expect(paul.errors).toEqual([]);
    await paul.context.close();
    await page.getByText('Acomptes déduits').waitFor();
    // 170,89 € less the 120,00 € deposit: due on the invoice, and left due in « Règlements ».
    await page.getByRole('region', { name: 'Lignes' }).getByText('50,89').waitFor();
    await page.getByTestId('invoice-balance').filter({ hasText: '50,89' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'invoice-final-with-deposit.png'), fullPage: true });

    await page.goto(`/clients/${clientId}`);
    const invoices = page.getByRole('table', { name: 'Factures', exact: true });
    await invoices.getByText(deposit).waitFor();
    await invoices.getByText(final).waitFor();
    expect(marie.errors).toEqual([]);
    await marie.context.close();
  }, 120_000);
});
