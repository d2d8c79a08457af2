import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTING, SettingsSchema } from '../../../domain/schemas/settings';
import { expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForChange, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('company settings on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  it('starts from defaults, saved by an admin, reaches every screen live, and refuses a stale save', async () => {
    const admin = await server.admin();
    const staff = await server.signIn('staff');
    const initial = await expectStatus(200, staff.api.settings.$get());
    expect(initial).toMatchObject({ version: 0, quoteValidityDays: 30, vatExempt: false });
    expect(initial.company.name).toBeNull();

    const socket = connectSocket(server.url, staff.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const live = waitForChange(socket, 'settings');
      const saved = await expectStatus(
        200,
        admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }),
      );
      expect(saved).toMatchObject({
        version: 1,
        company: { siret: '73282932000074', vatNumber: 'FR44732829320' },
      });
      const change = await live;
      expect(change).toMatchObject({ action: 'updated', id: 'settings' });
      expect(change.data).toEqual(saved);
    } finally {
      socket.close();
    }

    const { details } = await expectError(
      'stale_version',
      admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }),
    );
    expect(SettingsSchema.parse(details.current).version).toBe(1);
    expect(details.changedBy?.name).toBe('Administrateur');
  });

  it('gives the FEC export the PCG accounts by default, keeps the ones an admin sets, and refuses a malformed one', async () => {
    const admin = await server.admin();
    const current = await expectStatus(200, admin.api.settings.$get());
    expect(current.accounting).toEqual(DEFAULT_ACCOUNTING);
    expect(current.accounting).toMatchObject({
      customerAccount: '411000',
      salesAccount: '706000',
      bankAccount: '512000',
      cashAccount: '530000',
      salesJournal: 'VE',
      bankJournal: 'BQ',
      cashJournal: 'CA',
    });
    const accounting = { ...DEFAULT_ACCOUNTING, customerAccount: '41100000', cashJournal: 'CAI' };
    const saved = await expectStatus(
      200,
      admin.api.settings.$patch({ json: { accounting, version: current.version } }),
    );
    expect(saved.accounting).toEqual(accounting);
    const refused = await expectError(
      'validation_failed',
      admin.api.settings.$patch({
        json: { accounting: { ...accounting, bankAccount: '51 2' }, version: saved.version },
      }),
    );
    expect(issuePaths(refused)).toEqual(['accounting.bankAccount']);
    expect(refused.details?.[0]?.message).toContain('Numéro de compte');
    const kept = await expectStatus(200, admin.api.settings.$get());
    expect(kept.accounting).toEqual(accounting);
  });

  it('lets only admins change them', async () => {
    const staff = await server.signIn('staff');
    await expectError(
      'forbidden',
      staff.api.settings.$put({ json: { ...buildSettings(), version: 1 } }),
    );
  });

  it('refuses bad values with the field paths, and keeps the saved ones', async () => {
    const admin = await server.admin();
    const before = await expectStatus(200, admin.api.settings.$get());
    const settings = buildSettings();
    // Raw: the types refuse a VAT rate that is not French.
    const body = {
      ...settings,
      defaultVatRateBp: 1960,
      quoteValidityDays: 0,
      company: {
        ...settings.company,
        siret: '123',
        logo: `data:image/png;base64,${'A'.repeat(500_000)}`,
      },
      version: before.version,
    };
    const error = await expectError(
      'validation_failed',
      admin.raw('PUT', '/api/v1/settings', { body }),
    );
    expect(issuePaths(error)).toEqual(
      expect.arrayContaining([
        'company.siret',
        'company.logo',
        'defaultVatRateBp',
        'quoteValidityDays',
      ]),
    );
    expect(await expectStatus(200, admin.api.settings.$get())).toEqual(before);
  });
});
