import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInParis } from '../domain/dates';
import { formatEuros } from '../domain/money';
import { expectStatus } from '../server/test/api-client';
import { buildSettings } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { issueOneJobInvoice, ONE_JOB_DUE_CENTS } from '../server/test/invoices';
import { takePayment } from '../server/test/payments';
import { launchBrowser, login } from './browser';

const SHOT = '/work/shots/dashboard-money.png';

describe('the counter’s money on the dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let wallToken: string;
  /** The real clock, but for the late invoice issued three weeks ago. */
  let clock: Date | null = null;

  beforeAll(async () => {
    server = await startTestServer('pglite', {}, { now: () => clock ?? new Date() });
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
    const today = todayInParis(new Date());
    clock = new Date(Date.now() - 21 * 86_400_000);
    const late = await issueOneJobInvoice(admin, { dueDate: addDays(todayInParis(clock), 7) });
    clock = null;
    await issueOneJobInvoice(admin, { dueDate: addDays(today, 30) });
    await takePayment(server.deps, admin, late, { amountCents: 5000, method: 'cash' });
    wallToken = (
      await expectStatus(201, admin.api['display-tokens'].$post({ json: { name: 'Atelier' } }))
    ).token;
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('shows the counter what is owed, late, collected and invoiced today, and the wall none of it', async () => {
    const lina = await login(browser, server.url, 'lina@garage.test', 'motdepasse-comptoir');
    await lina.page.goto('/dashboard');
    const tile = (id: string) => lina.page.getByTestId(id);
    await tile('money-outstanding').waitFor();
    expect(await tile('money-outstanding').textContent()).toBe(
      formatEuros(2 * ONE_JOB_DUE_CENTS - 5000),
    );
    expect(await tile('money-overdue').textContent()).toBe(formatEuros(ONE_JOB_DUE_CENTS - 5000));
    expect(await tile('money-collected').textContent()).toBe(formatEuros(5000));
    expect(await tile('money-invoiced').textContent()).toBe(formatEuros(ONE_JOB_DUE_CENTS));
    await lina.page.getByText('Encours clients').waitFor();
    await lina.page.screenshot({ path: SHOT, fullPage: true });
    expect(lina.errors).toEqual([]);
    await lina.context.close();

    const context = await browser.newContext({ baseURL: server.url, locale: 'fr-FR' });
    const wall = await context.newPage();
    await wall.goto(`/wall?token=${wallToken}`);
    await wall.getByTestId('wall-connection').filter({ hasText: 'En direct' }).waitFor();
    await wall.getByTestId('figure-sent-month').waitFor();
    expect(await wall.getByText('Encours clients').count()).toBe(0);
    await context.close();
  });
});
