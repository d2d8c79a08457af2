import type { Role } from '../../domain/schemas/staff';
import { parseEnv } from '../env';
import { createLogger, type Logger } from '../logger';
import { type RunningServer, startServer } from '../server';
import { type ApiClient, createApiClient, expectStatus } from './api-client';
import { createTestDatabase, type Engine } from './databases';

export const ADMIN = { email: 'admin@garage.test', password: 'motdepasse-admin' };

export type TestServer = RunningServer & {
  engine: Engine;
  /** A new API client (own cookie jar) against this server, signed in as nobody. */
  client: () => ApiClient;
  /** A client already signed in as the admin from ADMIN_EMAIL. */
  admin: () => Promise<ApiClient>;
  /** Creates a staff account with that role and returns a client signed in as it. */
  signIn: (role: Role, name?: string) => Promise<ApiClient>;
};

let accounts = 0;

/**
 * The real server on an ephemeral port: PGlite in memory, or a fresh database on the machine's
 * PostgreSQL server. Demo data off, so every test builds what it needs.
 */
export async function startTestServer(
  engine: Engine,
  env: Record<string, string> = {},
  options: { now?: () => Date; scheduleJobs?: boolean; sendMail?: boolean; log?: Logger } = {},
): Promise<TestServer> {
  // A second instance on the same database passes DATABASE_URL itself.
  const database = engine === 'postgres' && !env.DATABASE_URL ? await createTestDatabase() : null;
  const running = await startServer(
    parseEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      DEMO_DATA: '0',
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CLIENT_DIR: './dist/client',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    }),
    { log: createLogger('silent'), scheduleJobs: false, ...options },
  );
  const client = () => createApiClient(running.url);
  const signedIn = async (email: string, password: string) => {
    const signed = client();
    await expectStatus(200, signed.api.auth.login.$post({ json: { email, password } }));
    return signed;
  };
  const admin = () => signedIn(ADMIN.email, ADMIN.password);
  return {
    ...running,
    engine,
    client,
    admin,
    async signIn(role, name) {
      const root = await admin();
      accounts += 1;
      const email = `${role}${accounts}.${Date.now()}@garage.test`;
      const password = 'motdepasse-test';
      await expectStatus(
        201,
        root.api.staff.$post({
          json: { email, name: name ?? `${role} ${accounts}`, role, password },
        }),
      );
      return signedIn(email, password);
    },
    async close() {
      await running.close();
      await database?.drop();
    },
  };
}
