import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  type Client,
  type ClientInput,
  type ClientListQuerySchema,
  ClientSchema,
} from '../../../domain/schemas/client';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { buildClientInput, uniqueTag } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { isChangeOf } from '../../test/socket';

/** Every key of a feed entry: a label and who did what, no field of the record. */
const FEED_KEYS = ['action', 'actor', 'at', 'entity', 'id', 'label', 'seq', 'status'];

describe.each(ENGINES)('clients API on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await server.signIn('staff', 'Marie Dubois');
  });
  afterAll(() => server?.close());

  function createClient(overrides: Partial<ClientInput> = {}): Promise<Client> {
    return expectStatus(201, staff.api.clients.$post({ json: buildClientInput(overrides) }));
  }

  async function lastSeq(): Promise<number> {
    const page = await expectStatus(200, staff.api.changes.$get({ query: { after: 0, limit: 1 } }));
    return page.lastSeq;
  }

  async function search(query: z.input<typeof ClientListQuerySchema>): Promise<string[]> {
    const page = await expectStatus(200, staff.api.clients.$get({ query }));
    return page.items.map((client) => client.id);
  }

  it('creates a client, normalising what was typed, and reads it back', async () => {
    const created = await createClient({ phones: ['06 98 76 54 32'], email: ' H@Exemple.FR ' });
    expect(created).toMatchObject({ version: 1, phones: ['+33698765432'], email: 'h@exemple.fr' });
    const read = await expectStatus(
      200,
      staff.api.clients[':id'].$get({ param: { id: created.id } }),
    );
    expect(read).toEqual(created);
  });

  it('refuses invalid input with 400 validation_failed, the zod issues, and writes nothing', async () => {
    const before = await lastSeq();
    const error = await expectError(
      'validation_failed',
      staff.api.clients.$post({
        json: {
          kind: 'person',
          lastName: '',
          email: 'pas-un-email',
          phones: ['123'],
          siret: '123',
        },
      }),
    );
    expect(issuePaths(error)).toEqual(expect.arrayContaining(['email', 'phones.0', 'siret']));
    expect(await lastSeq()).toBe(before);
  });

  it('answers malformed JSON, a wrong type and a missing field with 400, not 500', async () => {
    const malformed = await expectError(
      'validation_failed',
      staff.raw('POST', '/api/v1/clients', { body: '{"kind":' }),
    );
    expect(malformed.message).toContain('JSON');
    const wrongType = await expectError(
      'validation_failed',
      staff.raw('POST', '/api/v1/clients', { body: { ...buildClientInput(), phones: '0612' } }),
    );
    expect(issuePaths(wrongType)).toEqual(['phones']);
    const { kind: _, ...withoutKind } = buildClientInput();
    const missing = await expectError(
      'validation_failed',
      staff.raw('POST', '/api/v1/clients', { body: withoutKind }),
    );
    expect(issuePaths(missing)).toContain('kind');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectError(
      'not_found',
      staff.api.clients[':id'].$get({ param: { id: '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f' } }),
    );
    const malformed = await expectError(
      'validation_failed',
      staff.api.clients[':id'].$get({ param: { id: 'not-a-uuid' } }),
    );
    expect(issuePaths(malformed)).toEqual(['id']);
  });

  it('finds clients ignoring accents and case, by name, company, email, phone and city', async () => {
    const tag = uniqueTag();
    const helene = await createClient({
      firstName: 'Hélène',
      lastName: `Lefèvre${tag}`,
      email: `contact.${tag}@garage-exemple.fr`,
      phones: ['04 72 11 22 33'],
      address: { city: 'Écully', postalCode: '69130' },
    });
    const company = await createClient({
      kind: 'business',
      companyName: `Boulangerie Pâtisserie ${tag}`,
      lastName: null,
      siret: '404 833 048 00022',
    });
    const find = (q: string) => search({ q });
    expect(await find(`LEFEVRE${tag}`)).toEqual([helene.id]);
    expect(await find(`hélène lefèvre${tag}`)).toEqual([helene.id]);
    expect(await find(`contact.${tag}`)).toEqual([helene.id]);
    expect(await find(`patisserie ${tag}`)).toEqual([company.id]);
    expect(await find('04 72 11 22 33')).toContain(helene.id);
    expect(await find('+33 4 72 11 22')).toContain(helene.id);
    expect(await find(`ecully ${tag}`)).toEqual([helene.id]);
    expect(await find(`100%_${tag}`)).toEqual([]);
  });

  it('pages through the list with a cursor, without gaps or repeats', async () => {
    const tag = uniqueTag();
    const created = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        createClient({ lastName: tag, firstName: `Ana${'a'.repeat(i)}` }),
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: { q: string; limit: number; cursor?: string } = { q: tag, limit: 3 };
      if (cursor) query.cursor = cursor;
      const page = await expectStatus(200, staff.api.clients.$get({ query }));
      seen.push(...page.items.map((client) => client.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((client) => client.id)));
  });

  it('refuses a forged cursor and an out-of-range limit with 400', async () => {
    for (const query of [{ cursor: 'garbage' }, { limit: 0 }, { limit: 'abc' }]) {
      await expectError('validation_failed', staff.api.clients.$get({ query }));
    }
  });

  it('updates with the current version and refuses a stale one with 409 stale_version, the current row and who changed it', async () => {
    const before = await lastSeq();
    const client = await createClient();
    const byId = { param: { id: client.id } };
    const updated = await expectStatus(
      200,
      staff.api.clients[':id'].$patch({
        ...byId,
        json: { version: 1, notes: 'Préfère être appelée le matin' },
      }),
    );
    expect(updated).toMatchObject({ version: 2, notes: 'Préfère être appelée le matin' });
    expect(updated.phones).toEqual(client.phones);
    expect(updated.email).toEqual(client.email);

    const other = await server.signIn('staff', 'Paul Martin');
    const { details } = await expectError(
      'stale_version',
      other.api.clients[':id'].$patch({ ...byId, json: { version: 1, notes: 'Autre' } }),
    );
    expect(ClientSchema.parse(details.current)).toEqual(updated);
    expect(details.changedBy?.name).toBe('Marie Dubois');
    const log = await expectStatus(200, staff.api.changes.$get({ query: { after: before } }));
    const update = log.items.find(
      (change) => change.id === client.id && change.action === 'updated',
    );
    expect(details.changedAt).toBe(update?.at);
    const after = await expectStatus(200, staff.api.clients[':id'].$get(byId));
    expect(after.notes).toBe('Préfère être appelée le matin');
  });

  it('checks the merged result of a partial update', async () => {
    const client = await createClient();
    const error = await expectError(
      'validation_failed',
      staff.api.clients[':id'].$patch({
        param: { id: client.id },
        json: { version: 1, kind: 'business' },
      }),
    );
    expect(issuePaths(error)).toEqual(['companyName']);
  });

  it('archives a client out of the default list and restores it', async () => {
    const client = await createClient();
    const byId = { param: { id: client.id } };
    const archived = await expectStatus(200, staff.api.clients[':id'].$delete(byId));
    expect(archived.archivedAt).not.toBeNull();
    const q = client.lastName!;
    expect(await search({ q })).toEqual([]);
    expect(await search({ q, archived: 'true' })).toEqual([client.id]);
    const restored = await expectStatus(200, staff.api.clients[':id'].restore.$post(byId));
    expect(restored.archivedAt).toBeNull();
  });

  it('appends one change-log row per write, with the actor and the record', async () => {
    const before = await lastSeq();
    const client = await createClient();
    const byId = { param: { id: client.id } };
    await expectStatus(
      200,
      staff.api.clients[':id'].$patch({ ...byId, json: { version: 1, notes: 'x' } }),
    );
    const archived = await expectStatus(200, staff.api.clients[':id'].$delete(byId));
    const page = await expectStatus(200, staff.api.changes.$get({ query: { after: before } }));
    const mine = page.items
      .filter((change) => isChangeOf(change, 'client'))
      .filter((change) => change.id === client.id);
    expect(mine.map((change) => change.action)).toEqual(['created', 'updated', 'archived']);
    expect(mine[0]!.actor?.name).toBe('Marie Dubois');
    expect(mine[2]!.data).toEqual(archived);
  });

  it('keeps client records from the display role: no client routes, no change log, the feed with labels', async () => {
    const display = await server.signIn('display');
    await expectError('forbidden', display.api.clients.$get({ query: {} }));
    await expectError('forbidden', display.api.clients.$post({ json: buildClientInput() }));
    await expectError('forbidden', display.api.changes.$get({ query: { after: 0 } }));

    const before = await lastSeq();
    const client = await createClient();
    const feed = await expectStatus(200, display.api.feed.$get({ query: { after: before } }));
    const entry = feed.items.find((item) => item.id === client.id);
    expect(entry).toMatchObject({
      entity: 'client',
      action: 'created',
      label: `Mme Hélène ${client.lastName}`,
      status: null,
      actor: { name: 'Marie Dubois' },
    });
    expect(Object.keys(entry!).sort()).toEqual(FEED_KEYS);
  });

  it('serves staff the same feed as the wall, in seq order', async () => {
    const before = await lastSeq();
    const client = await createClient();
    await createClient();
    const feed = await expectStatus(200, staff.api.feed.$get({ query: { after: before } }));
    expect(feed.items).toHaveLength(2);
    expect(feed.items.find((item) => item.id === client.id)?.label).toBe(
      `Mme Hélène ${client.lastName}`,
    );
    const seqs = feed.items.map((item) => item.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('refuses every route without a session', async () => {
    const anonymous = server.client();
    for (const request of [
      anonymous.api.clients.$get({ query: {} }),
      anonymous.api.changes.$get({ query: { after: 0 } }),
      anonymous.api.feed.$get({ query: { after: 0 } }),
      anonymous.api.staff.$get(),
    ]) {
      await expectError('unauthenticated', request);
    }
  });
});
