import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteSummary } from '../../../domain/schemas/quote';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildJobs, buildVehicleInput, uniqueTag } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import type { HttpClient } from '../../test/http';

/**
 * Vehicles are found by their owner's name and quotes by their client's name and plate: the
 * triggers of the `party_search_triggers` migration keep that text, whoever writes (decision 0010).
 */
describe.each(ENGINES)('finding vehicles and quotes by their parties on %s', (engine) => {
  let server: TestServer;
  let staff: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await server.signIn('staff', 'Nadia Comptoir');
  });
  afterAll(() => server?.close());

  async function createParties() {
    const client = (await staff.expect(201).post('/api/v1/clients', buildClientInput())).body;
    const vehicle: Vehicle = (
      await staff.expect(201).post('/api/v1/vehicles', buildVehicleInput(client.id))
    ).body;
    const quote: QuoteSummary = (
      await staff.expect(201).post('/api/v1/quotes', {
        clientId: client.id,
        vehicleId: vehicle.id,
        jobs: buildJobs(),
      })
    ).body;
    return { client, vehicle, quote };
  }

  async function find(q: string) {
    const query = encodeURIComponent(q);
    const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
    const [vehicles, quotes, everything] = await Promise.all([
      staff.expect(200).get(`/api/v1/vehicles?q=${query}`),
      staff.expect(200).get(`/api/v1/quotes?q=${query}`),
      staff.expect(200).get(`/api/v1/search?q=${query}`),
    ]);
    return {
      vehicles: ids(vehicles.body.items),
      quotes: ids(quotes.body.items),
      searchVehicles: ids(everything.body.vehicles),
      searchQuotes: ids(everything.body.quotes),
    };
  }

  it('finds a renamed client’s vehicles and quotes by the new name, accents and case ignored', async () => {
    const { client, vehicle, quote } = await createParties();
    const name = `Lefèvre${uniqueTag()}`;
    await staff
      .expect(200)
      .patch(`/api/v1/clients/${client.id}`, { version: client.version, lastName: name });

    const found = await find(name.replace('è', 'e').toUpperCase());
    expect(found).toEqual({
      vehicles: [vehicle.id],
      quotes: [quote.id],
      searchVehicles: [vehicle.id],
      searchQuotes: [quote.id],
    });
    expect(await find(client.lastName)).toEqual({
      vehicles: [],
      quotes: [],
      searchVehicles: [],
      searchQuotes: [],
    });
  });

  it('finds a quote by its vehicle’s new plate, typed with any spacing', async () => {
    const { vehicle, quote } = await createParties();
    const plate = buildVehicleInput(vehicle.clientId).plate;
    const { body: updated } = await staff
      .expect(200)
      .patch(`/api/v1/vehicles/${vehicle.id}`, { version: vehicle.version, plate });

    const spaced = updated.plate.replaceAll('-', ' ').toLowerCase();
    expect((await find(spaced)).quotes).toEqual([quote.id]);
    expect((await find(spaced)).searchQuotes).toEqual([quote.id]);
    expect((await find(vehicle.plate)).quotes).toEqual([]);
  });

  it('finds a quote by the plate of the vehicle it was moved to, and a sold vehicle by its new owner', async () => {
    const { client, vehicle: first, quote } = await createParties();
    const { body: second } = await staff
      .expect(201)
      .post('/api/v1/vehicles', buildVehicleInput(client.id));
    await staff
      .expect(200)
      .patch(`/api/v1/quotes/${quote.id}`, { version: quote.version, vehicleId: second.id });
    expect((await find(second.plate)).quotes).toEqual([quote.id]);
    expect((await find(first.plate)).quotes).toEqual([]);

    const { body: buyer } = await staff.expect(201).post('/api/v1/clients', buildClientInput());
    await staff.expect(200).post(`/api/v1/vehicles/${first.id}/transfer`, {
      version: first.version,
      clientId: buyer.id,
    });
    expect((await find(buyer.lastName)).vehicles).toEqual([first.id]);
    expect((await find(client.lastName)).vehicles).toEqual([second.id]);
  });

  it('keeps the text in step when the database is written without the server', async () => {
    const { client, vehicle, quote } = await createParties();
    const name = `Dupré${uniqueTag()}`;
    await server.deps.db.execute(
      sql`UPDATE clients SET last_name = ${name} WHERE id = ${client.id}`,
    );
    const found = await find(name.toLowerCase());
    expect([found.vehicles, found.quotes]).toEqual([[vehicle.id], [quote.id]]);
  });
});
