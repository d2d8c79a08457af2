import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Logger } from '../logger';
import { createPostgresPool, type DatabaseTimeouts, DEFAULT_TIMEOUTS } from './pool';
import * as schema from './schema';

export type Schema = typeof schema;
/** The part of Drizzle both drivers share: services and repos only see this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  kind: DbKind;
  db: Db;
  /** Present on PostgreSQL: the Socket.IO adapter and advisory locks need their own clients. */
  pool: pg.Pool | null;
  pglite: PGlite | null;
  /** On PostgreSQL: how long it may take before requests are answered 503 (decision 0014). */
  timeouts: DatabaseTimeouts | null;
  /** Statements issued so far (benchmarks report how many a job needs). */
  queryCount: () => number;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  log: Logger;
  timeouts?: DatabaseTimeouts;
};

/**
 * `pool.end()` waits for every checked-out client to come back: a shutdown is bounded instead
 * (a query's deadline and a connection's), then says what was still out and lets the process
 * go; the clients die with it. Leaks are the fault suite's to catch, not a reason to hang.
 */
async function endPool(pool: pg.Pool, boundMs: number, log: Logger): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bounded = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), boundMs);
  });
  const outcome = await Promise.race([pool.end().then(() => 'ended' as const), bounded]);
  clearTimeout(timer);
  if (outcome === 'late') {
    log.warn(
      `database pool still had ${pool.totalCount - pool.idleCount} connection(s) checked out after ${boundMs} ms at shutdown`,
    );
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let queries = 0;
  const logger = {
    logQuery: () => {
      queries += 1;
    },
  };
  const queryCount = () => queries;
  if (options.databaseUrl) {
    const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    // A lost connection never crashes the process, and a query never waits forever: the
    // error handler answers 503 (docs/decisions/0014-database-faults.md).
    const pool = createPostgresPool(options.databaseUrl, timeouts, options.log);
    const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      pool,
      pglite: null,
      timeouts,
      queryCount,
      close: () => endPool(pool, timeouts.queryMs + timeouts.connectMs, options.log),
    };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema, logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pool: null,
    pglite,
    timeouts: null,
    queryCount,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
