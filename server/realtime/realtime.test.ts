import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../domain/events';
import { type ApiClient, expectStatus } from '../test/api-client';
import { ENGINES } from '../test/databases';
import { buildClientInput } from '../test/factories';
import { startTestServer, type TestServer } from '../test/harness';
import {
  connectSocket,
  isChangeOf,
  recordEvents,
  type TestSocket,
  waitForChange,
  waitForEvent,
} from '../test/socket';

function createClient(writer: ApiClient, input = buildClientInput()) {
  return expectStatus(201, writer.api.clients.$post({ json: input }));
}

function changesAfter(reader: ApiClient, after: number, limit?: number) {
  return expectStatus(200, reader.api.changes.$get({ query: { after, limit } }));
}

describe.each(ENGINES)('live changes over Socket.IO on %s', (engine) => {
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  function open(cookie: string | null, headers: Record<string, string> = {}) {
    const socket = connectSocket(server.url, cookie, { headers });
    sockets.push(socket);
    return socket;
  }

  it('refuses a socket without a session', async () => {
    const [error] = await waitForEvent(open(null), 'connect_error');
    expect(error.message).toBe('unauthenticated');
  });

  it('refuses a socket opened by a page from another site', async () => {
    const staff = await server.signIn('staff');
    const socket = open(staff.cookie, { origin: 'https://evil.example' });
    await waitForEvent(socket, 'connect_error');
    expect(socket.connected).toBe(false);
  });

  it('greets with the last seq, then delivers every committed write to every screen with its author', async () => {
    const marie = await server.signIn('staff', 'Marie');
    const paul = await server.signIn('staff', 'Paul');
    const mine = open(marie.cookie);
    const theirs = open(paul.cookie);
    const [[hello]] = await Promise.all([
      waitForEvent(theirs, 'hello'),
      waitForEvent(mine, 'hello'),
    ]);
    expect(hello.lastSeq).toBeGreaterThanOrEqual(0);

    const input = buildClientInput();
    const isTheirs = (change: { data: { lastName: string | null } }) =>
      change.data.lastName === input.lastName;
    const seen = waitForChange(theirs, 'client', isTheirs);
    const seenByAuthor = waitForChange(mine, 'client', isTheirs);
    const client = await createClient(marie, input);
    const [change] = await Promise.all([seen, seenByAuthor]);
    expect(change).toMatchObject({
      entity: 'client',
      action: 'created',
      id: client.id,
      actor: { name: 'Marie' },
      data: client,
    });
    expect(change.seq).toBeGreaterThan(hello.lastSeq);
  });

  it('sends the wall screen each write as a feed entry, never the record, and the counter the change, never the entry', async () => {
    const staff = await server.signIn('staff', 'Nina Comptoir');
    const wall = await server.signIn('display', 'Mur atelier');
    const counter = open(staff.cookie);
    const screen = open(wall.cookie);
    await Promise.all([waitForEvent(counter, 'hello'), waitForEvent(screen, 'hello')]);
    const changesOnWall = recordEvents(screen, 'change');
    const entriesOnCounter = recordEvents(counter, 'feed');

    const input = buildClientInput();
    const label = `Mme Hélène ${input.lastName}`;
    const entry = waitForEvent(screen, 'feed', (feed) => feed.label === label);
    const change = waitForChange(
      counter,
      'client',
      (live) => live.data.lastName === input.lastName,
    );
    const client = await createClient(staff, input);
    const [[feed], live] = await Promise.all([entry, change]);
    expect(feed).toEqual({
      seq: live.seq,
      entity: 'client',
      action: 'created',
      id: client.id,
      label,
      status: null,
      actor: live.actor,
      at: live.at,
    });
    expect(live.data).toEqual(client);
    // A change sent to the wall would have come before its entry: one socket keeps the order.
    expect(changesOnWall).toEqual([]);
    // An entry sent to the counter would follow its change: the next write's change comes after.
    const next = waitForChange(counter, 'client', (later) => later.action === 'updated');
    await expectStatus(
      200,
      staff.api.clients[':id'].$patch({
        param: { id: client.id },
        json: { version: client.version, notes: 'Rappeler' },
      }),
    );
    await next;
    expect(entriesOnCounter).toEqual([]);
  });

  it('catches up after a network cut with exactly the changes it missed, in order', async () => {
    const staff = await server.signIn('staff');
    const socket = open(staff.cookie);
    const [[hello]] = await Promise.all([
      waitForEvent(socket, 'hello'),
      waitForEvent(socket, 'connect'),
    ]);
    const input = buildClientInput();
    const arrived = waitForChange(
      socket,
      'client',
      (change) => change.data.lastName === input.lastName,
    );
    const client = await createClient(staff, input);
    const live = await arrived;
    expect(live.seq).toBeGreaterThan(hello.lastSeq);

    socket.disconnect();
    let version = client.version;
    for (const notes of ['un', 'deux', 'trois']) {
      const updated = await expectStatus(
        200,
        staff.api.clients[':id'].$patch({ param: { id: client.id }, json: { version, notes } }),
      );
      version = updated.version;
    }
    const rehello = waitForEvent(socket, 'hello');
    socket.connect();
    const [again] = await rehello;
    expect(again.lastSeq).toBeGreaterThanOrEqual(live.seq + 3);

    const body = await changesAfter(staff, live.seq);
    const missed = body.items
      .filter((change) => isChangeOf(change, 'client'))
      .filter((change) => change.id === client.id);
    expect(missed.map((change) => change.data.notes)).toEqual(['un', 'deux', 'trois']);
    const seqs = body.items.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(body.lastSeq).toBe(seqs.at(-1));
  });

  it('pages the catch-up when a screen is far behind', async () => {
    const staff = await server.signIn('staff');
    const start = await changesAfter(staff, 0, 1);
    for (let i = 0; i < 3; i++) await createClient(staff);
    const body = await changesAfter(staff, start.lastSeq, 2);
    expect(body.items).toHaveLength(2);
    expect(body.hasMore).toBe(true);
    const rest = await changesAfter(staff, body.items[1]!.seq, 2);
    expect(rest.items.length).toBeGreaterThanOrEqual(1);
  });

  it('tells everyone who is online and what they are looking at, ignoring malformed payloads', async () => {
    const alice = await server.signIn('staff', 'Alice Présence');
    const bruno = await server.signIn('staff', 'Bruno Présence');
    const aliceSocket = open(alice.cookie);
    const brunoSocket = open(bruno.cookie);
    const bothOnline = (entries: PresenceEntry[]) =>
      ['Alice Présence', 'Bruno Présence'].every((name) =>
        entries.some((entry) => entry.name === name),
      );
    await waitForEvent(aliceSocket, 'presence', bothOnline);

    const viewing = waitForEvent(aliceSocket, 'presence', (entries) =>
      entries.some(
        (entry) => entry.name === 'Bruno Présence' && entry.views[0]?.id === 'client-42',
      ),
    );
    brunoSocket.emit('presence:view', { entity: 'client', id: 'client-42', editing: true });
    const [entries] = await viewing;
    expect(entries.find((entry) => entry.name === 'Bruno Présence')?.views).toEqual([
      { entity: 'client', id: 'client-42', editing: true },
    ]);

    brunoSocket.emit('presence:view', { entity: 'rocket', id: 42 } as never);
    const gone = waitForEvent(
      aliceSocket,
      'presence',
      (list) => !list.some((entry) => entry.name === 'Bruno Présence'),
    );
    brunoSocket.disconnect();
    await gone;
  });
});

describe('after a server restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('an open screen reconnects by itself and catches up what it missed', async () => {
    let server = await startTestServer('pglite', { DATA_DIR: dataDir });
    const staff = await server.signIn('staff');
    const socket = connectSocket(server.url, staff.cookie, { reconnection: true });
    const [hello] = await waitForEvent(socket, 'hello');
    const rehelloed = waitForEvent(socket, 'hello', () => true, 15_000);

    const port = String(server.port);
    await server.close();
    server = await startTestServer('pglite', { DATA_DIR: dataDir, PORT: port });
    const writer = await server.admin();
    const created: string[] = [];
    for (let i = 0; i < 2; i++) created.push((await createClient(writer)).id);

    const [rehello] = await rehelloed;
    // The log survived the restart: seqs carry on from where they were.
    expect(rehello.lastSeq).toBeGreaterThanOrEqual(hello.lastSeq);
    const body = await changesAfter(staff, hello.lastSeq);
    expect(body.items.map((change) => change.id)).toEqual(expect.arrayContaining(created));
    socket.close();
    await server.close();
  });
});

describe('two instances on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('share broadcasts and presence: a write on one reaches screens on the other', async () => {
    first = await startTestServer('postgres', { MULTI_INSTANCE: '1' });
    second = await startTestServer('postgres', {
      DATABASE_URL: first.deps.env.DATABASE_URL!,
      MULTI_INSTANCE: '1',
    });
    const writer = await first.signIn('staff', 'Élise Instance-A');
    const watcher = await second.admin();
    const socket = connectSocket(second.url, watcher.cookie);
    const other = connectSocket(first.url, writer.cookie);
    try {
      await Promise.all([waitForEvent(socket, 'hello'), waitForEvent(other, 'hello')]);
      await waitForEvent(socket, 'presence', (entries: PresenceEntry[]) =>
        entries.some((entry) => entry.name === 'Élise Instance-A'),
      );
      const input = buildClientInput();
      const seen = waitForChange(
        socket,
        'client',
        (change) => change.data.lastName === input.lastName,
      );
      await createClient(writer, input);
      const change = await seen;
      expect(change.actor?.name).toBe('Élise Instance-A');
    } finally {
      socket.close();
      other.close();
    }
  });
});
