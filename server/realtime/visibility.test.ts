import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../domain/events';
import { type ApiClient, createApiClient, expectStatus } from '../test/api-client';
import { ENGINES } from '../test/databases';
import { buildClientInput } from '../test/factories';
import { startTestServer, type TestServer } from '../test/harness';
import { connectSocket, type TestSocket, waitForChange, waitForEvent } from '../test/socket';

type Received = { event: string; payload: unknown };

/** Every event a socket receives from the moment it is opened, in order. */
function recordAll(socket: TestSocket): Received[] {
  const received: Received[] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  return received;
}

function seqOf(payload: unknown): number | null {
  return typeof payload === 'object' && payload !== null && 'seq' in payload
    ? Number(payload.seq)
    : null;
}

function entityOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && 'entity' in payload
    ? payload.entity
    : null;
}

describe.each(ENGINES)('what each role sees of the change log on %s', (engine) => {
  let server: TestServer;
  let admin: ApiClient;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.admin();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  function open(client: ApiClient): { socket: TestSocket; received: Received[] } {
    const socket = connectSocket(server.url, client.cookie);
    sockets.push(socket);
    return { socket, received: recordAll(socket) };
  }

  async function lastSeq(): Promise<number> {
    return (await expectStatus(200, admin.api.changes.$get({ query: { after: 0, limit: 1 } })))
      .lastSeq;
  }

  /**
   * What only an admin may read: an admin account (created, then renamed after it signed in,
   * so its change carries a last login) and a wall screen's token. Then a client, the marker:
   * every socket gets it after the rest, one socket keeping the order of what it is sent.
   */
  async function writeAdminMatters() {
    const email = `cache.${randomUUID()}@garage.test`;
    const password = 'motdepasse-cache';
    const member = await expectStatus(
      201,
      admin.api.staff.$post({ json: { email, name: 'Compte Caché', role: 'admin', password } }),
    );
    await expectStatus(
      200,
      createApiClient(server.url).api.auth.login.$post({ json: { email, password } }),
    );
    await expectStatus(
      200,
      admin.api.staff[':id'].$patch({
        param: { id: member.id },
        json: { version: member.version, name: 'Compte Caché Renommé' },
      }),
    );
    await expectStatus(201, admin.api['display-tokens'].$post({ json: { name: 'Écran Caché' } }));
    const marker = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    return { email, marker };
  }

  it('shows a staff screen no staff account or wall screen, live or caught up, and only their seq and entity', async () => {
    const staff = await server.signIn('staff', 'Sam Comptoir');
    const counter = open(staff);
    const watcher = open(admin);
    await Promise.all([
      waitForEvent(counter.socket, 'hello'),
      waitForEvent(watcher.socket, 'hello'),
    ]);
    const before = await lastSeq();

    const arrived = waitForChange(counter.socket, 'client');
    const seenByAdmin = waitForChange(watcher.socket, 'client');
    const { email, marker } = await writeAdminMatters();
    const [markerChange] = await Promise.all([arrived, seenByAdmin]);
    expect(markerChange.id).toBe(marker.id);

    const sent = JSON.stringify(counter.received);
    expect(sent).not.toContain(email);
    expect(sent).not.toContain('lastLoginAt');
    expect(sent).not.toContain('Caché');
    const live = counter.received.filter(({ payload }) => (seqOf(payload) ?? 0) > before);
    expect(live.map(({ event, payload }) => [event, entityOf(payload)])).toEqual([
      ['skip', 'staff'],
      ['skip', 'staff'],
      ['skip', 'display_token'],
      ['change', 'client'],
    ]);
    // One event per seq, none missing: the screen sees no gap and asks for no catch-up.
    expect(live.map(({ payload }) => seqOf(payload))).toEqual([
      before + 1,
      before + 2,
      before + 3,
      before + 4,
    ]);

    // An admin's screen gets the records themselves.
    const adminSent = watcher.received.filter(({ payload }) => (seqOf(payload) ?? 0) > before);
    expect(adminSent.map(({ event }) => event)).toEqual(['change', 'change', 'change', 'change']);
    expect(JSON.stringify(adminSent)).toContain(email);

    const page = await expectStatus(200, staff.api.changes.$get({ query: { after: before } }));
    expect(JSON.stringify(page)).not.toContain(email);
    expect(JSON.stringify(page)).not.toContain('Caché');
    expect(page.items.map((change) => change.id)).toEqual([marker.id]);
    expect(page.skipped).toEqual([
      { seq: before + 1, entity: 'staff' },
      { seq: before + 2, entity: 'staff' },
      { seq: before + 3, entity: 'display_token' },
    ]);
    expect(page).toMatchObject({ readTo: before + 4, lastSeq: before + 4, hasMore: false });

    const adminPage = await expectStatus(200, admin.api.changes.$get({ query: { after: before } }));
    expect(adminPage.items.map((change) => change.entity)).toEqual([
      'staff',
      'staff',
      'display_token',
      'client',
    ]);
    expect(adminPage.skipped).toEqual([]);
  });

  it('pages a staff screen past a page of changes it may not see instead of stopping there', async () => {
    const staff = await server.signIn('staff');
    const before = await lastSeq();
    const { marker } = await writeAdminMatters();

    const hidden = await expectStatus(
      200,
      staff.api.changes.$get({ query: { after: before, limit: 3 } }),
    );
    expect(hidden.items).toEqual([]);
    expect(hidden).toMatchObject({ readTo: before + 3, hasMore: true });
    const rest = await expectStatus(
      200,
      staff.api.changes.$get({ query: { after: hidden.readTo, limit: 3 } }),
    );
    expect(rest.items.map((change) => change.id)).toEqual([marker.id]);
    expect(rest).toMatchObject({ readTo: before + 4, hasMore: false });
  });

  it('gives the wall screen labels of what it shows, no presence, no account and no screen', async () => {
    const wall = await server.signIn('display', 'Mur Atelier');
    const screen = open(wall);
    await waitForEvent(screen.socket, 'hello');
    const staff = await server.signIn('staff', 'Vera Présence');
    const counter = open(staff);
    await waitForEvent(counter.socket, 'hello');
    counter.socket.emit('presence:view', { entity: 'client', id: 'client-7', editing: true });
    await waitForEvent(counter.socket, 'presence', (entries) =>
      entries.some((entry) => entry.name === 'Vera Présence' && entry.views.length === 1),
    );
    const before = await lastSeq();

    const markerEntry = waitForEvent(screen.socket, 'feed', (entry) => entry.entity === 'client');
    const { email, marker } = await writeAdminMatters();
    const [entry] = await markerEntry;
    expect(entry.id).toBe(marker.id);

    // Presence went out before the marker, so it would have arrived by now.
    expect(screen.received.map(({ event }) => event)).not.toContain('presence');
    expect(screen.received.map(({ event }) => event)).not.toContain('change');
    expect(JSON.stringify(screen.received)).not.toContain(email);
    expect(JSON.stringify(screen.received)).not.toContain('Caché');
    const live = screen.received.filter(({ payload }) => (seqOf(payload) ?? 0) > before);
    expect(live.map(({ event, payload }) => [event, seqOf(payload)])).toEqual([
      ['skip', before + 1],
      ['skip', before + 2],
      ['skip', before + 3],
      ['feed', before + 4],
    ]);

    const feed = await expectStatus(200, wall.api.feed.$get({ query: { after: before } }));
    expect(feed.items.map((item) => item.id)).toEqual([marker.id]);
    expect(feed).toMatchObject({ readTo: before + 4, hasMore: false });
  });

  it('keeps a wall screen out of presence: what it says it views is ignored', async () => {
    const wall = await server.signIn('display', 'Mur Accueil');
    const screen = open(wall);
    await waitForEvent(screen.socket, 'hello');
    screen.socket.emit('presence:view', { entity: 'client', id: 'client-9', editing: true });
    // One socket's events are handled in order: once this is acknowledged, the view was read.
    await screen.socket.emitWithAck('dashboard:watch');

    const staff = await server.signIn('staff', 'Yves Présence');
    const counter = open(staff);
    const [entries] = await waitForEvent(counter.socket, 'presence', (list: PresenceEntry[]) =>
      list.some((item) => item.name === 'Yves Présence'),
    );
    expect(entries.find((item) => item.name === 'Mur Accueil')?.views ?? []).toEqual([]);
  });
});
