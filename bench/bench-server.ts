import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseEnv } from '../server/env';
import { createLogger } from '../server/logger';
import { type RunningServer, startServer } from '../server/server';
import { type ApiClient, createApiClient, expectStatus } from '../server/test/api-client';

export const BENCH_ADMIN = { email: 'bench@garage.test', password: 'motdepasse-bench' };

/**
 * The real server in this process on an ephemeral port: PGlite in memory, or — with
 * BENCH_DATABASE_URL — a fresh database on that PostgreSQL server, dropped at the end.
 */
export async function startBenchServer(): Promise<RunningServer & { engine: string }> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  let databaseUrl: string | undefined;
  let drop = async (): Promise<void> => undefined;
  if (adminUrl) {
    const name = `gp_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const running = await startServer(
    parseEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    { log: createLogger('warn') },
  );
  return {
    ...running,
    engine: adminUrl ? 'PostgreSQL' : 'PGlite',
    async close() {
      await running.close();
      await drop();
    },
  };
}

/**
 * A client typed from the server's routes, signed in as the bench's admin (a session of its
 * own), and that session's cookie for sockets and browsers.
 */
export async function signIn(url: string): Promise<{ client: ApiClient; cookie: string }> {
  const client = createApiClient(url);
  await expectStatus(200, client.api.auth.login.$post({ json: BENCH_ADMIN }));
  if (!client.cookie) throw new Error('signed in without a session cookie');
  return { client, cookie: client.cookie };
}
