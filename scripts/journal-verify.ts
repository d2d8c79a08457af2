/**
 * npm run journal:verify — checks the journal of the configured database (DATABASE_URL, or
 * DATA_DIR's embedded one; read only, nothing migrated), its chain and its signatures, with the
 * key the server signs with (JOURNAL_SIGNING_KEY or DATA_DIR's key file).
 * npm run journal:verify -- --archive <file.json> [--public-key <base64 SPKI>] — checks a
 * closed period's archive offline (its own public key unless one you trust is given).
 * Exit code: 0 intact, 1 tampered with, 2 could not check (docs/decisions/0018-journal.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ArchiveVerification, verifyArchive } from '../domain/journal/archive';
import type { JournalVerification } from '../domain/schemas/journal';
import { openDatabase } from '../server/db/client';
import { loadEnv } from '../server/env';
import { verifyJournal } from '../server/features/journal/journal.service';
import { JOURNAL_KEY_FILE, loadJournalKey } from '../server/journal-key';
import { createLogger } from '../server/logger';

const EXIT_OK = 0;
const EXIT_TAMPERED = 1;
const EXIT_ERROR = 2;

type Report = Pick<
  ArchiveVerification,
  'entryCount' | 'signaturesChecked' | 'lastSeq' | 'lastHash'
> & {
  problem: { seq: number | null; kind: string; message: string } | null;
};

function print(title: string, report: Report): number {
  const lines = [
    title,
    `  Écritures vérifiées / entries checked:       ${report.entryCount}`,
    `  Signatures vérifiées / signatures checked:   ${report.signaturesChecked}`,
    `  Dernière écriture / last seq:                ${report.lastSeq}`,
    `  Dernier hash / last hash:                    ${report.lastHash ?? '—'}`,
  ];
  if (report.problem) {
    const where = report.problem.seq === null ? '' : ` n° ${report.problem.seq}`;
    lines.push(
      `  ALTÉRÉ / TAMPERED: écriture${where} (${report.problem.kind}) — ${report.problem.message}`,
    );
  } else {
    lines.push('  OK : journal intègre / the journal is intact.');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return report.problem ? EXIT_TAMPERED : EXIT_OK;
}

function verifyArchiveFile(file: string, publicKey: string | undefined): number {
  const archive: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const report = verifyArchive(archive, publicKey);
  const key = publicKey ? 'clé fournie / given key' : 'clé de l’archive / the archive’s own key';
  return print(`Archive ${file} (${key})`, report);
}

async function verifyDatabase(): Promise<number> {
  const env = loadEnv();
  const log = createLogger('error');
  // A verifier never makes a key: without the server's, there is nothing to check against.
  if (!env.JOURNAL_SIGNING_KEY && !existsSync(join(env.DATA_DIR, JOURNAL_KEY_FILE))) {
    console.error(
      `Clé de signature introuvable / signing key not found: set JOURNAL_SIGNING_KEY or DATA_DIR (${env.DATA_DIR}/${JOURNAL_KEY_FILE}).`,
    );
    return EXIT_ERROR;
  }
  const journalKey = loadJournalKey(env, log);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    log,
  });
  try {
    const report: JournalVerification = await verifyJournal(
      { db: database.db, journalKey, now: () => new Date() },
      null,
    );
    const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite ${env.DATA_DIR}`;
    return print(`Journal (${where}, clé / key ${report.keyId})`, report);
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { archive: { type: 'string' }, 'public-key': { type: 'string' } },
  });
  return values.archive
    ? verifyArchiveFile(values.archive, values['public-key'])
    : verifyDatabase();
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(
    `Vérification impossible / could not verify: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = EXIT_ERROR;
}
