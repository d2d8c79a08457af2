import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { type Database, openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { databaseTimeouts } from './db/pool';
import { seedDemoData } from './demo/seed';
import type { Deps } from './deps';
import type { Env } from './env';
import {
  ALERT_JOB,
  readAlertSchedule,
  resolvePaidInvoiceAlerts,
  resolveSatisfiedAlerts,
  runScheduledCheck,
} from './features/alerts/alerts.service';
import {
  authenticate,
  bootstrapAdmin,
  createAuthState,
  purgeExpiredSessions,
} from './features/auth/auth.service';
import { getLastSeq } from './features/changes/changes.service';
import {
  createDashboardPublisher,
  type DashboardPublisher,
} from './features/dashboard/dashboard.publisher';
import { compactDashboard, computeDashboard } from './features/dashboard/dashboard.service';
import { createMailWorker } from './features/mail/mail.worker';
import { createJobs } from './jobs/scheduler';
import { loadJournalKey } from './journal-key';
import { createLogger, type Logger } from './logger';
import { createRealtime } from './realtime/realtime';

export type RunningServer = {
  url: string;
  port: number;
  deps: Deps;
  database: Database;
  /** Set when no admin exists yet: the one-time link to create one. */
  setupUrl: string | null;
  isDemoSeeded: boolean;
  dashboard: DashboardPublisher;
  close: () => Promise<void>;
};

export type ServerOptions = {
  now?: () => Date;
  log?: Logger;
  /** Off in tests: no cron ticks, no check at start; tests run the check themselves. */
  scheduleJobs?: boolean;
  /** Off: the outbox is not delivered (messages stay queued). On by default; needs SMTP_URL. */
  sendMail?: boolean;
};

/** boot: env → db → migrate → admin → demo data → serve → Socket.IO (used by main and tests). */
export async function startServer(env: Env, options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    log,
    timeouts: databaseTimeouts(env.DATABASE_STATEMENT_TIMEOUT_MS, env.DATABASE_CONNECT_TIMEOUT_MS),
  });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const realtime = createRealtime(log);
  const jobs = createJobs(database, log);
  const mailWorker = createMailWorker(log);
  const deps: Deps = {
    env,
    db: database.db,
    dbKind: database.kind,
    log,
    realtime: realtime.port,
    jobs: jobs.port,
    mail: mailWorker.port,
    // The one call up the feature tree, handed down (docs/decisions/0010-feature-boundaries.md).
    hooks: { upkeepRecorded: resolveSatisfiedAlerts, invoicePaid: resolvePaidInvoiceAlerts },
    journalKey: loadJournalKey(env, log),
    now: options.now ?? (() => new Date()),
    queryCount: database.queryCount,
  };
  const authState = createAuthState();
  const setupToken = await bootstrapAdmin(deps, authState);
  const shouldSeed = env.DEMO_DATA ?? database.kind === 'pglite';
  const isDemoSeeded = shouldSeed ? await seedDemoData(deps) : false;

  const app = createApp(deps, authState);
  const server = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  const dashboard = createDashboardPublisher({
    compute: () => computeDashboard(deps),
    emit: realtime.emitDashboard,
    hasWatchers: realtime.hasDashboardWatchers,
    log,
  });
  realtime.attach(
    server,
    {
      authenticate: (token) => authenticate(deps, token),
      lastSeq: () => getLastSeq(deps),
      onPublished: dashboard.notifyChanged,
    },
    env.MULTI_INSTANCE ? database.pool : null,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  // The alert check (it also expires quotes) on the rules' schedule, and once at start.
  const schedule = await readAlertSchedule(deps);
  if (options.scheduleJobs ?? true) {
    jobs.start([
      { name: ALERT_JOB, pattern: schedule, run: () => runScheduledCheck(deps) },
      // The dashboard's counters fold their day's deltas at night (decision 0008).
      {
        name: 'dashboard-compact',
        pattern: '17 3 * * *',
        run: () => compactDashboard(deps),
      },
      // Expired sessions and spent sign-in counters (decision 0013).
      { name: 'auth-purge', pattern: '41 3 * * *', run: () => purgeExpiredSessions(deps) },
    ]);
    void runScheduledCheck(deps).catch((error) => log.error('alert check failed', error));
  }
  // The outbox (decision 0019): woken by the commits that queue mail, polling as a fallback.
  if (options.sendMail ?? true) await mailWorker.start(deps);
  const { port } = server.address() as AddressInfo;
  const url = env.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${port}`;

  return {
    url,
    port,
    deps,
    database,
    setupUrl: setupToken ? `${url}/setup?token=${setupToken}` : null,
    isDemoSeeded,
    dashboard,
    async close() {
      jobs.stop();
      await mailWorker.stop();
      dashboard.close();
      server.closeAllConnections();
      await realtime.close();
      await database.close();
    },
  };
}
