import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../domain/schemas/client';
import { ENGINES } from '../../test/databases';
import { buildClientInput, uniqueTag } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import type { HttpClient } from '../../test/http';

describe.each(ENGINES)('clients API on %s', (engine) => {
  let server: TestServer;
  let staff: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await server.signIn('staff', 'Marie Dubois');
  });
  afterAll(() => server?.close());

  async function createClient(overrides = {}): Promise<Client> {
    const { body } = await staff.expect(201).post('/api/v1/clients', buildClientInput(overrides));
    return body;
  }

  async function lastSeq(): Promise<number> {
    const { body } = await staff.expect(200).get('/api/v1/changes?after=0&limit=1');
    return body.lastSeq;
  }

  it('creates a client, normalising what was typed, and reads it back', async () => {
    const created = await createClient({ phones: ['06 98 76 54 32'], email: ' H@Exemple.FR ' });
    expect(created).toMatchObject({ version: 1, phones: ['+33698765432'], email: 'h@exemple.fr' });
    const { body } = await staff.expect(200).get(`/api/v1/clients/${created.id}`);
    expect(body).toEqual(created);
  });

  it('refuses invalid input with 400 validation_failed, the zod issues, and writes nothing', async () => {
    const before = await lastSeq();
    const { status, body } = await staff.post('/api/v1/clients', {
      kind: 'person',
      lastName: '',
      email: 'pas-un-email',
      phones: ['123'],
      siret: '123',
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((issue: { path: string[] }) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'phones.0', 'siret']));
    expect(await lastSeq()).toBe(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const { status, body } = await staff.post('/api/v1/clients', '{"kind":', {
      'content-type': 'application/json',
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await staff.get('/api/v1/clients/7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const malformed = await staff.get('/api/v1/clients/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
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
    const search = async (q: string) => {
      const { body } = await staff.expect(200).get(`/api/v1/clients?q=${encodeURIComponent(q)}`);
      return body.items.map((client: Client) => client.id);
    };
    expect(await search(`LEFEVRE${tag}`)).toEqual([helene.id]);
    expect(await search(`hélène lefèvre${tag}`)).toEqual([helene.id]);
    expect(await search(`contact.${tag}`)).toEqual([helene.id]);
    expect(await search(`patisserie ${tag}`)).toEqual([company.id]);
    expect(await search('04 72 11 22 33')).toContain(helene.id);
    expect(await search('+33 4 72 11 22')).toContain(helene.id);
    expect(await search(`ecully ${tag}`)).toEqual([helene.id]);
    expect(await search(`100%_${tag}`)).toEqual([]);
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
      const query: string = `/api/v1/clients?q=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await staff.expect(200).get(query);
      seen.push(...body.items.map((client: Client) => client.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((client) => client.id)));
  });

  it('refuses a forged cursor and an out-of-range limit with 400', async () => {
    expect((await staff.get('/api/v1/clients?cursor=garbage')).status).toBe(400);
    expect((await staff.get('/api/v1/clients?limit=0')).status).toBe(400);
    expect((await staff.get('/api/v1/clients?limit=abc')).status).toBe(400);
  });

  it('updates with the current version and refuses a stale one with 409, the current row and who changed it', async () => {
    const client = await createClient();
    const { body: updated } = await staff.expect(200).patch(`/api/v1/clients/${client.id}`, {
      version: 1,
      notes: 'Préfère être appelée le matin',
    });
    expect(updated).toMatchObject({ version: 2, notes: 'Préfère être appelée le matin' });
    expect(updated.phones).toEqual(client.phones);
    expect(updated.email).toEqual(client.email);

    const stale = await staff.patch(`/api/v1/clients/${client.id}`, { version: 1, notes: 'Autre' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.current).toMatchObject({ version: 2, notes: updated.notes });
    expect(stale.body.error.details.changedBy.name).toBe('Marie Dubois');
    const { body: after } = await staff.get(`/api/v1/clients/${client.id}`);
    expect(after.notes).toBe('Préfère être appelée le matin');
  });

  it('checks the merged result of a partial update', async () => {
    const client = await createClient();
    const { status, body } = await staff.patch(`/api/v1/clients/${client.id}`, {
      version: 1,
      kind: 'business',
    });
    expect(status).toBe(400);
    expect(body.error.details[0].path).toEqual(['companyName']);
  });

  it('archives a client out of the default list and restores it', async () => {
    const client = await createClient();
    const { body: archived } = await staff.expect(200).delete(`/api/v1/clients/${client.id}`);
    expect(archived.archivedAt).not.toBeNull();
    const active = await staff.get(`/api/v1/clients?q=${client.lastName}`);
    expect(active.body.items).toEqual([]);
    const inArchive = await staff.get(`/api/v1/clients?q=${client.lastName}&archived=true`);
    expect(inArchive.body.items.map((item: Client) => item.id)).toEqual([client.id]);
    const { body: restored } = await staff.expect(200).post(`/api/v1/clients/${client.id}/restore`);
    expect(restored.archivedAt).toBeNull();
  });

  it('appends one change-log row per write, with the actor', async () => {
    const before = await lastSeq();
    const client = await createClient();
    await staff.expect(200).patch(`/api/v1/clients/${client.id}`, { version: 1, notes: 'x' });
    await staff.expect(200).delete(`/api/v1/clients/${client.id}`);
    const { body } = await staff.expect(200).get(`/api/v1/changes?after=${before}`);
    const mine = body.items.filter((change: { id: string }) => change.id === client.id);
    expect(mine.map((change: { action: string }) => change.action)).toEqual([
      'created',
      'updated',
      'archived',
    ]);
    expect(mine[0].actor.name).toBe('Marie Dubois');
    expect(mine[2].data.archivedAt).not.toBeNull();
  });

  it('keeps client records from the display role, which reads only the feed', async () => {
    const display = await server.signIn('display');
    expect((await display.get('/api/v1/clients')).status).toBe(403);
    const refused = await display.post('/api/v1/clients', buildClientInput());
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const client = await createClient();
    const { body } = await display.expect(200).get('/api/v1/changes?after=0&limit=1000');
    const change = body.items.find((item: { id: string }) => item.id === client.id);
    expect(change.data).toEqual({ label: `Mme Hélène ${client.lastName}` });
  });

  it('refuses every route without a session', async () => {
    const anonymous = server.client();
    for (const path of ['/api/v1/clients', '/api/v1/changes?after=0', '/api/v1/staff']) {
      const { status, body } = await anonymous.get(path);
      expect(status).toBe(401);
      expect(body.error.code).toBe('unauthenticated');
    }
  });
});
