/**
 * npm run bench:live — realtime latency and the clients list on a large garage.
 *
 * 1. 200 authenticated Socket.IO clients on loopback, a stream of client writes over HTTP: the
 *    time from each write's HTTP response to its `change` reaching every socket, events lost.
 * 2. The same number of broadcasts on a bare Socket.IO server in the same process: the baseline.
 * 3. The clients list (paging and search) on 100,000 generated clients, with the query plans.
 *
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL instead of PGlite.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { Change } from '../domain/schemas/change';
import type { ClientListQuerySchema } from '../domain/schemas/client';
import { buildDemoClients } from '../server/demo/demo-clients';
import { insertClients } from '../server/features/clients/clients.repo';
import { expectStatus } from '../server/test/api-client';
import { signIn, startBenchServer } from './bench-server';
import { line, summarize } from './stats';

const SOCKETS = 200;
const SESSIONS = 20;
const WRITES = 300;
/** One writer (a stream of writes, as at the counter), then four at once (the server under load). */
const WRITERS = [1, 4] as const;
const LIST_CLIENTS = 100_000;

/** Untyped: the baseline's bare server emits its own payloads under the same event name. */
type ClientSocket = Socket;

function connectAll(url: string, cookies: string[], count: number): Promise<ClientSocket[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const cookie = cookies[i % cookies.length];
      const socket: ClientSocket = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: cookie ? { cookie } : {},
      });
      return new Promise<ClientSocket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    }),
  );
}

/** A write as the HTTP response and the change both name it: the record and its version. */
function keyOf(change: Change): string {
  return `${change.id}:${'version' in change.data ? change.data.version : change.seq}`;
}

/** Resolves when every socket has seen `expected` keys, or after `timeoutMs` with what arrived. */
function trackArrivals<P>(sockets: ClientSocket[], keyOf: (payload: P) => string) {
  const arrivals = sockets.map(() => new Map<string, number>());
  let expected = Number.POSITIVE_INFINITY;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  const check = () => {
    if (arrivals.every((map) => map.size >= expected)) resolveDone();
  };
  sockets.forEach((socket, index) => {
    socket.on('change', (payload: P) => {
      arrivals[index]!.set(keyOf(payload), performance.now());
      check();
    });
  });
  return {
    arrivals,
    async waitFor(count: number, timeoutMs: number) {
      expected = count;
      check();
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    },
  };
}

async function measureApp(writers: number) {
  const server = await startBenchServer();
  try {
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) sessions.push(await signIn(server.url));
    const cookies = sessions.map((session) => session.cookie);
    const sockets = await connectAll(server.url, cookies, SOCKETS);
    const tracker = trackArrivals<Change>(sockets, keyOf);
    // Same process, same clock: when the server hands each committed change to Socket.IO.
    const publishedAt = new Map<string, number>();
    const { realtime } = server.deps;
    const publish = realtime.publish.bind(realtime);
    realtime.publish = (changes) => {
      const now = performance.now();
      for (const change of changes) publishedAt.set(keyOf(change), now);
      publish(changes);
    };

    const sentAt = new Map<string, number>();
    const respondedAt = new Map<string, number>();
    const writer = sessions[0]!.client;
    const inputs = buildDemoClients(WRITES, 7);
    let next = 0;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < inputs.length) {
          const input = inputs[next++]!;
          const before = performance.now();
          const client = await expectStatus(201, writer.api.clients.$post({ json: input }));
          const key = `${client.id}:${client.version}`;
          respondedAt.set(key, performance.now());
          sentAt.set(key, before);
        }
      }),
    );
    const writeSeconds = (performance.now() - startedAt) / 1000;
    await tracker.waitFor(WRITES, 30_000);

    const fromResponse: number[] = [];
    const fromRequest: number[] = [];
    const fromCommit: number[] = [];
    let early = 0;
    let lost = 0;
    for (const arrivals of tracker.arrivals) {
      for (const [key, responded] of respondedAt) {
        const at = arrivals.get(key);
        if (at === undefined) {
          lost += 1;
          continue;
        }
        if (at < responded) early += 1;
        fromResponse.push(Math.max(0, at - responded));
        fromRequest.push(at - sentAt.get(key)!);
        fromCommit.push(at - publishedAt.get(key)!);
      }
    }
    for (const socket of sockets) socket.close();
    return {
      engine: server.engine,
      fromResponse,
      fromRequest,
      fromCommit,
      early,
      lost,
      writeSeconds,
    };
  } finally {
    await server.close();
  }
}

async function measureBaseline(payload: unknown) {
  const http = createServer();
  const bare = new Server(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  try {
    const sockets = await connectAll(url, [], SOCKETS);
    const tracker = trackArrivals<{ n: number }>(sockets, (message) => String(message.n));
    const emittedAt = new Map<string, number>();
    for (let n = 0; n < WRITES; n++) {
      emittedAt.set(String(n), performance.now());
      bare.emit('change', { n, payload });
      // Paced like a stream of writes rather than one burst.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await tracker.waitFor(WRITES, 30_000);
    const latencies: number[] = [];
    let lost = 0;
    for (const arrivals of tracker.arrivals) {
      for (const [key, at] of emittedAt) {
        const arrived = arrivals.get(key);
        if (arrived === undefined) lost += 1;
        else latencies.push(arrived - at);
      }
    }
    for (const socket of sockets) socket.close();
    return { latencies, lost };
  } finally {
    await new Promise((resolve) => bare.close(resolve));
  }
}

async function measureList() {
  const server = await startBenchServer();
  try {
    const started = performance.now();
    const values = buildDemoClients(LIST_CLIENTS, 11);
    for (let i = 0; i < values.length; i += 2000)
      await insertClients(server.deps.db, values.slice(i, i + 2000));
    await server.deps.db.execute(sql`ANALYZE clients`);
    const loadSeconds = (performance.now() - started) / 1000;
    const { client } = await signIn(server.url);

    const timed = async (query: z.input<typeof ClientListQuerySchema>) => {
      const before = performance.now();
      const body = await expectStatus(200, client.api.clients.$get({ query }));
      return { ms: performance.now() - before, body };
    };
    const results: Array<{ label: string; times: number[] }> = [];

    const paging: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const { ms, body } = await timed({ limit: 50, ...(cursor ? { cursor } : {}) });
      paging.push(ms);
      cursor = body.nextCursor;
    }
    results.push({ label: 'list: 200 pages of 50 by cursor', times: paging });

    for (const [label, q] of [
      ['search: last name "martin"', 'martin'],
      ['search: city "villeurbanne"', 'villeurbanne'],
      ['search: phone fragment "06 12"', '06 12'],
      ['search: accented "Lefèvre"', 'Lefèvre'],
      ['search: two terms "jean lyon"', 'jean lyon'],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 40; i++) times.push((await timed({ limit: 50, q })).ms);
      results.push({ label, times });
    }

    const plan = async (query: ReturnType<typeof sql>) => {
      const result = (await server.deps.db.execute(query)) as unknown as {
        rows: Array<Record<string, string>>;
      };
      return result.rows.map((row) => Object.values(row)[0]).join('\n      ');
    };
    const searchPlan = await plan(
      sql`EXPLAIN SELECT * FROM clients WHERE archived_at IS NULL AND search_text LIKE '%villeurbanne%' ORDER BY sort_name, id LIMIT 51`,
    );
    const rareSearchPlan = await plan(
      sql`EXPLAIN SELECT * FROM clients WHERE archived_at IS NULL AND search_text LIKE '%0612345%' ORDER BY sort_name, id LIMIT 51`,
    );
    const deepPlan = await plan(
      sql`EXPLAIN SELECT * FROM clients WHERE archived_at IS NULL AND (sort_name, id) > ('moreau', '00000000-0000-0000-0000-000000000000') ORDER BY sort_name, id LIMIT 51`,
    );
    return { engine: server.engine, loadSeconds, results, searchPlan, rareSearchPlan, deepPlan };
  } finally {
    await server.close();
  }
}

const baseline = await measureBaseline(buildDemoClients(1, 3)[0]);
const baseStats = summarize(baseline.latencies);
let lost = 0;
for (const writers of WRITERS) {
  const app = await measureApp(writers);
  lost += app.lost;
  const commitStats = summarize(app.fromCommit);
  console.info(
    `\nGestionPro bench:live — ${app.engine}, ${SOCKETS} sockets, ${WRITES} writes, ${writers} writer(s) at a time\n`,
  );
  console.info(line('app: write response → change', summarize(app.fromResponse)));
  console.info(line('app: commit → change on every socket', commitStats));
  console.info(line('app: write request → change', summarize(app.fromRequest)));
  console.info(line('baseline: bare Socket.IO emit → recv', baseStats));
  console.info(`  events lost: app ${app.lost}, baseline ${baseline.lost}`);
  console.info(
    `  changes that arrived before the HTTP response: ${app.early} of ${app.fromResponse.length}`,
  );
  console.info(`  write throughput: ${(WRITES / app.writeSeconds).toFixed(0)} writes/s`);
  // The server emits before it answers, so response → change is 0 for every event that beats
  // the response; commit → change is the like-for-like comparison with the bare broadcast.
  console.info(
    `  ratio app/baseline (commit → change vs emit → recv): p50 ${(commitStats.p50 / baseStats.p50).toFixed(2)}×, p99 ${(commitStats.p99 / baseStats.p99).toFixed(2)}×`,
  );
}
console.info('  targets: p50 < 10 ms, p99 < 50 ms, within 1.5× of the baseline, 0 lost');

const list = await measureList();
console.info(
  `\nClients list on ${LIST_CLIENTS.toLocaleString('fr-FR')} clients — ${list.engine} (loaded in ${list.loadSeconds.toFixed(1)} s)\n`,
);
for (const { label, times } of list.results) {
  const stats = summarize(times);
  const perSecond = (1000 * times.length) / times.reduce((sum, ms) => sum + ms, 0);
  console.info(`${line(label, stats)}  ${perSecond.toFixed(0)} req/s`);
}
console.info(`\n  plan, common term: ${list.searchPlan}`);
console.info(`  plan, rare term:   ${list.rareSearchPlan}`);
console.info(`  plan, deep page:   ${list.deepPlan}\n`);

if (lost > 0) {
  console.error(`✗ ${lost} change events were lost`);
  process.exit(1);
}
process.exit(0);
