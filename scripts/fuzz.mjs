#!/usr/bin/env node
// `npm run fuzz -- --seed 42 --runs 20000`: the API fuzzer (server/api-fuzz.test.ts) with a seed
// and a count of its own, on PGlite and PostgreSQL. Without --seed, a new seed each run (printed,
// so a failure can be replayed); CI runs the fixed seed and count of the test file.
import { spawnSync } from 'node:child_process';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const seed = option('seed', String(Math.floor(Math.random() * 2 ** 31)));
const runs = option('runs', '10000');
if (!/^\d+$/.test(seed) || !/^\d+$/.test(runs)) {
  console.error('usage: npm run fuzz -- [--seed N] [--runs N]');
  process.exit(2);
}
console.info(`▶ fuzzing the API: seed ${seed}, ${runs} requests per engine`);
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'server', 'server/api-fuzz.test.ts'],
  { stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs } },
);
process.exit(result.status ?? 1);
