import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDetails } from '../../../domain/refusals';
import type { Change } from '../../../domain/schemas/change';
import { ErrorBodySchema } from '../../../domain/schemas/common';
import { SettingsSchema } from '../../../domain/schemas/settings';
import type { ApiClient } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

type Screen = ApiClient;

/** The settings as they are now (any signed-in screen may read them). */
async function readSettings(screen: Screen) {
  const response = await screen.api.settings.$get();
  if (response.status !== 200) throw new Error(`GET /settings: ${response.status}`);
  return response.json();
}

/** A refused request's code, message and details, checked against the one error body. */
async function readError(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error;
}

describe.each(ENGINES)('PATCH /settings on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  it('saves the fields sent, keeps the others, and reaches the other screens as a settings change', async () => {
    const admin = await server.signIn('admin', 'Claire Admin');
    const staff = await server.signIn('staff', 'Paul Comptoir');
    const before = await readSettings(admin);

    const socket = connectSocket(server.url, staff.cookie);
    await waitForEvent(socket, 'hello');
    const live = waitForEvent(socket, 'change', (change: Change) => change.entity === 'settings');
    const response = await admin.api.settings.$patch({
      json: { quoteValidityDays: 45, version: before.version },
    });
    expect(response.status).toBe(200);
    if (response.status !== 200) return;
    const saved = await response.json();
    expect(saved).toMatchObject({
      version: before.version + 1,
      quoteValidityDays: 45,
      paymentTerms: before.paymentTerms,
      labourRates: before.labourRates,
      company: before.company,
    });
    const [change] = await live;
    socket.close();
    expect(change?.entity).toBe('settings');
    expect(change?.id).toBe('settings');
    expect(SettingsSchema.parse(change?.data)).toEqual(saved);

    const company = { ...saved.company, name: 'Garage du Parc', siret: '732 829 320 00074' };
    const second = await admin.api.settings.$patch({ json: { company, version: saved.version } });
    expect(second.status).toBe(200);
    const after = await readSettings(staff);
    expect(after).toMatchObject({
      version: saved.version + 1,
      quoteValidityDays: 45,
      company: { name: 'Garage du Parc', siret: '73282932000074' },
    });
  });

  it('refuses a version that is no longer current with stale_version, who saved, and the current settings', async () => {
    const claire = await server.signIn('admin', 'Claire Admin');
    const marc = await server.signIn('admin', 'Marc Admin');
    const base = await readSettings(claire);

    const first = await claire.api.settings.$patch({
      json: { paymentTerms: 'Paiement à 30 jours.', version: base.version },
    });
    expect(first.status).toBe(200);
    const stale = await marc.api.settings.$patch({
      json: { warrantyTerms: 'Garantie 2 ans.', version: base.version },
    });
    expect(stale.status).toBe(409);
    const error = await readError(stale);
    expect(error.code).toBe('stale_version');
    const details = readDetails(error, 'stale_version');
    expect(details?.changedBy?.name).toBe('Claire Admin');
    const current = SettingsSchema.parse(details?.current);
    expect(current).toMatchObject({
      version: base.version + 1,
      paymentTerms: 'Paiement à 30 jours.',
      warrantyTerms: base.warrantyTerms,
    });

    // Marc's field merged into Claire's version, saved from the version the refusal gave him.
    const retried = await marc.api.settings.$patch({
      json: { warrantyTerms: 'Garantie 2 ans.', version: current.version },
    });
    expect(retried.status).toBe(200);
    expect(await readSettings(claire)).toMatchObject({
      paymentTerms: 'Paiement à 30 jours.',
      warrantyTerms: 'Garantie 2 ans.',
    });
  });

  it('checks the merged settings with the schema of a full save, names the faulty fields, saves nothing', async () => {
    const admin = await server.signIn('admin', 'Claire Admin');
    const before = await readSettings(admin);
    const [rate] = before.labourRates;
    if (!rate) throw new Error('the default settings have labour rates');
    const response = await admin.api.settings.$patch({
      json: {
        quoteValidityDays: 0,
        labourRates: [{ ...rate, name: ' ' }],
        version: before.version,
      },
    });
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe('validation_failed');
    const paths = (readDetails(error, 'validation_failed') ?? []).map((issue) =>
      issue.path.join('.'),
    );
    expect(paths).toEqual(expect.arrayContaining(['quoteValidityDays', 'labourRates.0.name']));
    expect(await readSettings(admin)).toEqual(before);
  });

  it('lets only admins patch them', async () => {
    const staff = await server.signIn('staff', 'Paul Comptoir');
    const before = await readSettings(staff);
    const response = await staff.api.settings.$patch({
      json: { vatExempt: true, version: before.version },
    });
    expect(response.status).toBe(403);
    expect(await readSettings(staff)).toEqual(before);
  });
});
