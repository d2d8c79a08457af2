/**
 * npm run bench:alerts — the alert check over 50,000 vehicles (with CT, mileage and service
 * history) and 100,000 quotes: its time (target < 5 s on PGlite, less on PostgreSQL) and the
 * number of SQL statements it issues (it must not issue one per vehicle). A second run shows the
 * cost of a check that has nothing new to do.
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { runAlertCheck } from '../server/features/alerts/alerts.check';
import { startBenchServer } from './bench-server';
import { generateGarage } from './generate';

const server = await startBenchServer();
try {
  const started = performance.now();
  console.info(
    `\nGenerating 25,000 clients, 50,000 vehicles with history, 100,000 quotes on ${server.engine}…`,
  );
  await generateGarage(
    server.deps.db,
    { clients: 25_000, vehiclesPerClient: 2, quotesPerClient: 4, history: true },
    new Date(),
    console.info,
  );
  console.info(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  for (const label of ['first run (opens the alerts)', 'second run (nothing new)']) {
    const summary = await runAlertCheck(server.deps);
    console.info(
      `${label.padEnd(30)} ${(summary.durationMs / 1000).toFixed(2)} s, ${summary.queries} SQL statements — ` +
        `${summary.vehicles} vehicles, ${summary.quotes} sent quotes read; ${summary.created} created, ${summary.updated} updated, ${summary.resolved} resolved, ${summary.expiredQuotes} quotes expired`,
    );
  }
  console.info('\n  target: < 5 s on PGlite; statements independent of the number of vehicles\n');
} finally {
  await server.close();
}
process.exit(0);
