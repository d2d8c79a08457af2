import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../domain/events';
import type { Change } from '../../domain/schemas/change';
import { ENGINES } from '../test/databases';
import { buildClientInput } from '../test/factories';
import { startTestServer, type TestServer } from '../test/harness';
import { connectSocket, type TestSocket, waitForEvent } from '../test/socket';

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
    const socket = open(staff.cookieHeader, { origin: 'https://evil.example' });
    await waitForEvent(socket, 'connect_error');
    expect(socket.connected).toBe(false);
  });

  it('greets with the last seq, then delivers every committed write to every screen with its author', async () => {
    const marie = await server.signIn('staff', 'Marie');
    const paul = await server.signIn('staff', 'Paul');
    const mine = open(marie.cookieHeader);
    const theirs = open(paul.cookieHeader);
    const [[hello]] = await Promise.all([
      waitForEvent(theirs, 'hello'),
      waitForEvent(mine, 'hello'),
    ]);
    expect(hello.lastSeq).toBeGreaterThanOrEqual(0);

    const input = buildClientInput();
    const seen = waitForEvent(
      theirs,
      'change',
      (change: Change) => (change.data as { lastName: string }).lastName === input.lastName,
    );
    const seenByAuthor = waitForEvent(
      mine,
      'change',
      (change: Change) => (change.data as { lastName: string }).lastName === input.lastName,
    );
    const { body: client } = await marie.expect(201).post('/api/v1/clients', input);
    const [[change]] = await Promise.all([seen, seenByAuthor]);
    expect(change).toMatchObject({
      entity: 'client',
      action: 'created',
      id: client.id,
      actor: { name: 'Marie' },
      data: client,
    });
    expect(change.seq).toBeGreaterThan(hello.lastSeq);
  });

  it('catches up after a network cut with exactly the changes it missed, in order', async () => {
    const staff = await server.signIn('staff');
    const socket = open(staff.cookieHeader);
    const [[hello]] = await Promise.all([
      waitForEvent(socket, 'hello'),
      waitForEvent(socket, 'connect'),
    ]);
    const input = buildClientInput();
    const arrived = waitForEvent(
      socket,
      'change',
      (change: Change) => (change.data as { lastName: string }).lastName === input.lastName,
    );
    const { body: client } = await staff.expect(201).post('/api/v1/clients', input);
    const [live] = await arrived;
    expect(live.seq).toBeGreaterThan(hello.lastSeq);

    socket.disconnect();
    let version = client.version;
    for (const notes of ['un', 'deux', 'trois']) {
      const { body } = await staff
        .expect(200)
        .patch(`/api/v1/clients/${client.id}`, { version, notes });
      version = body.version;
    }
    const rehello = waitForEvent(socket, 'hello');
    socket.connect();
    const [again] = await rehello;
    expect(again.lastSeq).toBeGreaterThanOrEqual(live.seq + 3);

    const { body } = await staff.expect(200).get(`/api/v1/changes?after=${live.seq}`);
    const missed = body.items.filter((change: Change) => change.id === client.id);
    expect(missed.map((change: Change) => (change.data as { notes: string }).notes)).toEqual([
      'un',
      'deux',
      'trois',
    ]);
    const seqs = body.items.map((change: Change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(body.lastSeq).toBe(seqs.at(-1));
  });

  it('pages the catch-up when a screen is far behind', async () => {
    const staff = await server.signIn('staff');
    const { body: start } = await staff.get('/api/v1/changes?after=0&limit=1');
    for (let i = 0; i < 3; i++) await staff.expect(201).post('/api/v1/clients', buildClientInput());
    const { body } = await staff.expect(200).get(`/api/v1/changes?after=${start.lastSeq}&limit=2`);
    expect(body.items).toHaveLength(2);
    expect(body.hasMore).toBe(true);
    const { body: rest } = await staff.get(`/api/v1/changes?after=${body.items[1].seq}&limit=2`);
    expect(rest.items.length).toBeGreaterThanOrEqual(1);
  });

  it('tells everyone who is online and what they are looking at, ignoring malformed payloads', async () => {
    const alice = await server.signIn('staff', 'Alice Présence');
    const bruno = await server.signIn('staff', 'Bruno Présence');
    const aliceSocket = open(alice.cookieHeader);
    const brunoSocket = open(bruno.cookieHeader);
    const bothOnline = (entries: PresenceEntry[]) =>
      ['Alice Présence', 'Bruno Présence'].every((name) =>
        entries.some((entry) => entry.name === name),
      );
    await waitForEvent(aliceSocket, 'presence', bothOnline);

    const viewing = waitForEvent(aliceSocket, 'presence', (entries: PresenceEntry[]) =>
      entries.some(
        (entry) => entry.name === 'Bruno Présence' && entry.views[0]?.id === 'client-42',
      ),
    );
    brunoSocket.emit('presence:view', { entity: 'client', id: 'client-42', editing: true });
    const [entries] = await viewing;
    expect(entries.find((entry: PresenceEntry) => entry.name === 'Bruno Présence').views).toEqual([
      { entity: 'client', id: 'client-42', editing: true },
    ]);

    brunoSocket.emit('presence:view', { entity: 'rocket', id: 42 } as never);
    const gone = waitForEvent(
      aliceSocket,
      'presence',
      (list: PresenceEntry[]) => !list.some((entry) => entry.name === 'Bruno Présence'),
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
    const socket = connectSocket(server.url, staff.cookieHeader, { reconnection: true });
    const [hello] = await waitForEvent(socket, 'hello');
    const rehelloed = waitForEvent(socket, 'hello', () => true, 15_000);

    const port = String(server.port);
    await server.close();
    server = await startTestServer('pglite', { DATA_DIR: dataDir, PORT: port });
    const writer = await server.admin();
    const created = [];
    for (let i = 0; i < 2; i++)
      created.push((await writer.expect(201).post('/api/v1/clients', buildClientInput())).body.id);

    const [rehello] = await rehelloed;
    // The log survived the restart: seqs carry on from where they were.
    expect(rehello.lastSeq).toBeGreaterThanOrEqual(hello.lastSeq);
    const { body } = await staff.expect(200).get(`/api/v1/changes?after=${hello.lastSeq}`);
    expect(body.items.map((change: Change) => change.id)).toEqual(expect.arrayContaining(created));
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
    const socket = connectSocket(second.url, watcher.cookieHeader);
    const other = connectSocket(first.url, writer.cookieHeader);
    try {
      await Promise.all([waitForEvent(socket, 'hello'), waitForEvent(other, 'hello')]);
      await waitForEvent(socket, 'presence', (entries: PresenceEntry[]) =>
        entries.some((entry) => entry.name === 'Élise Instance-A'),
      );
      const input = buildClientInput();
      const seen = waitForEvent(
        socket,
        'change',
        (change: Change) => (change.data as { lastName: string }).lastName === input.lastName,
      );
      await writer.expect(201).post('/api/v1/clients', input);
      const [change] = await seen;
      expect(change.actor.name).toBe('Élise Instance-A');
    } finally {
      socket.close();
      other.close();
    }
  });
});
