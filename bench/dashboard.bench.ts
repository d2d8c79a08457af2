/**
 * npm run bench:dashboard — the dashboard snapshot on a large garage (100,000 clients, 200,000
 * vehicles, 500,000 quotes; target < 50 ms on PostgreSQL) and the statements it issues, then the
 * weight of the first page (target < 100 KB gzip) against the chart chunk loaded lazily.
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { runAlertCheck } from '../server/features/alerts/alerts.check';
import { compactDashboardStats } from '../server/features/dashboard/dashboard.repo';
import { computeDashboard } from '../server/features/dashboard/dashboard.service';
import { expectStatus } from '../server/test/api-client';
import { signIn, startBenchServer } from './bench-server';
import { readBundle } from './bundle';
import { generateGarage } from './generate';
import { line, summarize } from './stats';

const RUNS = 40;
const TARGET_MS = 50;

const server = await startBenchServer();
try {
  const started = performance.now();
  console.info(
    `\nGenerating 100,000 clients, 200,000 vehicles, 500,000 quotes on ${server.engine}…`,
  );
  await generateGarage(
    server.deps.db,
    { clients: 100_000, vehiclesPerClient: 2, quotesPerClient: 5 },
    new Date(),
    console.info,
  );
  const check = await runAlertCheck(server.deps);
  console.info(`  ${check.created} alerts opened by the check`);
  // As the nightly job leaves them: one counter row per metric, key and day.
  await compactDashboardStats(server.deps.db);
  const counted = (await server.deps.db.execute(
    sql`SELECT count(*)::int AS rows FROM dashboard_stats`,
  )) as unknown as { rows: Array<{ rows: number }> };
  console.info(`  ${counted.rows[0]?.rows} counter rows after compaction`);
  console.info(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const direct: number[] = [];
  let statements = 0;
  let snapshot = await computeDashboard(server.deps);
  for (let i = 0; i < RUNS; i++) {
    const before = performance.now();
    const queriesBefore = server.deps.queryCount();
    snapshot = await computeDashboard(server.deps);
    statements = server.deps.queryCount() - queriesBefore;
    direct.push(performance.now() - before);
  }
  const { client } = await signIn(server.url);
  const http: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = performance.now();
    await expectStatus(200, client.api.dashboard.$get());
    http.push(performance.now() - before);
  }
  const { figures } = snapshot;
  console.info(
    `Snapshot: ${figures.quotesSentThisMonth} quotes sent this month, ${figures.openQuotes.count} open, ` +
      `${figures.openAlerts.soon + figures.openAlerts.urgent + figures.openAlerts.overdue} open alerts, ` +
      `${snapshot.charts.funnel.created} quotes created over 12 weeks\n`,
  );
  const stats = summarize(direct);
  console.info(line(`computeDashboard (${statements} statements)`, stats));
  console.info(line('GET /api/v1/dashboard', summarize(http)));
  const verdict =
    server.engine === 'PostgreSQL' ? (stats.p95 < TARGET_MS ? 'met' : 'NOT met') : 'for reference';
  console.info(
    `  target: < ${TARGET_MS} ms on PostgreSQL — p95 ${stats.p95.toFixed(1)} ms on ${server.engine} (${verdict})\n`,
  );
} finally {
  await server.close();
}

const bundle = readBundle();
const charts = bundle.lazy(/node_modules\/apexcharts\//);
const dashboardPage = bundle.lazy(/features\/dashboard\/DashboardPage\.tsx$/);
const wallPage = bundle.lazy(/features\/wall\/WallPage\.tsx$/);
console.info('Bundle (gzip)');
console.info(
  `  first page:      ${bundle.initialKb.toFixed(1)} KB — target < 100 KB (${bundle.initialKb < 100 ? 'met' : 'NOT met'})`,
);
console.info(`  dashboard page:  ${bundle.gzipKb(dashboardPage).toFixed(1)} KB on demand`);
console.info(`  wall page:       ${bundle.gzipKb(wallPage).toFixed(1)} KB on demand`);
console.info(
  `  chart chunk:     ${bundle.gzipKb(charts).toFixed(1)} KB on demand (${charts.join(', ')})`,
);
console.info(
  '  (ApexCharts loads when the first chart mounts, on the dashboard or the wall only)\n',
);
process.exit(0);
