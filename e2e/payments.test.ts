import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInParis } from '../domain/dates';
import { formatEuros } from '../domain/money';
import type { Invoice } from '../domain/schemas/invoice';
import { type ApiClient, expectStatus } from '../server/test/api-client';
import { buildClientInput, buildJobs, buildSettings } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

const SHOTS = '/work/shots';
const PASSWORD = 'motdepasse-comptoir';

/** An invoice of an accepted quote, completed and issued through the API (a new client's). */
async function issuedInvoice(api: ApiClient, ownerId?: string): Promise<Invoice> {
  const clientId =
    ownerId ?? (await expectStatus(201, api.api.clients.$post({ json: buildClientInput() }))).id;
  const quotes = api.api.quotes;
  const draft = await expectStatus(201, quotes.$post({ json: { clientId, jobs: buildJobs(1) } }));
  const sent = await expectStatus(
    200,
    quotes[':id'].transition.$post({
      param: { id: draft.id },
      json: { to: 'sent', version: draft.version },
    }),
  );
  const accepted = await expectStatus(
    200,
    quotes[':id'].transition.$post({
      param: { id: sent.id },
      json: { to: 'accepted', version: sent.version, channel: 'signature', signerName: 'Mme Test' },
    }),
  );
  const invoices = api.api.invoices;
  const made = await expectStatus(201, invoices.$post({ json: { quoteId: accepted.id } }));
  const completed = await expectStatus(
    200,
    invoices[':id'].$patch({
      param: { id: made.id },
      json: {
        version: made.version,
        payment: { dueDate: addDays(todayInParis(new Date()), 30), latePenaltyRateBp: 1215 },
        lines: made.lines.map((line) => ({
          ...line,
          partCondition: line.kind === 'part' ? ('new' as const) : null,
        })),
      },
    }),
  );
  return expectStatus(
    200,
    invoices[':id'].issue.$post({
      param: { id: completed.id },
      json: { version: completed.version },
    }),
  );
}

/** The text as the page shows it: French amounts carry no-break spaces. */
const euros = (cents: number) => formatEuros(cents);

/** A full-page screenshot from the top: the sticky header stays where it belongs. */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

/** Waits until « Reste dû » on the invoice page says `cents`. */
function balanceIs(page: Page, cents: number) {
  return page
    .getByTestId('invoice-balance')
    .filter({ hasText: euros(cents) })
    .waitFor();
}

describe('payments and the till at the counter', () => {
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
    for (const [name, email] of [
      ['Marie Dubois', 'marie@garage.test'],
      ['Paul Martin', 'paul@garage.test'],
    ] as const) {
      await expectStatus(
        201,
        admin.api.staff.$post({ json: { name, email, role: 'staff', password: PASSWORD } }),
      );
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('takes part by card, is refused cash until the till is open, takes the rest in cash while a colleague watches it arrive, then pays off the account with credit and closes the till with a difference', async () => {
    const invoice = await issuedInvoice(admin);
    const { balanceCents: due } = await expectStatus(
      200,
      admin.api.payments.balance.invoice[':id'].$get({ param: { id: invoice.id } }),
    );
    const clientId = invoice.buyer.clientId!;
    // Sign-ins are rate-limited: one after the other.
    const marie = await login(browser, server.url, 'marie@garage.test', PASSWORD);
    const paul = await login(browser, server.url, 'paul@garage.test', PASSWORD);
    const page = marie.page;

    // Paul has the invoice open at the other counter.
    await paul.page.goto(`/invoices/${invoice.id}`);
    await balanceIs(paul.page, due);

    // A partial card payment: the amount comes prefilled with the balance, Enter takes it.
    await page.goto(`/invoices/${invoice.id}`);
    await balanceIs(page, due);
    await page.getByRole('button', { name: 'Encaisser', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Encaisser un règlement' });
    const amount = dialog.getByLabel('Montant (€)');
    expect(await amount.inputValue()).toBe((due / 100).toFixed(2).replace('.', ','));
    expect(await dialog.getByLabel('Date du règlement').inputValue()).toBe(
      todayInParis(new Date()),
    );
    expect(await dialog.getByLabel('Carte bancaire').isChecked()).toBe(true);
    await amount.fill('50');
    await dialog.getByLabel('N° du ticket carte').fill('TK-0042');
    await dialog
      .getByTestId('payment-left')
      .filter({ hasText: euros(due - 5000) })
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'payment-dialog.png') });
    await amount.press('Enter');
    await balanceIs(page, due - 5000);
    await page
      .getByRole('row', { name: /TK-0042/ })
      .getByText('Carte bancaire')
      .waitFor();
    // Paul's page follows without a reload.
    await balanceIs(paul.page, due - 5000);

    // Cash with the till closed: refused, with the way to the till.
    await page.getByRole('button', { name: 'Encaisser', exact: true }).click();
    await dialog.getByLabel('Espèces').check();
    expect(await amount.inputValue()).toBe(((due - 5000) / 100).toFixed(2).replace('.', ','));
    await dialog.getByTestId('till-closed-hint').waitFor();
    await amount.press('Enter');
    const refused = dialog.getByRole('alert');
    await refused.getByText('La caisse n’est pas ouverte').waitFor();
    await page.screenshot({ path: join(SHOTS, 'payment-dialog-till-closed.png') });
    await refused.getByRole('link', { name: 'Ouvrir la caisse' }).click();
    await page.waitForURL((url) => url.pathname === '/caisse');
    await page.getByLabel('Fond de caisse (€)').fill('100');
    await page.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await page
      .getByTestId('till-expected')
      .filter({ hasText: euros(10_000) })
      .waitFor();

    // The rest in cash, through the keyboard only: Paul sees the invoice paid off.
    await page.goto(`/invoices/${invoice.id}`);
    await balanceIs(page, due - 5000);
    await page.getByRole('button', { name: 'Encaisser', exact: true }).click();
    // The dialog opens on the methods: an arrow picks cash, Enter takes it.
    await page.keyboard.press('ArrowRight');
    expect(await dialog.getByLabel('Espèces').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await balanceIs(page, 0);
    await page.getByText('Soldée').waitFor();
    await balanceIs(paul.page, 0);
    await paul.page.getByRole('row', { name: /Espèces/ }).waitFor();

    // A card refund of 10 €: shown negative, the invoice owes it again.
    await page
      .getByRole('row', { name: /TK-0042/ })
      .getByRole('button', { name: 'Rembourser' })
      .click();
    const refund = page.getByRole('dialog', { name: 'Rembourser' });
    expect(await refund.getByLabel('Montant remboursé (€)').inputValue()).toBe('50,00');
    await refund.getByLabel('Montant remboursé (€)').fill('10');
    await refund.getByLabel('Motif').fill('Geste commercial');
    await refund.getByRole('button', { name: 'Rembourser' }).click();
    await balanceIs(page, 1000);
    await page
      .getByRole('row', { name: /Remboursement/ })
      .getByText(euros(-1000))
      .waitFor();
    await balanceIs(paul.page, 1000);
    await shoot(page, 'invoice-payments.png');

    // The client's account: a second invoice issued meanwhile; both ticked, prefilled with their
    // total; 5 € more is taken, the oldest paid first and the 5 € said to become credit.
    const second = await issuedInvoice(admin, clientId);
    await page.goto(`/clients/${clientId}`);
    const account = page.getByRole('region', { name: 'Compte client' });
    const owed = 1000 + due;
    await account
      .getByTestId('client-balance')
      .filter({ hasText: euros(owed) })
      .waitFor();
    await account.getByRole('row', { name: new RegExp(second.number!) }).waitFor();
    await account.screenshot({ path: join(SHOTS, 'client-account.png') });
    await account.getByRole('button', { name: 'Encaisser (2 factures)' }).click();
    const many = page.getByRole('dialog', { name: 'Encaisser un règlement' });
    expect(await many.getByLabel('Montant (€)').inputValue()).toBe(
      (owed / 100).toFixed(2).replace('.', ','),
    );
    await many.getByLabel('Montant (€)').fill(((owed + 500) / 100).toFixed(2).replace('.', ','));
    await many.getByText(`${invoice.number} : ${euros(1000)}`).waitFor();
    await many.getByText(`${second.number} : ${euros(due)}`).waitFor();
    await many.getByTestId('payment-credit').filter({ hasText: 'crédit du client' }).waitFor();
    expect(await many.getByTestId('payment-credit').textContent()).toContain(euros(500));
    await page.screenshot({ path: join(SHOTS, 'client-account-dialog.png') });
    await many.getByLabel('Montant (€)').press('Enter');
    await account
      .getByTestId('client-credit')
      .filter({ hasText: euros(500) })
      .waitFor();
    await account.getByText('Aucune facture en attente de règlement.').waitFor();
    await account
      .getByRole('row', { name: new RegExp(`${second.number}, crédit`) })
      .getByText(euros(owed + 500))
      .waitFor();

    // The 5 € of credit used on a third invoice, issued while the account is open: no money
    // moves, the invoice's balance and the credit drop, the payment now says where it went.
    const third = await issuedInvoice(admin, clientId);
    await account.getByRole('row', { name: new RegExp(third.number!) }).waitFor();
    await account.getByRole('button', { name: 'Utiliser le crédit' }).click();
    const credit = page.getByRole('dialog', { name: 'Utiliser le crédit' });
    const field = credit.getByLabel(new RegExp(third.number!));
    expect(await field.inputValue()).toBe('5,00');
    await page.screenshot({ path: join(SHOTS, 'client-credit-dialog.png') });
    await credit.getByRole('button', { name: 'Utiliser le crédit' }).click();
    await account
      .getByTestId('client-credit')
      .filter({ hasText: euros(0) })
      .waitFor();
    await account
      .getByTestId('client-balance')
      .filter({ hasText: euros(due - 500) })
      .waitFor();
    await account
      .getByRole('row', { name: new RegExp(`${second.number}, ${third.number}`) })
      .getByText(euros(owed + 500))
      .waitFor();

    // The till: 100 € float and the cash taken; 20 € out to the bank; counted 2 € short.
    await page.goto('/caisse');
    const expected = 10_000 + due - 5000;
    await page
      .getByTestId('till-cash')
      .filter({ hasText: euros(due - 5000) })
      .waitFor();
    await page
      .getByTestId('till-expected')
      .filter({ hasText: euros(expected) })
      .waitFor();
    await paul.page.goto('/caisse');
    await paul.page
      .getByTestId('till-expected')
      .filter({ hasText: euros(expected) })
      .waitFor();
    await page.getByRole('button', { name: 'Sortie d’espèces' }).click();
    const out = page.getByRole('dialog', { name: 'Sortie d’espèces' });
    await out.getByLabel('Montant (€)').fill('20');
    await out.getByLabel('Motif').fill('Dépôt en banque');
    await out.getByLabel('Motif').press('Enter');
    await page.getByRole('row', { name: /Dépôt en banque/ }).waitFor();
    const after = expected - 2000;
    await page
      .getByTestId('till-expected')
      .filter({ hasText: euros(after) })
      .waitFor();
    await paul.page
      .getByTestId('till-expected')
      .filter({ hasText: euros(after) })
      .waitFor();
    await shoot(page, 'till.png');
    await page.getByRole('button', { name: 'Compter et fermer' }).click();
    const count = page.getByRole('dialog', { name: 'Compter et fermer la caisse' });
    await count
      .getByLabel('Espèces comptées (€)')
      .fill(((after - 200) / 100).toFixed(2).replace('.', ','));
    await count.getByTestId('till-difference').filter({ hasText: 'manque 2,00' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'till-count.png') });
    await count.getByRole('button', { name: 'Fermer la caisse' }).click();
    await page.getByTestId('till-closed').filter({ hasText: 'manque 2,00' }).waitFor();
    await page.getByRole('button', { name: 'Ouvrir la caisse' }).waitFor();
    // Paul's till screen closes too, and says how it was counted.
    await paul.page.getByTestId('till-closed').filter({ hasText: 'manque 2,00' }).waitFor();

    expect(marie.errors).toEqual([]);
    expect(paul.errors).toEqual([]);
    await marie.context.close();
    await paul.context.close();
  }, 180_000);
});
