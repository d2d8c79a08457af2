import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRepairOrderVersion } from '../domain/repair-order/version-hash';
import { expectStatus } from '../server/test/api-client';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { launchBrowser, login } from './browser';

const PASSWORD = 'motdepasse-atelier';
const KARIM = { name: 'Karim Haddad', email: 'karim.atelier@garage.test', role: 'staff' as const };
/** A 1×1 PNG: what is signed matters here, not the drawing. */
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SHOTS = process.env.SHOTS_DIR;

describe('the technician’s phone page', () => {
  let server: TestServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    ({ browser, close: closeBrowser } = await launchBrowser());
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('waits for the check-in signature, then clocks a job on and off, live', async () => {
    const admin = await server.admin();
    const karim = await expectStatus(
      201,
      admin.api.staff.$post({ json: { ...KARIM, password: PASSWORD } }),
    );
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const opened = await expectStatus(
      201,
      admin.api['repair-orders'].$post({
        json: {
          origin: 'walk_in',
          clientId: client.id,
          vehicleId: vehicle.id,
          technicianId: karim.id,
          jobs: buildJobs(1),
        },
      }),
    );

    const phone = await login(browser, server.url, KARIM.email, PASSWORD);
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await phone.page.goto('/atelier');
    await phone.page.getByRole('button', { name: 'Mes OR (1)' }).waitFor();
    await phone.page.getByRole('button', { name: new RegExp(vehicle.plate) }).click();
    const job = phone.page.locator('.tech-job').filter({ hasText: 'Prestation 1' });
    await job.getByText('En attente de la signature du client à l’accueil').waitFor();
    expect(await job.getByRole('button', { name: 'Démarrer' }).count()).toBe(0);

    // The customer signs at the counter: the phone can start at once, without a reload.
    await expectStatus(
      201,
      admin.api['repair-orders'][':id'].signatures.$post({
        param: { id: opened.id },
        json: {
          version: opened.version,
          kind: 'check_in',
          signerName: 'Hélène Lefèvre',
          image: SIGNATURE,
          versionHash: await hashRepairOrderVersion(opened),
        },
      }),
    );
    await job.getByRole('button', { name: 'Démarrer' }).click();
    await job.getByRole('button', { name: 'Pause' }).waitFor();
    const started = await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$get({ param: { id: opened.id } }),
    );
    expect(started.status).toBe('in_progress');
    expect(started.jobs[0]!.clockedOn.map((who) => who.name)).toEqual([KARIM.name]);
    await job.getByText('/ 1 h 30 vendues').waitFor();
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/atelier-phone.png`, fullPage: true });

    await job.getByRole('button', { name: 'Pause' }).click();
    await job.getByRole('button', { name: 'Démarrer' }).waitFor();
    const paused = await expectStatus(
      200,
      admin.api['repair-orders'][':id'].$get({ param: { id: opened.id } }),
    );
    expect(paused.jobs[0]!.clockedOn).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
