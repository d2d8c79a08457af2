import { Cron } from 'croner';
import { GARAGE_TZ } from '../../domain/dates';
import type { Database } from '../db/client';
import type { JobsPort } from '../deps';
import type { Logger } from '../logger';

export type ScheduledJob = { name: string; pattern: string; run: () => Promise<unknown> };

/** Postgres advisory lock keys: one per job name (hashtext), in a namespace of our own. */
const LOCK_NAMESPACE = 727;

/**
 * Croner in Europe/Paris with overrun protection (a slow run is never overlapped by the next
 * tick); errors are logged, never fatal. With several instances on one PostgreSQL, a run takes
 * a session-level advisory lock on its own connection, so only one instance runs a given tick.
 */
export function createJobs(database: Database, log: Logger) {
  const crons = new Map<string, Cron>();
  const jobs = new Map<string, ScheduledJob>();
  const running = new Set<string>();

  async function withLock<T>(
    name: string,
    work: () => Promise<T>,
  ): Promise<{ ran: true; result: T } | { ran: false }> {
    if (running.has(name)) return { ran: false };
    running.add(name);
    try {
      if (!database.pool) return { ran: true, result: await work() };
      const client = await database.pool.connect();
      // Set when the lock's session may be broken: the connection is then closed, never reused
      // (an advisory lock lives as long as its session).
      let broken: Error | undefined;
      const onBroken = (error: Error): never => {
        broken = error;
        throw error;
      };
      try {
        const { rows } = await client
          .query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
            LOCK_NAMESPACE,
            name,
          ])
          .catch(onBroken);
        if (!rows[0]?.locked) return { ran: false };
        try {
          return { ran: true, result: await work() };
        } finally {
          // If the lock's connection was lost during the run, the lock went with its session:
          // the run's outcome stands. Another instance may have run this tick too; jobs are
          // idempotent (decision 0007).
          await client
            .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, name])
            .catch((error: Error) => {
              broken = error;
              log.warn(`job ${name}: lock connection lost (${error.message})`);
            });
        }
      } finally {
        client.release(broken);
      }
    } finally {
      running.delete(name);
    }
  }

  function schedule(job: ScheduledJob): void {
    crons.get(job.name)?.stop();
    crons.set(
      job.name,
      new Cron(
        job.pattern,
        {
          timezone: GARAGE_TZ,
          protect: () => log.warn(`job ${job.name}: previous run still going, tick skipped`),
          catch: (error) => log.error(`job ${job.name} failed`, error),
        },
        async () => {
          const outcome = await withLock(job.name, job.run);
          if (!outcome.ran) log.debug(`job ${job.name}: another instance runs this tick`);
        },
      ),
    );
  }

  const port: JobsPort = {
    withLock,
    reschedule(name, pattern) {
      const job = jobs.get(name);
      if (!job) return;
      job.pattern = pattern;
      schedule(job);
    },
    nextRuns(name, count) {
      return crons.get(name)?.nextRuns(count) ?? [];
    },
  };

  return {
    port,
    start(list: ScheduledJob[]) {
      for (const job of list) {
        jobs.set(job.name, job);
        schedule(job);
      }
    },
    stop() {
      for (const cron of crons.values()) cron.stop();
    },
  };
}
