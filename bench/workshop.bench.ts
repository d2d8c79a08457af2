/**
 * npm run bench:workshop — the workshop board (home) with 300 open repair orders.
 *
 * 1. First paint: `GET /repair-orders?day=today` read as the board reads it (pages of 200 until
 *    the cursor ends: 300 cards), `GET /workshop` (the wall), and Chromium's time from
 *    navigation to the 300 cards rendered on the built client, if dist/client exists.
 * 2. A move on one board reaching 20 other boards: 20 staff sessions' Socket.IO clients in a
 *    second process (bench/workshop-boards.ts); moves over HTTP, one at a time; the time from
 *    the server handing the committed change to Socket.IO to its arrival on every socket, and
 *    from the move's request; beside it the same number of broadcasts of a payload of the same
 *    size on a bare Socket.IO server to the same 20 clients of the second process, this run.
 *
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL instead of PGlite.
 *
 * Measured 2026-12-01 on 2 shared cores under a load average of 6–7 (other suites running), so
 * read these as upper bounds: commit → 20 boards p50 3.6–4.2 ms, p99 24–42 ms beside a bare
 * broadcast's 1.2–1.8 / 6–9 ms (2–3× at p50: the real server also answers the move's HTTP
 * request and cuts each change per role); the board's 300 cards read in 95–160 ms (PostgreSQL
 * and PGlite alike), GET /workshop 100–130 ms; Chromium shows the 300 cards 1.3–1.9 s after
 * navigation, of which the client's rendering after the last read is 0.1–0.3 s (the rest is
 * the bundle, /auth/me and the reads queued behind the shell's own on PGlite).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { todayInParis } from '../domain/dates';
import type { Change } from '../domain/schemas/change';
import type { RepairOrder } from '../domain/schemas/repair-order';
import { launchBrowser } from '../e2e/browser';
import { type ApiClient, createApiClient, expectStatus } from '../server/test/api-client';
import { buildClientInput, buildJobs, buildSettings } from '../server/test/factories';
import { signIn, startBenchServer } from './bench-server';
import { line, summarize } from './stats';

const OPEN_ORDERS = 300;
const BOARDS = 20;
const MOVES = 100;
const READS = 20;
const PAINTS = 3;
/** Moves and baseline broadcasts are paced like a counter's, not one burst. */
const PACE_MS = 20;

const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ─── The second process ─────────────────────────────────────────────────────

type Arrival = [board: number, key: string, at: number];

function startBoards(): Promise<{
  connect: (url: string, cookies: string[]) => Promise<void>;
  collect: () => Promise<Arrival[]>;
  close: () => void;
}> {
  const child: ChildProcess = fork(new URL('./workshop-boards.ts', import.meta.url).pathname, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string) =>
    new Promise<{ type: string; arrivals?: Arrival[] }>((resolve) => {
      const onMessage = (message: { type: string; arrivals?: Arrival[] }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
    });
  return next('started').then(() => ({
    async connect(url, cookies) {
      const ready = next('ready');
      child.send({ type: 'connect', url, cookies });
      await ready;
    },
    async collect() {
      const answer = next('arrivals');
      child.send({ type: 'collect' });
      return (await answer).arrivals ?? [];
    },
    close: () => child.send({ type: 'close' }),
  }));
}

/** Every board's arrivals of `keys`, waiting until each has them all (or 20 s). */
async function gather(boards: Awaited<ReturnType<typeof startBoards>>, keys: Set<string>) {
  const deadline = Date.now() + 20_000;
  const all: Arrival[] = [];
  while (Date.now() < deadline) {
    all.push(...(await boards.collect()));
    const got = new Set(all.filter(([, key]) => keys.has(key)).map(([b, key]) => `${b}|${key}`));
    if (got.size >= keys.size * BOARDS) break;
    await sleep(50);
  }
  return all;
}

/** Latencies of the first arrival of each key on each board, from `sentAt`; what never came. */
function latencies(arrivals: Arrival[], sentAt: Map<string, number>) {
  const seen = new Set<string>();
  const times: number[] = [];
  for (const [board, key, at] of arrivals) {
    const sent = sentAt.get(key);
    if (sent === undefined || seen.has(`${board}|${key}`)) continue;
    seen.add(`${board}|${key}`);
    times.push(at - sent);
  }
  return { times, lost: sentAt.size * BOARDS - seen.size };
}

// ─── The garage ─────────────────────────────────────────────────────────────

const LETTERS = 'ABCDEFGHJKLMNPQRSTVXYZ';
/** A valid SIV plate per index, unique up to 22 × 22 × 900. */
function plateOf(i: number): string {
  const a = LETTERS[i % 22]!;
  const b = LETTERS[Math.floor(i / 22) % 22]!;
  return `${a}${b}-${String(100 + (i % 900))}-BN`;
}

async function openOrders(client: ApiClient): Promise<RepairOrder[]> {
  const owner = await expectStatus(
    201,
    client.api.clients.$post({ json: buildClientInput({ lastName: 'Flotte' }) }),
  );
  const orders: RepairOrder[] = [];
  for (let from = 0; from < OPEN_ORDERS; from += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, OPEN_ORDERS - from) }, async (_, k) => {
        const i = from + k;
        const vehicle = await expectStatus(
          201,
          client.api.vehicles.$post({
            json: {
              clientId: owner.id,
              category: 'car',
              plate: plateOf(i),
              vin: null,
              make: 'Peugeot',
              model: '308',
              fuel: 'diesel',
              firstRegistrationDate: '2020-05-04',
            },
          }),
        );
        return expectStatus(
          201,
          client.api['repair-orders'].$post({
            json: {
              origin: 'walk_in',
              clientId: owner.id,
              vehicleId: vehicle.id,
              promisedAt: new Date(Date.now() + (i % 9) * 3600_000).toISOString(),
              jobs: buildJobs(2),
            },
          }),
        );
      }),
    );
    orders.push(...batch);
  }
  return orders;
}

async function timeReads(client: ApiClient) {
  const day = todayInParis(new Date());
  const board: number[] = [];
  let cards = 0;
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    let cursor: string | null = null;
    cards = 0;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await expectStatus(
        200,
        client.api['repair-orders'].$get({
          query: { day, limit: '200', ...(cursor ? { cursor } : {}) },
        }),
      );
      cards += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    board.push(performance.now() - started);
  }
  const firstPage: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    await expectStatus(200, client.api['repair-orders'].$get({ query: { day, limit: '200' } }));
    firstPage.push(performance.now() - started);
  }
  const wall: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    await expectStatus(200, client.api.workshop.$get());
    wall.push(performance.now() - started);
  }
  return { board, firstPage, wall, cards };
}

/**
 * Chromium on the built client: navigation start → the first cards, → the 300 cards in the
 * DOM, and when the last `GET /repair-orders` answer ended (what the rest is rendering).
 */
async function timePaint(url: string, cookie: string) {
  if (!existsSync('dist/client/index.html')) return null;
  const { browser, close } = await launchBrowser();
  try {
    const [name, ...rest] = cookie.split(';')[0]!.split('=');
    const first: number[] = [];
    const all: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < PAINTS; i++) {
      const context = await browser.newContext({ baseURL: url, locale: 'fr-FR' });
      await context.addCookies([{ name: name!, value: rest.join('='), url }]);
      const page = await context.newPage();
      await page.goto('/');
      const cardsAt = (count: number) =>
        page
          .waitForFunction(
            (wanted) => document.querySelectorAll('[data-testid="board-card"]').length >= wanted,
            count,
            { polling: 'raf', timeout: 60_000 },
          )
          .then(() => page.evaluate(() => performance.now()));
      first.push(await cardsAt(1));
      all.push(await cardsAt(OPEN_ORDERS));
      reads.push(
        await page.evaluate(() =>
          Math.max(
            ...performance
              .getEntriesByType('resource')
              .filter((entry) => entry.name.includes('/api/v1/repair-orders'))
              .map((entry) => entry.startTime + entry.duration),
          ),
        ),
      );
      await context.close();
    }
    return { first, all, reads };
  } finally {
    await close();
  }
}

// ─── The run ────────────────────────────────────────────────────────────────

const boards = await startBoards();
const server = await startBenchServer();
let lost = 0;
try {
  const { client: admin } = await signIn(server.url);
  await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  const seedStarted = performance.now();
  let orders = await openOrders(admin);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  // 20 counters, each its own account and session.
  const cookies: string[] = [];
  const staff: ApiClient[] = [];
  for (let i = 0; i < BOARDS + 1; i++) {
    const email = `board${i}@garage.test`;
    const password = 'motdepasse-bench';
    await expectStatus(
      201,
      admin.api.staff.$post({
        json: { email, password, name: `Comptoir ${i + 1}`, role: 'staff' },
      }),
    );
    const client = createApiClient(server.url);
    await expectStatus(200, client.api.auth.login.$post({ json: { email, password } }));
    staff.push(client);
    if (i > 0) cookies.push(client.cookie ?? '');
  }
  const mover = staff[0]!;

  const reads = await timeReads(mover);
  const paints = await timePaint(server.url, mover.cookie ?? '');

  // The moves: every change keyed by OR and version, stamped when Socket.IO gets it.
  await boards.connect(server.url, cookies);
  const publishedAt = new Map<string, number>();
  const requestedAt = new Map<string, number>();
  const { realtime } = server.deps;
  const publish = realtime.publish.bind(realtime);
  realtime.publish = (changes: Change[]) => {
    const at = epoch();
    for (const change of changes) {
      if (change.entity === 'repair_order')
        publishedAt.set(`${change.id}:${change.data.version}`, at);
    }
    publish(changes);
  };
  const moveTimes: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const order = orders[i]!;
    const started = epoch();
    const moved = await expectStatus(
      200,
      mover.api['repair-orders'][':id'].transition.$post({
        param: { id: order.id },
        json: { to: order.status === 'todo' ? 'waiting_parts' : 'todo', version: order.version },
      }),
    );
    moveTimes.push(epoch() - started);
    requestedAt.set(`${moved.id}:${moved.version}`, started);
    orders = orders.map((each) => (each.id === moved.id ? moved : each));
    await sleep(PACE_MS);
  }
  const arrivals = await gather(boards, new Set(requestedAt.keys()));
  const fromRequest = latencies(arrivals, requestedAt);
  const fromCommit = latencies(arrivals, publishedAt);
  lost += fromCommit.lost;
  realtime.publish = publish;

  // The baseline: a bare Socket.IO server, the same 20 clients' process, a change's size.
  const http = createServer();
  const bare = new Server(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await boards.connect(
    bareUrl,
    Array.from({ length: BOARDS }, () => ''),
  );
  const emittedAt = new Map<string, number>();
  const payload = orders[0];
  for (let n = 0; n < MOVES; n++) {
    emittedAt.set(String(n), epoch());
    bare.emit('change', { n, payload });
    await sleep(PACE_MS);
  }
  const baseline = latencies(await gather(boards, new Set(emittedAt.keys())), emittedAt);
  lost += baseline.lost;
  await new Promise((resolve) => bare.close(resolve));

  const commitStats = summarize(fromCommit.times);
  const baseStats = summarize(baseline.times);
  console.info(
    `\nGestionPro bench:workshop — ${server.engine}, ${OPEN_ORDERS} open ORs (opened in ${seedSeconds.toFixed(1)} s), ${BOARDS} boards in a second process, ${MOVES} moves\n`,
  );
  console.info(line(`board read (${reads.cards} cards, pages of 200)`, summarize(reads.board)));
  console.info(line('board first page (200 cards)', summarize(reads.firstPage)));
  console.info(line('GET /workshop (wall, 300 cards)', summarize(reads.wall)));
  if (paints) {
    console.info(line('Chromium: navigation → first cards', summarize(paints.first)));
    console.info(line('Chromium: navigation → 300 cards', summarize(paints.all)));
    console.info(line('Chromium: navigation → cards read', summarize(paints.reads)));
  } else console.info('  Chromium paint skipped: no dist/client (npm run build)');
  console.info(line('move: HTTP request → response', summarize(moveTimes)));
  console.info(line('move: request → 20 boards', summarize(fromRequest.times)));
  console.info(line('move: commit → 20 boards', commitStats));
  console.info(line('baseline: bare emit → 20 clients', baseStats));
  console.info(`  events lost: app ${fromCommit.lost}, baseline ${baseline.lost}`);
  console.info(
    `  ratio app/baseline (commit → boards vs emit → clients): p50 ${(commitStats.p50 / baseStats.p50).toFixed(2)}×, p99 ${(commitStats.p99 / baseStats.p99).toFixed(2)}×`,
  );
  console.info(`  change payload: ${JSON.stringify(payload).length} bytes of JSON (a whole OR)\n`);
} finally {
  boards.close();
  await server.close();
}
if (lost > 0) {
  console.error(`✗ ${lost} change events were lost`);
  process.exit(1);
}
process.exit(0);
