import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateFr, todayInParis } from '../domain/dates';
import { toInvoiceIssuedContent } from '../domain/journal/contents';
import { formatEuros } from '../domain/money';
import { isIssuedInvoice } from '../domain/schemas/invoice';
import { journalEntries } from '../server/db/schema';
import { type ApiClient, expectError, expectStatus } from '../server/test/api-client';
import { buildSettings } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { draftCounterInvoice, issueCounterInvoice, requestIssue } from '../server/test/invoicing';
import { takePayment } from '../server/test/payments';
import { launchBrowser, login } from './browser';

const SHOTS = '/work/shots';
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const ADMIN_PASSWORD = 'motdepasse-admin';

/** The closures table's row of a day, found by its first cell (« Journée 24/11/2026 »). */
function dayRow(page: Page, day: string) {
  const cell = page.getByRole('cell', { name: new RegExp(`^Journée ${formatDateFr(day)}`) });
  return page.getByRole('table', { name: 'Clôtures' }).locator('tbody tr').filter({ has: cell });
}

/** A download the click starts, saved in a fresh folder. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'gp-journal-')), file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

describe('the journal’s closures and exports', () => {
  let server: TestServer;
  let admin: ApiClient;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('verifies the journal, closes the day with the invoice’s totals, refuses the next invoice, exports the FEC and the archive, and names an entry altered behind its back', async () => {
    const today = todayInParis(new Date());
    const invoice = await issueCounterInvoice(admin);
    if (!isIssuedInvoice(invoice)) throw new Error('the invoice is not issued');
    const issued = toInvoiceIssuedContent(invoice, null);
    // Paid at the counter: part by card, the rest in cash.
    const byCard = 10_000;
    const inCash = issued.totalInclVatCents - byCard;
    await takePayment(server.deps, admin, invoice, { amountCents: byCard, method: 'card' });
    await takePayment(server.deps, admin, invoice, { amountCents: inCash, method: 'cash' });
    const late = await draftCounterInvoice(admin);
    const colleague = await server.signIn('admin', 'Claire Admin');
    const { page, errors } = await login(browser, server.url, 'admin@garage.test', ADMIN_PASSWORD);

    // The FEC's journal codes are the settings' (Paramètres → Garage → Comptabilité).
    await page.goto('/settings');
    const accounting = page.getByRole('region', { name: 'Comptabilité (FEC)' });
    await accounting.getByLabel('Journal des ventes').fill('vt');
    expect(await accounting.getByLabel('Journal des ventes').inputValue()).toBe('VT');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Enregistré' }).waitFor();
    await accounting.screenshot({ path: join(SHOTS, 'settings-accounting.png') });

    // Paramètres → Journal, through the settings' tabs.
    await page
      .getByRole('navigation', { name: 'Paramètres' })
      .getByRole('link', { name: 'Journal' })
      .click();
    await page.waitForURL(/\/settings\/journal$/);
    await page.getByRole('button', { name: 'Vérifier le journal', exact: true }).click();
    await page.getByText('Journal intègre.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'journal-verify-ok.png'), fullPage: true });

    // Another admin closes yesterday (nothing in it): it appears here as it is made.
    await expectStatus(
      201,
      colleague.api.closures.$post({ json: { level: 'day', date: addDays(today, -1) } }),
    );
    await dayRow(page, addDays(today, -1))
      .filter({ hasText: 'clôturée par Claire Admin' })
      .waitFor();

    // « Clôturer la journée »: today by default, confirmed in words that say what it stops.
    expect(await page.getByLabel('Journée', { exact: true }).inputValue()).toBe(today);
    await page.getByRole('button', { name: 'Clôturer la journée' }).click();
    const confirm = page.getByRole('dialog', {
      name: `Clôturer la journée du ${formatDateFr(today)} ?`,
    });
    await confirm
      .getByText('aucune facture ni aucun encaissement ne pourra plus être enregistré')
      .waitFor();
    await confirm.getByRole('button', { name: 'Clôturer' }).click();
    const row = dayRow(page, today);
    await row.waitFor();
    const ttc = formatEuros(issued.totalInclVatCents);
    await row.getByText(ttc).first().waitFor();
    await row.getByText(`Carte bancaire : ${formatEuros(byCard)}`).waitFor();
    await row.getByText(`Espèces : ${formatEuros(inCash)}`).waitFor();
    await row.getByRole('button', { name: 'Détail' }).click();
    const detail = page.locator('.journal-closure-detail');
    await detail.getByText('Base HT').waitFor();
    for (const line of issued.vat) {
      await detail.getByText(formatEuros(line.baseCents)).first().waitFor();
    }
    await page
      .getByRole('region', { name: 'Clôtures' })
      .screenshot({ path: join(SHOTS, 'journal-closures.png') });

    // The day takes no more invoices.
    await expectError('period_closed', requestIssue(admin, late));
    // Closing it again is refused, in French.
    await page.getByRole('button', { name: 'Clôturer la journée' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clôturer' }).click();
    await page.getByRole('alert').filter({ hasText: 'déjà clôturée' }).waitFor();

    // The month under way is not over: refused in French. The last month, proposed, closes.
    const monthField = page.getByLabel('Mois', { exact: true });
    const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1);
    expect(await monthField.inputValue()).toBe(lastMonth.slice(0, 7));
    await monthField.fill(today.slice(0, 7));
    await page.getByRole('button', { name: 'Clôturer le mois' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clôturer' }).click();
    await page.getByRole('alert').filter({ hasText: 'pas encore terminée' }).waitFor();
    await monthField.fill(lastMonth.slice(0, 7));
    await page.getByRole('button', { name: 'Clôturer le mois' }).click();
    await page
      .getByRole('dialog')
      .getByText('sera clôturé : ses totaux deviennent une écriture du journal')
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Clôturer' }).click();
    await page
      .getByRole('table', { name: 'Clôtures' })
      .getByRole('cell', {
        name: new RegExp(`^Mois ${MONTH.format(new Date(`${lastMonth}T12:00:00Z`))}`),
      })
      .waitFor();

    // Read again from the server (the toasts gone): the closures are there.
    await page.reload();
    await dayRow(page, today).waitFor();

    // The FEC: the header line, then 18 tab-separated columns on every line.
    const exports = page.getByRole('region', { name: 'Exports' });
    const fec = await download(page, () =>
      exports.getByRole('button', { name: 'Télécharger le FEC' }).click(),
    );
    const lines = readFileSync(fec.path, 'utf8').split(/\r?\n/).filter(Boolean);
    expect(lines[0]!.split('\t')).toEqual([
      'JournalCode',
      'JournalLib',
      'EcritureNum',
      'EcritureDate',
      'CompteNum',
      'CompteLib',
      'CompAuxNum',
      'CompAuxLib',
      'PieceRef',
      'PieceDate',
      'EcritureLib',
      'Debit',
      'Credit',
      'EcritureLet',
      'DateLet',
      'ValidDate',
      'Montantdevise',
      'Idevise',
    ]);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.split('\t')).toHaveLength(18);
    // The invoice in the sales journal (VT, as set above), its payments in the bank and cash ones.
    const journalsOf = new Set(
      lines.filter((line) => line.includes(invoice.number)).map((line) => line.split('\t')[0]),
    );
    expect([...journalsOf].sort()).toEqual(['BQ', 'CA', 'VT']);

    // The archive of the day closed: its entries, the invoice's among them.
    await exports.getByLabel('Période', { exact: true }).selectOption(today);
    const archive = await download(page, () =>
      exports.getByRole('button', { name: 'Télécharger l’archive' }).click(),
    );
    expect(archive.name).toMatch(/\.json$/);
    expect(readFileSync(archive.path, 'utf8')).toContain(invoice.number);

    // The B2C summary of the month, on screen.
    await exports.getByRole('button', { name: 'Afficher la synthèse' }).click();
    const b2c = exports.getByRole('table', { name: 'Synthèse B2C' });
    await b2c.getByRole('columnheader', { name: 'Espèces' }).waitFor();
    const b2cTotal = b2c.locator('tfoot tr');
    expect(await b2cTotal.textContent()).toContain(ttc);
    expect(await b2cTotal.textContent()).toContain(formatEuros(inCash));
    await exports.screenshot({ path: join(SHOTS, 'journal-exports.png') });

    // A superuser rewrites the invoice's entry with the triggers off: the check names it.
    const db = server.deps.db;
    const [entry] = await db
      .select({ seq: journalEntries.seq })
      .from(journalEntries)
      .where(eq(journalEntries.kind, 'invoice_issued'));
    const seq = entry!.seq;
    await db.execute(sql`ALTER TABLE journal_entries DISABLE TRIGGER USER`);
    await db.execute(
      sql`UPDATE journal_entries SET canonical = replace(canonical, ${invoice.number}, 'FAC-0000-00000') WHERE seq = ${seq}`,
    );
    await db.execute(sql`ALTER TABLE journal_entries ENABLE TRIGGER USER`);
    await page.getByRole('button', { name: 'Vérifier le journal', exact: true }).click();
    await page.getByText(`Écriture modifiée — écriture n° ${seq}.`).waitFor();
    await page.screenshot({ path: join(SHOTS, 'journal-verify-altered.png'), fullPage: true });

    expect(errors).toEqual([]);
  });
});
