import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Logger } from '../logger';
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
  /** Statements issued so far (benchmarks report how many a job needs). */
  queryCount: () => number;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  log: Logger;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let queries = 0;
  const logger = {
    logQuery: () => {
      queries += 1;
    },
  };
  const queryCount = () => queries;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client losing its connection must not crash the process; the next query fails
    // cleanly instead and the error handler answers 503.
    pool.on('error', (error) => options.log.warn(`PostgreSQL pool: ${error.message}`));
    const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
    return { kind: 'postgres', db, pool, pglite: null, queryCount, close: () => pool.end() };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema, logger }) as unknown as Db;
  return { kind: 'pglite', db, pool: null, pglite, queryCount, close: () => pglite.close() };
}
