/**
 * npm run bench:search — the global search box on a large garage: 100,000 clients, 200,000
 * vehicles, 300,000 quotes. Target: p95 < 50 ms per search, served by indexes (plans printed).
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { expectStatus } from '../server/test/api-client';
import { signIn, startBenchServer } from './bench-server';
import { generateGarage } from './generate';
import { line, summarize } from './stats';

const RUNS = 30;
const server = await startBenchServer();
try {
  const started = performance.now();
  console.info(`\nGenerating the garage on ${server.engine}…`);
  const garage = await generateGarage(
    server.deps.db,
    { clients: 100_000, vehiclesPerClient: 2, quotesPerClient: 3 },
    new Date(),
    console.info,
  );
  console.info(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const { client } = await signIn(server.url);

  const plate = garage.samplePlates[3]!;
  const searches: Array<[string, string]> = [
    ['common last name "martin"', 'martin'],
    ['first + last name "hélène lefèvre"', 'hélène lefèvre'],
    ['city "villeurbanne"', 'villeurbanne'],
    ['phone fragment "06 12 34"', '06 12 34'],
    [
      `plate with spaces "${plate.replaceAll('-', ' ').toLowerCase()}"`,
      plate.replaceAll('-', ' ').toLowerCase(),
    ],
    [`plate glued "${plate.replaceAll('-', '')}"`, plate.replaceAll('-', '')],
    [`VIN "${garage.sampleVins[2]}"`, garage.sampleVins[2]!],
    [`quote number "${garage.sampleNumbers[4]}"`, garage.sampleNumbers[4]!],
    ['nothing matches "zzzyx"', 'zzzyx'],
  ];
  console.info(`Global search (GET /api/v1/search, 5 per kind), ${RUNS} runs each\n`);
  const all: number[] = [];
  for (const [label, q] of searches) {
    const times: number[] = [];
    let found = '';
    for (let i = 0; i < RUNS; i++) {
      const before = performance.now();
      const body = await expectStatus(200, client.api.search.$get({ query: { q } }));
      times.push(performance.now() - before);
      found = `${body.clients.length}/${body.vehicles.length}/${body.quotes.length}`;
    }
    all.push(...times);
    console.info(`${line(label, summarize(times))}  hits c/v/q ${found}`);
  }
  const overall = summarize(all);
  console.info(`\n${line('all searches', overall)}`);
  console.info(`  target: p95 < 50 ms — ${overall.p95 < 50 ? 'met' : 'NOT met'}\n`);

  const plan = async (label: string, query: ReturnType<typeof sql>) => {
    const result = (await server.deps.db.execute(sql`EXPLAIN ${query}`)) as unknown as {
      rows: Array<Record<string, string>>;
    };
    const lines = result.rows.map((row) => Object.values(row)[0]);
    const indexes = [
      ...new Set(
        [...lines.join(' ').matchAll(/(?:using|on) (\w+_(?:idx|key))/g)].map((match) => match[1]),
      ),
    ];
    const scans = lines.some((text) => /Seq Scan/.test(text ?? ''))
      ? 'Seq Scan present'
      : 'no Seq Scan';
    console.info(`  ${label.padEnd(26)} ${scans}; indexes: ${indexes.join(', ') || '—'}`);
  };
  const key = plate.replaceAll('-', '').toLowerCase();
  console.info('Plans (EXPLAIN):');
  // The statements the repos issue for a search.
  await plan(
    'clients by name',
    sql`SELECT * FROM clients WHERE archived_at IS NULL AND search_text LIKE '%lefevre%' AND search_text LIKE '%helene%' ORDER BY sort_name, id LIMIT 6`,
  );
  await plan(
    'vehicles by plate',
    sql.raw(
      `SELECT * FROM vehicles WHERE archived_at IS NULL AND (search_text LIKE '%${key}%' OR owner_search_text LIKE '%${key}%') ORDER BY plate_key, id LIMIT 6`,
    ),
  );
  await plan(
    'quotes by number',
    sql.raw(
      `SELECT * FROM quotes WHERE archived_at IS NULL AND (search_text LIKE '%${garage.sampleNumbers[4]!.toLowerCase()}%' OR party_search_text LIKE '%${garage.sampleNumbers[4]!.toLowerCase()}%') ORDER BY created_at DESC, id DESC LIMIT 6`,
    ),
  );
  await plan(
    'quotes by client name',
    sql`SELECT * FROM quotes WHERE archived_at IS NULL AND (search_text LIKE '%lefevre%' OR party_search_text LIKE '%lefevre%') ORDER BY created_at DESC, id DESC LIMIT 6`,
  );
  console.info('');
} finally {
  await server.close();
}
process.exit(0);
