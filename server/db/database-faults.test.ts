import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client';
import { createTestDatabase, POSTGRES_ADMIN_URL } from '../test/databases';
import { buildClientInput } from '../test/factories';
import { startTestServer, type TestServer } from '../test/harness';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy';

/**
 * What a flaky network, a failover and a restart do to the server on PostgreSQL, through a TCP
 * proxy on loopback in front of the machine's PostgreSQL (docs/decisions/0014-database-faults.md).
 * The server's timeouts are shortened (statement 1 s) so each fault costs seconds, not minutes;
 * the production values keep the same proportions.
 */
const STATEMENT_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;
/** Every request is answered within this, whatever the fault (query deadline + connect + slack). */
const ANSWER_BOUND_MS = 4_500;
/** A black hole lasts longer than that bound, so a request waiting on it would show. */
const BLACK_HOLE_MS = 6_000;
/** After a fault ends, writes succeed again within this. */
const RECOVERY_BOUND_MS = 5_000;
const WRITERS = 8;
/** The protocol message `Query "commit"` (drizzle ends each transaction with it). */
const SIMPLE_QUERY_COMMIT = Buffer.from('Q\0\0\0\x0bcommit\0', 'latin1');
/** PostgreSQL's reply once it has committed: `CommandComplete "COMMIT"`. */
const COMMAND_COMPLETE_COMMIT = Buffer.from('C\0\0\0\x0bCOMMIT\0', 'latin1');

type Outcome = {
  lastName: string;
  /** 0: not answered before the test gave up on it. */
  status: number;
  code: string | null;
  retryAfter: string | null;
  ms: number;
};

type Figures = { requests: number; created: number; unavailable: number; slowestMs: number };

function figuresOf(outcomes: Outcome[]): Figures {
  return {
    requests: outcomes.length,
    created: outcomes.filter((o) => o.status === 201).length,
    unavailable: outcomes.filter((o) => o.status === 503).length,
    slowestMs: Math.max(0, ...outcomes.map((o) => o.ms)),
  };
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('database faults on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let server: TestServer;
  let staff: ApiClient;
  /** What would have crashed the process: each fails the test it happened in. */
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    database = await createTestDatabase();
    const target = new URL(POSTGRES_ADMIN_URL);
    proxy = await startTcpProxy(
      { host: target.hostname, port: Number(target.port || 5432) },
      { request: SIMPLE_QUERY_COMMIT, reply: COMMAND_COMPLETE_COMMIT },
    );
    const throughProxy = new URL(database.url);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startTestServer('postgres', {
      DATABASE_URL: throughProxy.toString(),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      // The Socket.IO adapter's LISTEN connection goes through the faults too.
      MULTI_INSTANCE: 'on',
    });
    staff = await server.signIn('staff');
  });

  afterEach(async () => {
    await proxy.pass();
    expect(crashes.splice(0)).toEqual([]);
    // No connection is left checked out by a fault: only the Socket.IO adapter's LISTEN one.
    const pool = server.database.pool!;
    await waitUntil(() => pool.totalCount - pool.idleCount <= 1, RECOVERY_BOUND_MS);
  });

  afterAll(async () => {
    await proxy?.pass();
    await server?.close();
    await proxy?.close();
    await database?.drop();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  });

  /** A direct connection to the test database, beside the proxy: what is really committed. */
  async function committedNames(): Promise<Set<string>> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ last_name: string }>(
        'SELECT last_name FROM clients WHERE last_name IS NOT NULL',
      );
      return new Set(rows.map((row) => row.last_name));
    } finally {
      await client.end();
    }
  }

  async function writeOnce(): Promise<Outcome> {
    const input = buildClientInput();
    const started = Date.now();
    try {
      const response = await staff.api.clients.$post(
        { json: input },
        { init: { signal: AbortSignal.timeout(BLACK_HOLE_MS + ANSWER_BOUND_MS) } },
      );
      const body = (await response.json().catch(() => null)) as {
        error?: { code?: string };
      } | null;
      return {
        lastName: input.lastName!,
        status: response.status,
        code: body?.error?.code ?? null,
        retryAfter: response.headers.get('retry-after'),
        ms: Date.now() - started,
      };
    } catch {
      return {
        lastName: input.lastName!,
        status: 0,
        code: null,
        retryAfter: null,
        ms: Date.now() - started,
      };
    }
  }

  /** WRITERS loops creating clients until stopped; a 503 is followed by a short pause. */
  function startWriters() {
    let isRunning = true;
    const outcomes: Outcome[] = [];
    const loops = Array.from({ length: WRITERS }, async () => {
      while (isRunning) {
        const outcome = await writeOnce();
        outcomes.push(outcome);
        if (outcome.status !== 201) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    return {
      outcomes,
      async stop(): Promise<Outcome[]> {
        isRunning = false;
        await Promise.all(loops);
        return outcomes;
      },
    };
  }

  /** Milliseconds until a write succeeds again, the fault being over. */
  async function timeToRecover(): Promise<number> {
    const started = Date.now();
    await waitUntil(async () => (await writeOnce()).status === 201, RECOVERY_BOUND_MS);
    return Date.now() - started;
  }

  /**
   * Writers run while `fault` does its damage and waits for recovery; the proxy passes again and
   * the writers stop whatever happens, so a failing test leaves nothing running.
   */
  async function underLoad<T>(
    fault: (writers: { outcomes: Outcome[] }) => Promise<T>,
  ): Promise<{ outcomes: Outcome[]; result: T; unansweredBefore: number }> {
    const unansweredBefore = proxy.unanswered;
    const writers = startWriters();
    try {
      await waitUntil(() => writers.outcomes.length >= WRITERS, 10_000);
      const result = await fault(writers);
      return { outcomes: await writers.stop(), result, unansweredBefore };
    } finally {
      await proxy.pass();
      await writers.stop();
    }
  }

  /** Each request was answered in time, with 201 or with a 503 `unavailable` and Retry-After. */
  function expectAnsweredHonestly(outcomes: Outcome[]): void {
    const wrong = outcomes.filter(
      (o) =>
        o.ms > ANSWER_BOUND_MS ||
        !(
          o.status === 201 ||
          (o.status === 503 && o.code === 'unavailable' && Number(o.retryAfter) > 0)
        ),
    );
    expect(wrong).toEqual([]);
  }

  /**
   * Through a direct connection: every 201 is committed. A write answered 503 may be committed
   * only if its COMMIT had reached PostgreSQL and the reply was lost with the connection (the
   * proxy counts those), and, after a black hole, only if it was committed before the hole
   * healed. Returns how many 503s were committed that way: saved before the answer, never after.
   */
  async function expectNoLostOrLateWrite(
    outcomes: Outcome[],
    unansweredBefore: number,
    committedBeforeHealing?: Set<string>,
  ): Promise<{ ambiguous: number; unansweredCommits: number }> {
    const committed = await committedNames();
    const lost = outcomes.filter((o) => o.status === 201 && !committed.has(o.lastName));
    const refusedYetCommitted = outcomes.filter(
      (o) => o.status !== 201 && committed.has(o.lastName),
    );
    const late = committedBeforeHealing
      ? refusedYetCommitted.filter((o) => !committedBeforeHealing.has(o.lastName))
      : [];
    const unanswered = proxy.unanswered - unansweredBefore;
    expect({
      lost,
      late,
      unexplained: Math.max(0, refusedYetCommitted.length - unanswered),
    }).toEqual({ lost: [], late: [], unexplained: 0 });
    return { ambiguous: refusedYetCommitted.length, unansweredCommits: unanswered };
  }

  function report(fault: string, figures: Record<string, number>): void {
    console.info(`[faults] ${fault}: ${JSON.stringify(figures)}`);
  }

  it('survives every connection being reset under load, answers 503 meanwhile and recovers', async () => {
    const resets = 4;
    const {
      outcomes,
      result: recoveredMs,
      unansweredBefore,
    } = await underLoad(async (writers) => {
      for (let round = 0; round < resets; round += 1) {
        const seen = writers.outcomes.length;
        proxy.resetAll();
        // The next reset once the server has answered a few requests after this one.
        await waitUntil(() => writers.outcomes.length >= seen + WRITERS, ANSWER_BOUND_MS * 2);
      }
      return timeToRecover();
    });
    expectAnsweredHonestly(outcomes);
    const commits = await expectNoLostOrLateWrite(outcomes, unansweredBefore);
    report('connection resets', { resets, ...figuresOf(outcomes), ...commits, recoveredMs });
  });

  it('answers 503 within a bounded time during a black hole, and no write answered 503 commits after it heals', async () => {
    const { outcomes, result, unansweredBefore } = await underLoad(async () => {
      // The hole opens on a COMMIT: it is held, as a partition holds what a sender retransmits.
      await proxy.blackHoleOn((chunk) => chunk.includes(SIMPLE_QUERY_COMMIT));
      const opened = Date.now();
      const health = await server.client().app.api.health.$get(undefined, {
        init: { signal: AbortSignal.timeout(BLACK_HOLE_MS) },
      });
      const healthMs = Date.now() - opened;
      expect({ status: health.status, body: await health.json() }).toMatchObject({
        status: 503,
        body: { status: 'degraded', db: 'postgres', database: 'unreachable' },
      });
      expect(healthMs).toBeLessThan(ANSWER_BOUND_MS);
      await new Promise((resolve) => setTimeout(resolve, BLACK_HOLE_MS - (Date.now() - opened)));
      // What PostgreSQL holds at the end of the hole: a 503'd write found later must be in it.
      const beforeHealing = await committedNames();
      await proxy.pass();
      return { beforeHealing, healthMs, recoveredMs: await timeToRecover() };
    });
    expectAnsweredHonestly(outcomes);
    expect(figuresOf(outcomes).unavailable).toBeGreaterThan(0);
    const commits = await expectNoLostOrLateWrite(outcomes, unansweredBefore, result.beforeHealing);
    report('black hole', {
      holeMs: BLACK_HOLE_MS,
      ...figuresOf(outcomes),
      ...commits,
      healthMs: result.healthMs,
      recoveredMs: result.recoveredMs,
    });
  });

  it('answers 503 while PostgreSQL restarts and recovers by itself when it is back', async () => {
    const refusedMs = 2_000;
    const {
      outcomes,
      result: recoveredMs,
      unansweredBefore,
    } = await underLoad(async () => {
      const restarted = proxy.restart(refusedMs);
      await waitUntil(() => proxy.mode === 'refuse', 1_000);
      const health = await server.client().app.api.health.$get();
      expect(health.status).toBe(503);
      await restarted;
      return timeToRecover();
    });
    expectAnsweredHonestly(outcomes);
    expect(figuresOf(outcomes).unavailable).toBeGreaterThan(0);
    const commits = await expectNoLostOrLateWrite(outcomes, unansweredBefore);
    const healthAfter = await server.client().app.api.health.$get();
    expect(healthAfter.status).toBe(200);
    report('restart', { refusedMs, ...figuresOf(outcomes), ...commits, recoveredMs });
  });

  it("survives pg_terminate_backend on every one of the server's backends under load", async () => {
    const name = new URL(database.url).pathname.slice(1);
    const rounds = 16;
    const { outcomes, result, unansweredBefore } = await underLoad(async (writers) => {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      let terminated = 0;
      try {
        for (let round = 0; round < rounds; round += 1) {
          const seen = writers.outcomes.length;
          // The select list runs only on the rows the WHERE kept: never another database's.
          const { rows } = await admin.query<{ count: number }>(
            `SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity
              WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [name],
          );
          terminated += rows[0]!.count;
          await waitUntil(() => writers.outcomes.length >= seen + 2, ANSWER_BOUND_MS * 2);
        }
      } finally {
        await admin.end();
      }
      return { terminated, recoveredMs: await timeToRecover() };
    });
    expectAnsweredHonestly(outcomes);
    const commits = await expectNoLostOrLateWrite(outcomes, unansweredBefore);
    report('pg_terminate_backend', { rounds, ...result, ...figuresOf(outcomes), ...commits });
    expect(result.terminated).toBeGreaterThan(rounds);
  });

  /** The backends of the test database that last ran a LISTEN: the Socket.IO adapter's. */
  async function listeners(): Promise<number[]> {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'",
        [new URL(database.url).pathname.slice(1)],
      );
      return rows.map((row) => row.pid);
    } finally {
      await admin.end();
    }
  }

  it('has the Socket.IO adapter listen again once its connection is reset', async () => {
    await waitUntil(async () => (await listeners()).length > 0, RECOVERY_BOUND_MS);
    const before = await listeners();
    proxy.resetAll();
    await waitUntil(async () => {
      const now = await listeners();
      return now.length > 0 && now.every((pid) => !before.includes(pid));
    }, RECOVERY_BOUND_MS * 2);
  });

  it('keeps one LISTEN connection when the adapter loses one during its LISTEN', async () => {
    await waitUntil(async () => (await listeners()).length > 0, RECOVERY_BOUND_MS);
    const pool = server.database.pool!;
    // The adapter reconnects 1 to 3 s after a loss; its next LISTEN goes into a black hole,
    // where the query deadline resets that connection.
    const held = proxy.blackHoleOn((chunk) => chunk.includes('LISTEN "socket.io'));
    proxy.resetAll();
    await held;
    await waitUntil(() => pool.totalCount - pool.idleCount === 0, ANSWER_BOUND_MS);
    await proxy.pass();
    await waitUntil(async () => (await listeners()).length > 0, RECOVERY_BOUND_MS);
    // Every reconnection the adapter scheduled has run 3 s later (its longest delay).
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await listeners()).length).toBe(1);
    expect(pool.totalCount - pool.idleCount).toBe(1);
  });

  it('lets a job finish when its advisory-lock connection is lost, and runs the next one', async () => {
    const pool = server.database.pool!;
    const first = await server.deps.jobs.withLock('fault-probe', async () => {
      proxy.resetAll();
      await waitUntil(() => pool.totalCount === 0, ANSWER_BOUND_MS);
      return 'done';
    });
    expect(first).toEqual({ ran: true, result: 'done' });
    const next = await server.deps.jobs.withLock('fault-probe', async () => 'again');
    expect(next).toEqual({ ran: true, result: 'again' });
  });

  it('has PostgreSQL itself refuse a COMMIT that arrives after the idle-in-transaction timeout', async () => {
    // The server's own session settings, on a bare client the server's deadline does not guard:
    // even if a COMMIT were delivered late, it could not commit.
    const { statementMs, idleInTransactionMs } = server.database.timeouts!;
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('CREATE TABLE fault_probe (id int)');
    const throughProxy = new URL(database.url);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    const bare = new pg.Client({
      connectionString: throughProxy.toString(),
      statement_timeout: statementMs,
      idle_in_transaction_session_timeout: idleInTransactionMs,
    });
    const errors: Error[] = [];
    bare.on('error', (error) => errors.push(error));
    await bare.connect();
    try {
      await bare.query('BEGIN');
      await bare.query('INSERT INTO fault_probe VALUES (1)');
      proxy.blackHole();
      const commit = bare.query('COMMIT').then(
        () => 'committed',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, idleInTransactionMs + 1_000));
      await proxy.pass();
      expect(await commit).toBe('refused');
      const { rows } = await admin.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM fault_probe',
      );
      expect(rows[0]!.count).toBe(0);
    } finally {
      await bare.end().catch(() => undefined);
      await admin.query('DROP TABLE fault_probe');
      await admin.end();
    }
  });
});

describe('database faults on PGlite', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => {
    await server?.close().catch(() => undefined);
  });

  it('answers 503 with Retry-After and reports the database unreachable once PGlite is closed', async () => {
    const staff = await server.signIn('staff');
    await server.database.pglite!.close();
    const response = await staff.api.clients.$get({ query: {} });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const health = await server.client().app.api.health.$get();
    expect({ status: health.status, body: await health.json() }).toMatchObject({
      status: 503,
      body: { status: 'degraded', db: 'pglite', database: 'unreachable' },
    });
  });
});
