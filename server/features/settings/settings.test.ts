import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../domain/schemas/change';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

describe.each(ENGINES)('company settings on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  it('starts from defaults, saved by an admin, and reaches every screen live', async () => {
    const admin = await server.admin();
    const staff = await server.signIn('staff');
    const { body: initial } = await staff.expect(200).get('/api/v1/settings');
    expect(initial).toMatchObject({ version: 0, quoteValidityDays: 30, vatExempt: false });
    expect(initial.company.name).toBeNull();

    const socket = connectSocket(server.url, staff.cookieHeader);
    await waitForEvent(socket, 'hello');
    const live = waitForEvent(socket, 'change', (change: Change) => change.entity === 'settings');
    const { body: saved } = await admin
      .expect(200)
      .put('/api/v1/settings', { ...buildSettings(), version: 0 });
    expect(saved).toMatchObject({
      version: 1,
      company: { siret: '73282932000074', vatNumber: 'FR44732829320' },
    });
    const [change] = await live;
    expect(change.data.company.name).toBe('Garage du Parc');
    socket.close();

    const stale = await admin.put('/api/v1/settings', { ...buildSettings(), version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(1);
  });

  it('lets only admins change them', async () => {
    const staff = await server.signIn('staff');
    const { status } = await staff.put('/api/v1/settings', { ...buildSettings(), version: 1 });
    expect(status).toBe(403);
  });

  it('refuses bad values with the field paths, and keeps the saved ones', async () => {
    const admin = await server.admin();
    const { body: before } = await admin.get('/api/v1/settings');
    const bad = buildSettings({ defaultVatRateBp: 1960, quoteValidityDays: 0 });
    (bad.company as Record<string, unknown>).siret = '123';
    (bad.company as Record<string, unknown>).logo = `data:image/png;base64,${'A'.repeat(500_000)}`;
    const { status, body } = await admin.put('/api/v1/settings', {
      ...bad,
      version: before.version,
    });
    expect(status).toBe(400);
    const paths = body.error.details.map((issue: { path: string[] }) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'company.siret',
        'company.logo',
        'defaultVatRateBp',
        'quoteValidityDays',
      ]),
    );
    const { body: after } = await admin.get('/api/v1/settings');
    expect(after).toEqual(before);
  });
});
