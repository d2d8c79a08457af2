/**
 * npm run soak — the app under a steady load for a while: memory growth and events lost.
 *
 * The server runs in a process of its own (bench/soak-server.ts), so that its memory is its own
 * and its sockets come from elsewhere, as in a deployment. This process holds 200 Socket.IO
 * clients (counter staff, admins and wall screens, on sessions of their own) and writes a stream
 * of changes over HTTP at a steady rate: new clients, edits of them and, now and then, a staff
 * account renamed, which the counter and the walls get as a bare `skip`. Every socket must get
 * one event (`change`, `feed` or `skip`) for every seq the log holds: anything less is lost.
 * The server's RSS and heap (after a full collection) are sampled every 5 s, printed per minute,
 * and their growth fitted over the run. Then the same sockets and rate on a bare Socket.IO
 * server: the baseline, what the transport alone grows.
 *
 * Duration: `npm run soak -- 10m` (or 90s, or seconds), or SOAK_SECONDS; 60 s by default.
 * SOAK_RATE: writes per second (20). SOAK_BASELINE=0 skips the baseline.
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL instead of PGlite.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { buildDemoClients } from '../server/demo/demo-clients';
import { type ApiClient, createApiClient, expectStatus } from '../server/test/api-client';
import { signIn } from './bench-server';
import type { Memory, SoakCommand, SoakReply } from './soak-server';
import { formatMs, summarize } from './stats';

const SOCKETS = { staff: 170, admin: 20, display: 10 } as const;
const TOTAL_SOCKETS = SOCKETS.staff + SOCKETS.admin + SOCKETS.display;
/** Sessions the counter and admin sockets share (a browser has several tabs); each wall its own. */
const SESSIONS = { staff: 10, admin: 5 } as const;
const WARM_UP_WRITES = 100;
const SAMPLE_EVERY_MS = 5_000;
const DELIVERY_TIMEOUT_MS = 15_000;
/** One write in this many renames a staff account: a change only admins see whole. */
const ACCOUNT_EVERY = 20;
const MB = 1024 * 1024;

function parseDuration(text: string | undefined): number {
  if (!text) return 60;
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`soak: unreadable duration "${text}" (60, 90s, 10m, 1h)`);
  const unit = { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

const SECONDS = parseDuration(process.argv[2] ?? process.env.SOAK_SECONDS);
const RATE = Number(process.env.SOAK_RATE ?? 20);
const WITH_BASELINE = process.env.SOAK_BASELINE !== '0';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server process, and the one request-reply its IPC carries (a memory sample). */
async function startServerProcess(mode: 'app' | 'bare') {
  const child: ChildProcess = fork(new URL('./soak-server.ts', import.meta.url), [mode], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: Array<(reply: SoakReply) => void> = [];
  child.on('message', (reply: SoakReply) => {
    replies.shift()?.(reply);
  });
  const next = () => new Promise<SoakReply>((resolve) => replies.push(resolve));
  const send = (command: SoakCommand) => child.send(command);
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`soak: server said ${ready.type}`);
  return {
    url: ready.url,
    engine: ready.engine,
    send,
    async memory(): Promise<Memory> {
      const reply = next();
      send({ type: 'memory' });
      const sample = await reply;
      if (sample.type !== 'memory') throw new Error(`soak: expected memory, got ${sample.type}`);
      return sample;
    },
    async close(): Promise<void> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send({ type: 'close' });
      await exited;
    },
  };
}

/** What one socket received of the soak's seqs: events arrive in order on one socket. */
type Tally = { received: number; duplicates: number; last: number; disconnects: number };

function connect(url: string, cookie: string | null, tally: Tally, from: () => number) {
  const socket: Socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
  const count = (payload: { seq: number }) => {
    if (payload.seq <= from()) return;
    if (payload.seq <= tally.last) tally.duplicates += 1;
    else tally.received += 1;
    tally.last = Math.max(tally.last, payload.seq);
  };
  for (const event of ['change', 'feed', 'skip']) socket.on(event, count);
  socket.on('disconnect', () => {
    tally.disconnects += 1;
  });
  return new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectAll(url: string, cookies: Array<string | null>, from: () => number) {
  const tallies = cookies.map(() => ({ received: 0, duplicates: 0, last: 0, disconnects: 0 }));
  const sockets = await Promise.all(
    cookies.map((cookie, i) => connect(url, cookie, tallies[i]!, from)),
  );
  return { sockets, tallies };
}

async function waitForDelivery(tallies: Tally[], lastSeq: number): Promise<void> {
  const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
  while (performance.now() < deadline && tallies.some((tally) => tally.last < lastSeq)) {
    await sleep(50);
  }
}

type Sample = { atSeconds: number } & Memory;

/**
 * Samples the server's memory every few seconds while `run` goes, and prints one row a minute:
 * writes, write latency and memory. Returns every sample, for the fit.
 */
async function soak(
  server: Awaited<ReturnType<typeof startServerProcess>>,
  run: (stopAt: number, onWrite: (ms: number) => void) => Promise<number>,
): Promise<{ samples: Sample[]; writes: number; seconds: number }> {
  const startedAt = performance.now();
  const samples: Sample[] = [{ atSeconds: 0, ...(await server.memory()) }];
  console.info(row('start', null, samples[0]!));
  let minute: number[] = [];
  let nextMinute = 60;
  let isRunning = true;
  const sampler = (async () => {
    while (isRunning) {
      await sleep(SAMPLE_EVERY_MS);
      if (!isRunning) break;
      const sample = {
        atSeconds: (performance.now() - startedAt) / 1000,
        ...(await server.memory()),
      };
      samples.push(sample);
      if (sample.atSeconds >= nextMinute) {
        console.info(row(`${nextMinute / 60} min`, minute, sample));
        minute = [];
        nextMinute += 60;
      }
    }
  })();
  const writes = await run(startedAt + SECONDS * 1000, (ms) => minute.push(ms));
  isRunning = false;
  await sampler;
  const seconds = (performance.now() - startedAt) / 1000;
  const end = { atSeconds: seconds, ...(await server.memory()) };
  samples.push(end);
  console.info(row('end', minute.length > 0 ? minute : null, end));
  return { samples, writes, seconds };
}

function row(label: string, latencies: number[] | null, memory: Memory): string {
  const stats = latencies && latencies.length > 0 ? summarize(latencies) : null;
  const writes = stats ? String(stats.count) : '—';
  const p50 = stats ? formatMs(stats.p50) : '—';
  const p99 = stats ? formatMs(stats.p99) : '—';
  return `  ${label.padEnd(7)} ${writes.padStart(7)} ${p50.padStart(10)} ${p99.padStart(10)} ${mb(memory.rss).padStart(10)} ${mb(memory.heapUsed).padStart(10)} ${mb(memory.external).padStart(10)}`;
}

const HEADER = `  ${'at'.padEnd(7)} ${'writes'.padStart(7)} ${'write p50'.padStart(10)} ${'write p99'.padStart(10)} ${'RSS'.padStart(10)} ${'heap'.padStart(10)} ${'external'.padStart(10)}`;

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** Least-squares slope, in MB per minute: two end points alone would read a GC's timing. */
function growthPerMinute(samples: Sample[], field: keyof Memory): number {
  const n = samples.length;
  const xs = samples.map((sample) => sample.atSeconds / 60);
  const ys = samples.map((sample) => sample[field] / MB);
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - meanX) * (ys[i]! - meanY);
    den += (xs[i]! - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function printGrowth(samples: Sample[]): { heap: number; rss: number } {
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const heap = growthPerMinute(samples, 'heapUsed');
  const rss = growthPerMinute(samples, 'rss');
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} MB`;
  console.info(
    `  growth, start → end: RSS ${signed((last.rss - first.rss) / MB)}, heap ${signed((last.heapUsed - first.heapUsed) / MB)}; fitted over ${samples.length} samples: RSS ${signed(rss)}/min, heap ${signed(heap)}/min`,
  );
  return { heap, rss };
}

function printEvents(tallies: Tally[], expected: number): number {
  const received = tallies.reduce((sum, tally) => sum + tally.received, 0);
  const duplicates = tallies.reduce((sum, tally) => sum + tally.duplicates, 0);
  const disconnects = tallies.reduce((sum, tally) => sum + tally.disconnects, 0);
  const lost = tallies.reduce((sum, tally) => sum + Math.max(0, expected - tally.received), 0);
  console.info(
    `  events: ${(expected * tallies.length).toLocaleString('fr-FR')} due (${expected} seqs × ${tallies.length} sockets), ${received.toLocaleString('fr-FR')} received, lost ${lost}, duplicates ${duplicates}, disconnects ${disconnects}`,
  );
  return lost;
}

/** The accounts and sessions of a garage: counter staff, admins, one token per wall screen. */
async function openSessions(url: string) {
  const admins: Array<Awaited<ReturnType<typeof signIn>>> = [];
  for (let i = 0; i < SESSIONS.admin; i++) admins.push(await signIn(url));
  const admin = admins[0]!.client;
  const password = 'motdepasse-soak';
  const email = `comptoir.${Date.now()}@garage.test`;
  const member = await expectStatus(
    201,
    admin.api.staff.$post({ json: { email, name: 'Comptoir Soak', role: 'staff', password } }),
  );
  const staff: string[] = [];
  for (let i = 0; i < SESSIONS.staff; i++) {
    const client = createApiClient(url);
    await expectStatus(200, client.api.auth.login.$post({ json: { email, password } }));
    staff.push(client.cookie!);
  }
  const walls: string[] = [];
  for (let i = 0; i < SOCKETS.display; i++) {
    const { token } = await expectStatus(
      201,
      admin.api['display-tokens'].$post({ json: { name: `Mur ${i + 1}` } }),
    );
    const wall = createApiClient(url);
    await expectStatus(200, wall.api.auth.display.$post({ json: { token } }));
    walls.push(wall.cookie!);
  }
  const cookies: Array<string | null> = [
    ...Array.from({ length: SOCKETS.staff }, (_, i) => staff[i % staff.length]!),
    ...Array.from({ length: SOCKETS.admin }, (_, i) => admins[i % admins.length]!.cookie),
    ...walls,
  ];
  return { admin, staffId: member.id, staffVersion: member.version, cookies };
}

/** A counter's stream of writes: a new client, an edit of it, now and then an account renamed. */
function createWriter(writer: ApiClient, staff: { id: string; version: number }) {
  let inputs = buildDemoClients(1000, 1);
  let batch = 1;
  let last: { id: string; version: number } | null = null;
  let account = staff.version;
  return async (n: number): Promise<void> => {
    if (n % ACCOUNT_EVERY === ACCOUNT_EVERY - 1) {
      const renamed = await expectStatus(
        200,
        writer.api.staff[':id'].$patch({
          param: { id: staff.id },
          json: { version: account, name: `Comptoir Soak ${n}` },
        }),
      );
      account = renamed.version;
    } else if (last && n % 2 === 1) {
      const edited = await expectStatus(
        200,
        writer.api.clients[':id'].$patch({
          param: { id: last.id },
          json: { version: last.version, notes: `Rappel ${n}` },
        }),
      );
      last = { id: edited.id, version: edited.version };
    } else {
      if (inputs.length === 0) inputs = buildDemoClients(1000, ++batch);
      const created = await expectStatus(201, writer.api.clients.$post({ json: inputs.pop()! }));
      last = { id: created.id, version: created.version };
    }
  };
}

/** Writes at `RATE` per second until `stopAt` (a writer that falls behind says so in its count). */
async function paced(
  stopAt: number,
  onWrite: (ms: number) => void,
  write: (n: number) => Promise<void>,
  first = 0,
): Promise<number> {
  const startedAt = performance.now();
  let n = 0;
  while (performance.now() < stopAt) {
    const due = startedAt + (n * 1000) / RATE;
    if (due > performance.now()) await sleep(due - performance.now());
    const before = performance.now();
    await write(first + n);
    onWrite(performance.now() - before);
    n += 1;
  }
  return n;
}

async function lastSeqOf(admin: ApiClient): Promise<number> {
  return (await expectStatus(200, admin.api.changes.$get({ query: { after: 0, limit: 1 } })))
    .lastSeq;
}

/** The seqs the log holds in (after, upTo]: what every socket is due, in one form or another. */
async function countLogged(admin: ApiClient, after: number, upTo: number): Promise<number> {
  let count = 0;
  let cursor = after;
  while (cursor < upTo) {
    const page = await expectStatus(
      200,
      admin.api.changes.$get({ query: { after: cursor, limit: 1000 } }),
    );
    count += page.items.filter((change) => change.seq <= upTo).length;
    count += page.skipped.filter((skipped) => skipped.seq <= upTo).length;
    if (page.readTo <= cursor) break;
    cursor = page.readTo;
  }
  return count;
}

async function soakApp() {
  const server = await startServerProcess('app');
  try {
    const { admin, staffId, staffVersion, cookies } = await openSessions(server.url);
    let from = Number.POSITIVE_INFINITY;
    const { sockets, tallies } = await connectAll(server.url, cookies, () => from);
    const write = createWriter(admin, { id: staffId, version: staffVersion });
    for (let n = 0; n < WARM_UP_WRITES; n++) await write(n);
    from = await lastSeqOf(admin);

    console.info(
      `\nGestionPro soak — ${server.engine}, ${TOTAL_SOCKETS} sockets (${SOCKETS.staff} counter, ${SOCKETS.admin} admin, ${SOCKETS.display} wall) in this process, the server in its own; ${SECONDS} s at ${RATE} writes/s\n`,
    );
    console.info(HEADER);
    const run = await soak(server, (stopAt, onWrite) =>
      paced(stopAt, onWrite, write, WARM_UP_WRITES),
    );
    const upTo = await lastSeqOf(admin);
    await waitForDelivery(tallies, upTo);
    const growth = printGrowth(run.samples);
    console.info(
      `  writes: ${run.writes} in ${run.seconds.toFixed(0)} s (${(run.writes / run.seconds).toFixed(1)}/s of ${RATE}/s asked; a writer that falls behind waits for no one)`,
    );
    const lost = printEvents(tallies, await countLogged(admin, from, upTo));
    for (const socket of sockets) socket.close();
    return { lost, growth };
  } finally {
    await server.close();
  }
}

async function soakBaseline() {
  const server = await startServerProcess('bare');
  try {
    let from = Number.POSITIVE_INFINITY;
    const cookies = Array.from({ length: TOTAL_SOCKETS }, () => null);
    const { sockets, tallies } = await connectAll(server.url, cookies, () => from);
    let n = 0;
    const emit = async () => {
      n += 1;
      server.send({ type: 'emit', n });
    };
    for (let i = 0; i < WARM_UP_WRITES; i++) await emit();
    from = n;
    console.info(
      `\nBaseline — ${server.engine}, the same ${TOTAL_SOCKETS} sockets and ${RATE} broadcasts/s for ${SECONDS} s\n`,
    );
    console.info(HEADER);
    const run = await soak(server, (stopAt, onWrite) => paced(stopAt, onWrite, emit));
    await waitForDelivery(tallies, n);
    const growth = printGrowth(run.samples);
    const lost = printEvents(tallies, n - from);
    for (const socket of sockets) socket.close();
    return { lost, growth };
  } finally {
    await server.close();
  }
}

const app = await soakApp();
const baseline = WITH_BASELINE ? await soakBaseline() : null;
if (baseline) {
  console.info(
    `\n  heap growth app/baseline: ${app.growth.heap.toFixed(2)} vs ${baseline.growth.heap.toFixed(2)} MB/min; RSS ${app.growth.rss.toFixed(2)} vs ${baseline.growth.rss.toFixed(2)} MB/min`,
  );
}
console.info('  targets: 0 events lost, heap growth near the baseline\n');
const lost = app.lost + (baseline?.lost ?? 0);
if (lost > 0) {
  console.error(`✗ ${lost} events were lost`);
  process.exit(1);
}
process.exit(0);
