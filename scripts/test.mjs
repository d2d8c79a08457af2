#!/usr/bin/env node
// `npm test`: makes sure of what the suite needs (Chromium, PostgreSQL running), then runs
// lint + format, the type check, and every vitest project (domain, server, e2e).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PG_HOST = '127.0.0.1';
const PG_PORT = 5432;

function fail(message) {
  console.error(`\n✗ npm test: ${message}\n`);
  process.exit(1);
}

function run(label, command, args) {
  console.info(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) fail(`${label} failed.`);
}

function canRun(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function isPortOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function ensureChromium() {
  if (existsSync(CHROMIUM) && canRun('pdftoppm')) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && canRun('apt-get')) {
    console.info('▶ installing Chromium and poppler-utils from Debian (apt-get)…');
    const result = spawnSync(
      'sh',
      [
        '-c',
        'apt-get install -y chromium poppler-utils || (apt-get update && apt-get install -y chromium poppler-utils)',
      ],
      { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
    );
    if (result.status === 0 && existsSync(CHROMIUM)) return;
  }
  fail(
    `Chromium is missing (${CHROMIUM}) or poppler-utils (pdftoppm). Install them with ` +
      '"apt-get install -y chromium poppler-utils", or set CHROMIUM_PATH.',
  );
}

async function ensurePostgres() {
  if (await isPortOpen(PG_HOST, PG_PORT)) return;
  if (canRun('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql')[0];
    console.info(`▶ starting PostgreSQL ${version}…`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
      stdio: 'inherit',
    });
    for (let attempt = 0; attempt < 30 && !(await isPortOpen(PG_HOST, PG_PORT)); attempt++) {
      execFileSync('sleep', ['1']);
    }
    if (await isPortOpen(PG_HOST, PG_PORT)) return;
  }
  fail(
    `PostgreSQL is not running on ${PG_HOST}:${PG_PORT}. Start it with ` +
      '"pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start" ' +
      '(trust auth, database "test"), or set TEST_POSTGRES_URL.',
  );
}

if (!process.env.TEST_POSTGRES_URL) await ensurePostgres();
await ensureChromium();
run('lint and format (biome)', 'npx', ['biome', 'check', '.']);
run('types (tsc --noEmit, strict)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('tests (vitest: domain, server, e2e)', 'npx', ['vitest', 'run', ...process.argv.slice(2)]);
console.info('\n✓ all checks passed');
