import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildClientInput, buildJobs, buildVehicleInput, uniqueTag } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';

/**
 * Vehicles are found by their owner's name and quotes by their client's name and plate: the
 * triggers of the `party_search_triggers` migration keep that text, whoever writes (decision 0010).
 */
describe.each(ENGINES)('finding vehicles and quotes by their parties on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await server.signIn('staff', 'Nadia Comptoir');
  });
  afterAll(() => server?.close());

  async function createParties() {
    const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const quote = await expectStatus(
      201,
      staff.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs() },
      }),
    );
    return { client, vehicle, quote };
  }

  async function find(q: string) {
    const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
    const [vehicles, quotes, everything] = await Promise.all([
      expectStatus(200, staff.api.vehicles.$get({ query: { q } })),
      expectStatus(200, staff.api.quotes.$get({ query: { q } })),
      expectStatus(200, staff.api.search.$get({ query: { q } })),
    ]);
    return {
      vehicles: ids(vehicles.items),
      quotes: ids(quotes.items),
      searchVehicles: ids(everything.vehicles),
      searchQuotes: ids(everything.quotes),
    };
  }

  it('finds a renamed client’s vehicles and quotes by the new name, accents and case ignored', async () => {
    const { client, vehicle, quote } = await createParties();
    const name = `Lefèvre${uniqueTag()}`;
    await expectStatus(
      200,
      staff.api.clients[':id'].$patch({
        param: { id: client.id },
        json: { version: client.version, lastName: name },
      }),
    );

    const found = await find(name.replace('è', 'e').toUpperCase());
    expect(found).toEqual({
      vehicles: [vehicle.id],
      quotes: [quote.id],
      searchVehicles: [vehicle.id],
      searchQuotes: [quote.id],
    });
    expect(await find(client.lastName ?? '')).toEqual({
      vehicles: [],
      quotes: [],
      searchVehicles: [],
      searchQuotes: [],
    });
  });

  it('finds a quote by its vehicle’s new plate, typed with any spacing', async () => {
    const { vehicle, quote } = await createParties();
    const plate = buildVehicleInput(vehicle.clientId).plate;
    const updated = await expectStatus(
      200,
      staff.api.vehicles[':id'].$patch({
        param: { id: vehicle.id },
        json: { version: vehicle.version, plate },
      }),
    );

    const spaced = updated.plate.replaceAll('-', ' ').toLowerCase();
    expect((await find(spaced)).quotes).toEqual([quote.id]);
    expect((await find(spaced)).searchQuotes).toEqual([quote.id]);
    expect((await find(vehicle.plate)).quotes).toEqual([]);
  });

  it('finds a quote by the plate of the vehicle it was moved to, and a sold vehicle by its new owner', async () => {
    const { client, vehicle: first, quote } = await createParties();
    const second = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    await expectStatus(
      200,
      staff.api.quotes[':id'].$patch({
        param: { id: quote.id },
        json: { version: quote.version, vehicleId: second.id },
      }),
    );
    expect((await find(second.plate)).quotes).toEqual([quote.id]);
    expect((await find(first.plate)).quotes).toEqual([]);

    const buyer = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    await expectStatus(
      200,
      staff.api.vehicles[':id'].transfer.$post({
        param: { id: first.id },
        json: { version: first.version, clientId: buyer.id },
      }),
    );
    expect((await find(buyer.lastName ?? '')).vehicles).toEqual([first.id]);
    expect((await find(client.lastName ?? '')).vehicles).toEqual([second.id]);
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
