import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../server/test/api-client';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

describe('an open screen across a server restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-e2e-restart-'));
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer('pglite', { DATA_DIR: dataDir });
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(
      201,
      admin.api.staff.$post({
        json: {
          name: 'Inès Comptoir',
          email: 'ines@garage.test',
          role: 'staff',
          password: 'motdepasse-comptoir',
        },
      }),
    );
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reconnects by itself and catches up every change it missed, without a reload', async () => {
    const ines = await login(browser, server.url, 'ines@garage.test', 'motdepasse-comptoir');
    await ines.page.getByText('En direct', { exact: true }).waitFor();
    // The live feed, folded under the workshop board on the home screen.
    await ines.page.getByText('Activité en direct').click();
    const reloads: string[] = [];
    ines.page.on('load', () => reloads.push(ines.page.url()));

    const port = String(server.port);
    await server.close();
    await ines.page.getByText('Reconnexion…').waitFor();

    // Changes made while the screen was cut off (before its socket is back).
    server = await startTestServer('pglite', { DATA_DIR: dataDir, PORT: port });
    const admin = await server.admin();
    for (const lastName of ['Barbier', 'Carpentier']) {
      await expectStatus(
        201,
        admin.api.clients.$post({ json: { kind: 'person', firstName: 'Noé', lastName } }),
      );
    }

    await ines.page.getByText('En direct', { exact: true }).waitFor({ timeout: 15_000 });
    await ines.page.getByText('Administrateur a créé le client Noé Barbier').waitFor();
    await ines.page.getByText('Administrateur a créé le client Noé Carpentier').waitFor();
    expect(reloads).toEqual([]);
    expect(ines.errors).toEqual([]);
    await ines.context.close();
  });
});
