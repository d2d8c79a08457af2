import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildVehicleInput } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import type { HttpClient } from '../../test/http';

describe.each(ENGINES)('vehicles API on %s', (engine) => {
  let server: TestServer;
  let staff: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await server.signIn('staff', 'Julie Comptoir');
  });
  afterAll(() => server?.close());

  async function createClient(overrides = {}) {
    return (await staff.expect(201).post('/api/v1/clients', buildClientInput(overrides))).body;
  }

  async function createVehicle(clientId: string, overrides = {}): Promise<Vehicle> {
    const input = buildVehicleInput(clientId, overrides);
    return (await staff.expect(201).post('/api/v1/vehicles', input)).body;
  }

  it.each([
    ['ab123cd', 'AB-123-CD', 'siv'],
    ['AB 123 CD', 'AB-123-CD', 'siv'],
    ['ww-456-ab', 'WW-456-AB', 'siv_temporary'],
    ['123 abc 45', '123 ABC 45', 'fni'],
    ['1234ab971', '1234 AB 971', 'fni'],
    ['b-mw 1234', 'B-MW 1234', 'foreign'],
  ])('stores the plate %s in its canonical form %s', async (typed, canonical, kind) => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id, { plate: typed });
    expect(vehicle).toMatchObject({
      plate: canonical,
      plateKind: kind,
      clientName: expect.any(String),
    });
  });

  it('warns, without refusing, about a plate already on another active vehicle and a failing VIN check digit', async () => {
    const client = await createClient();
    const first = await createVehicle(client.id, { plate: 'GH-482-KL', vin: 'VF1RFB00X56789012' });
    expect(first.warnings.map((warning) => warning.code)).toContain('vin_check_digit');
    const second = await createVehicle(client.id, { plate: 'gh 482 kl' });
    expect(second.warnings.map((warning) => warning.code)).toContain('duplicate_plate');
  });

  it('refuses a VIN with I, O or Q or of the wrong length, and writes nothing', async () => {
    const client = await createClient();
    for (const vin of ['VF1RFB00O56789012', 'VF1RFB0056789']) {
      const { status, body } = await staff.post(
        '/api/v1/vehicles',
        buildVehicleInput(client.id, { vin }),
      );
      expect(status).toBe(400);
      expect(body.error.details[0].path).toEqual(['vin']);
    }
    const { body } = await staff.get(`/api/v1/vehicles?clientId=${client.id}`);
    expect(body.items).toEqual([]);
  });

  it('finds a vehicle by plate typed with any spacing, by VIN and by owner name', async () => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id, {
      plate: 'KM-735-RT',
      vin: 'WVWZZZ1JZXW000001',
    });
    const find = async (q: string) =>
      (await staff.expect(200).get(`/api/v1/vehicles?q=${encodeURIComponent(q)}`)).body.items.map(
        (item: Vehicle) => item.id,
      );
    expect(await find('km735rt')).toContain(vehicle.id);
    expect(await find('KM 735 RT')).toContain(vehicle.id);
    expect(await find('wvwzzz1jzxw000001')).toContain(vehicle.id);
    expect(await find(client.lastName)).toContain(vehicle.id);

    // Renamed: found by the new name, no longer by the old one.
    await staff.expect(200).patch(`/api/v1/clients/${client.id}`, {
      version: client.version,
      lastName: 'Vasseur-Renommé',
    });
    expect(await find('vasseur-renomme')).toContain(vehicle.id);
    expect(await find(client.lastName)).not.toContain(vehicle.id);
  });

  it('records CT visits and mileage, asking for confirmation of a lower reading', async () => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id);
    const { body: afterCt } = await staff
      .expect(201)
      .post(`/api/v1/vehicles/${vehicle.id}/inspections`, { date: '2025-03-10', result: 'major' });
    expect(afterCt.lastInspection).toEqual({ date: '2025-03-10', result: 'major' });
    await staff
      .expect(201)
      .post(`/api/v1/vehicles/${vehicle.id}/mileage`, { date: '2025-03-10', km: 84_000 });
    const lower = await staff.post(`/api/v1/vehicles/${vehicle.id}/mileage`, {
      date: '2025-06-01',
      km: 48_000,
    });
    expect(lower.status).toBe(409);
    expect(lower.body.error.details.reason).toBe('mileage_lower');
    const { body: confirmed } = await staff
      .expect(201)
      .post(`/api/v1/vehicles/${vehicle.id}/mileage`, {
        date: '2025-06-01',
        km: 48_000,
        confirmLower: true,
      });
    expect(confirmed.lastMileage).toEqual({ date: '2025-06-01', km: 48_000 });
  });

  it('transfers a vehicle to another client and keeps its history', async () => {
    const seller = await createClient();
    const buyer = await createClient();
    const vehicle = await createVehicle(seller.id);
    await staff
      .expect(201)
      .post(`/api/v1/vehicles/${vehicle.id}/mileage`, { date: '2025-01-05', km: 61_000 });
    const { body: current } = await staff.get(`/api/v1/vehicles/${vehicle.id}`);
    const { body: moved } = await staff
      .expect(200)
      .post(`/api/v1/vehicles/${vehicle.id}/transfer`, {
        clientId: buyer.id,
        version: current.version,
      });
    expect(moved.clientId).toBe(buyer.id);
    const { body: history } = await staff.expect(200).get(`/api/v1/vehicles/${vehicle.id}/history`);
    expect(history.owners.map((owner: { clientId: string }) => owner.clientId)).toEqual([
      buyer.id,
      seller.id,
    ]);
    expect(history.owners[1].toAt).not.toBeNull();
    expect(history.mileage[0].km).toBe(61_000);
    const { body: bySeller } = await staff.get(`/api/v1/vehicles?clientId=${seller.id}`);
    expect(bySeller.items).toEqual([]);
  });

  it('refuses a stale version with 409 and the current vehicle', async () => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id);
    await staff
      .expect(200)
      .patch(`/api/v1/vehicles/${vehicle.id}`, { version: 1, model: 'Clio V' });
    const stale = await staff.patch(`/api/v1/vehicles/${vehicle.id}`, {
      version: 1,
      model: 'Mégane',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.model).toBe('Clio V');
  });

  it('refuses a vehicle for an unknown client', async () => {
    const { status, body } = await staff.post(
      '/api/v1/vehicles',
      buildVehicleInput('7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f'),
    );
    expect(status).toBe(400);
    expect(body.error.details[0].path).toEqual(['clientId']);
  });
});
