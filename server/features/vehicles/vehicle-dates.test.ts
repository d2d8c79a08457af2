import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildVehicleInput } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';

/** 23:30 in Paris on 24 November: already the 25th in Réunion, the 25th is "tomorrow". */
const NOW = new Date('2026-11-24T22:30:00Z');

describe.each(ENGINES)('dates of what happened to a vehicle, on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;
  let clientId: string;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => NOW });
    staff = await server.signIn('staff');
    clientId = (await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }))).id;
  });
  afterAll(() => server?.close());

  const createVehicle = (firstRegistrationDate: string) =>
    staff.api.vehicles.$post({ json: buildVehicleInput(clientId, { firstRegistrationDate }) });

  function record(vehicle: Vehicle, date: string) {
    const param = { id: vehicle.id };
    const vehicles = staff.api.vehicles[':id'];
    return [
      vehicles.inspections.$post({ param, json: { date, result: 'pass' } }),
      vehicles.mileage.$post({ param, json: { date, km: 52_000 } }),
      vehicles.services.$post({ param, json: { date, km: 52_500 } }),
    ];
  }

  it('refuses a first registration after tomorrow, at that field', async () => {
    const refused = await expectError('validation_failed', createVehicle('2026-11-26'));
    expect(issuePaths(refused)).toEqual(['firstRegistrationDate']);
    const vehicle = await expectStatus(201, createVehicle('2019-03-15'));
    const patched = await expectError(
      'validation_failed',
      staff.api.vehicles[':id'].$patch({
        param: { id: vehicle.id },
        json: { version: vehicle.version, firstRegistrationDate: '2027-01-01' },
      }),
    );
    expect(issuePaths(patched)).toEqual(['firstRegistrationDate']);
  });

  it('refuses a CT, a mileage reading or a service dated after tomorrow, and keeps the last ones', async () => {
    const vehicle = await expectStatus(201, createVehicle('2019-03-15'));
    await expectStatus(
      201,
      staff.api.vehicles[':id'].mileage.$post({
        param: { id: vehicle.id },
        json: { date: '2026-11-01', km: 48_000 },
      }),
    );
    for (const request of record(vehicle, '2026-11-26')) {
      const refused = await expectError('validation_failed', request);
      expect(issuePaths(refused)).toEqual(['date']);
    }
    const after = await expectStatus(
      200,
      staff.api.vehicles[':id'].$get({ param: { id: vehicle.id } }),
    );
    expect(after.lastMileage).toEqual({ date: '2026-11-01', km: 48_000 });
    expect(after.lastInspection).toBeNull();
  });

  it('takes them dated tomorrow in Paris, for a screen further east', async () => {
    await expectStatus(201, createVehicle('2026-11-25'));
    const vehicle = await expectStatus(201, createVehicle('2026-11-24'));
    for (const request of record(vehicle, '2026-11-25')) await expectStatus(201, request);
  });
});
