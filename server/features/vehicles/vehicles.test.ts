import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ClientInput } from '../../../domain/schemas/client';
import {
  type Vehicle,
  type VehicleInput,
  type VehicleListQuerySchema,
  VehicleSchema,
} from '../../../domain/schemas/vehicle';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildVehicleInput } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';

describe.each(ENGINES)('vehicles API on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await server.signIn('staff', 'Julie Comptoir');
  });
  afterAll(() => server?.close());

  function createClient(overrides: Partial<ClientInput> = {}) {
    return expectStatus(201, staff.api.clients.$post({ json: buildClientInput(overrides) }));
  }

  function createVehicle(clientId: string, overrides: Partial<VehicleInput> = {}) {
    return expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(clientId, overrides) }),
    );
  }

  async function find(query: z.input<typeof VehicleListQuerySchema>): Promise<string[]> {
    const page = await expectStatus(200, staff.api.vehicles.$get({ query }));
    return page.items.map((vehicle) => vehicle.id);
  }

  function recordMileage(
    vehicle: Vehicle,
    json: { date: string; km: number; confirmLower?: boolean },
  ) {
    return staff.api.vehicles[':id'].mileage.$post({ param: { id: vehicle.id }, json });
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
      const error = await expectError(
        'validation_failed',
        staff.api.vehicles.$post({ json: buildVehicleInput(client.id, { vin }) }),
      );
      expect(issuePaths(error)).toEqual(['vin']);
    }
    expect(await find({ clientId: client.id })).toEqual([]);
  });

  it('finds a vehicle by plate typed with any spacing, by VIN and by owner name', async () => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id, {
      plate: 'KM-735-RT',
      vin: 'WVWZZZ1JZXW000001',
    });
    expect(await find({ q: 'km735rt' })).toContain(vehicle.id);
    expect(await find({ q: 'KM 735 RT' })).toContain(vehicle.id);
    expect(await find({ q: 'wvwzzz1jzxw000001' })).toContain(vehicle.id);
    expect(await find({ q: client.lastName! })).toContain(vehicle.id);

    // Renamed: found by the new name, no longer by the old one.
    await expectStatus(
      200,
      staff.api.clients[':id'].$patch({
        param: { id: client.id },
        json: { version: client.version, lastName: 'Vasseur-Renommé' },
      }),
    );
    expect(await find({ q: 'vasseur-renomme' })).toContain(vehicle.id);
    expect(await find({ q: client.lastName! })).not.toContain(vehicle.id);
  });

  it('records CT visits and mileage, refusing a lower reading with mileage_lower until confirmed', async () => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id);
    const afterCt = await expectStatus(
      201,
      staff.api.vehicles[':id'].inspections.$post({
        param: { id: vehicle.id },
        json: { date: '2025-03-10', result: 'major' },
      }),
    );
    expect(afterCt.lastInspection).toEqual({ date: '2025-03-10', result: 'major' });
    await expectStatus(201, recordMileage(vehicle, { date: '2025-03-10', km: 84_000 }));
    const lower = await expectError(
      'mileage_lower',
      recordMileage(vehicle, { date: '2025-06-01', km: 48_000 }),
    );
    expect(lower.details).toEqual({ highest: { date: '2025-03-10', km: 84_000 } });
    expect(lower.message).toContain('84000 km');
    const confirmed = await expectStatus(
      201,
      recordMileage(vehicle, { date: '2025-06-01', km: 48_000, confirmLower: true }),
    );
    expect(confirmed.lastMileage).toEqual({ date: '2025-06-01', km: 48_000 });
  });

  it('transfers a vehicle to another client and keeps its history', async () => {
    const seller = await createClient();
    const buyer = await createClient();
    const vehicle = await createVehicle(seller.id);
    const current = await expectStatus(
      201,
      recordMileage(vehicle, { date: '2025-01-05', km: 61_000 }),
    );
    const moved = await expectStatus(
      200,
      staff.api.vehicles[':id'].transfer.$post({
        param: { id: vehicle.id },
        json: { clientId: buyer.id, version: current.version },
      }),
    );
    expect(moved.clientId).toBe(buyer.id);
    const history = await expectStatus(
      200,
      staff.api.vehicles[':id'].history.$get({ param: { id: vehicle.id } }),
    );
    expect(history.owners.map((owner) => owner.clientId)).toEqual([buyer.id, seller.id]);
    expect(history.owners[1]!.toAt).not.toBeNull();
    expect(history.mileage[0]!.km).toBe(61_000);
    expect(await find({ clientId: seller.id })).toEqual([]);
  });

  it('refuses a stale version with 409 stale_version, the current vehicle and who changed it', async () => {
    const client = await createClient();
    const vehicle = await createVehicle(client.id);
    const byId = { param: { id: vehicle.id } };
    const updated = await expectStatus(
      200,
      staff.api.vehicles[':id'].$patch({ ...byId, json: { version: 1, model: 'Clio V' } }),
    );
    const { details } = await expectError(
      'stale_version',
      staff.api.vehicles[':id'].$patch({ ...byId, json: { version: 1, model: 'Mégane' } }),
    );
    expect(VehicleSchema.parse(details.current)).toEqual(updated);
    expect(details.changedBy?.name).toBe('Julie Comptoir');
    const transfer = await expectError(
      'stale_version',
      staff.api.vehicles[':id'].transfer.$post({
        ...byId,
        json: { clientId: client.id, version: 1 },
      }),
    );
    expect(VehicleSchema.parse(transfer.details.current).model).toBe('Clio V');
  });

  it('refuses a vehicle for an unknown client', async () => {
    const error = await expectError(
      'validation_failed',
      staff.api.vehicles.$post({ json: buildVehicleInput('7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f') }),
    );
    expect(issuePaths(error)).toEqual(['clientId']);
  });
});
