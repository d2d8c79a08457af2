/**
 * npm run bench:journal — the tamper-evident journal (decision 0018).
 *
 * 1. Appends: payments' entries appended one transaction at a time through the service (the
 *    journal's lock, the head read, the canonical form, SHA-256, Ed25519, the INSERT), one by
 *    one and 8 at a time, beside a bare INSERT of rows of the same size into a table of the same
 *    shape without triggers, this run, same connection(s).
 * 2. Verification: the journal filled to BENCH_JOURNAL_ENTRIES (default 1,000,000) chained and
 *    signed entries, then verified as GET /journal/verify does (every hash, one signature in a
 *    thousand); beside it the bare read of the same rows in the same pages, and each
 *    signature's cost when all are checked (`signatures=all`), measured on 5,000 of them.
 *
 * BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/test runs it on PostgreSQL (the target:
 * 1,000,000 verified in under 10 s there).
 */
import { sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { canonicalize } from '../domain/journal/canonical';
import { GENESIS_HASH, hashEntry, isSignatureValid } from '../domain/journal/chain';
import type { JournalContent } from '../domain/schemas/journal';
import { journalEntries } from '../server/db/schema';
import {
  appendJournalEntry,
  readJournal,
  verifyJournal,
} from '../server/features/journal/journal.service';
import { startBenchServer } from './bench-server';
import { line, summarize } from './stats';

const TOTAL = Number(process.env.BENCH_JOURNAL_ENTRIES ?? 1_000_000);
const APPENDS = 1_000;
const CONCURRENCY = 8;
const FILL_BATCH = 2_000;
const ID = '6f1c2b5e-0d4a-4c8e-9b7a-2f3e4d5c6b7a';

function paymentContent(index: number): JournalContent {
  return {
    kind: 'payment',
    paymentId: ID,
    method: index % 3 === 0 ? 'cash' : 'card',
    amountCents: 1_000 + (index % 50_000),
    receivedOn: '2026-12-01',
    reference: `CB ${index}`,
    clientId: ID,
    isB2c: true,
    allocations: [
      { invoiceId: ID, number: `FAC-2026-${String(index).padStart(5, '0')}`, amountCents: 1_000 },
    ],
    refundsPaymentId: null,
    tillSessionId: null,
  };
}

async function timeEach(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
) {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const start = performance.now();
        await work(index);
        durations.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { stats: summarize(durations), perSecond: count / seconds };
}

const server = await startBenchServer();
const { deps } = server;
const db = deps.db;
console.info(`bench:journal on ${server.engine}, ${TOTAL.toLocaleString('en')} entries to verify`);

try {
  await db.execute(
    sql`CREATE TABLE bench_bare_entries (LIKE journal_entries INCLUDING DEFAULTS INCLUDING INDEXES)`,
  );
  let bareSeq = 0;
  const bareRow = (index: number) => {
    const canonical = canonicalize({
      seq: ++bareSeq,
      recordedAt: new Date().toISOString(),
      day: '2026-12-01',
      actor: null,
      content: paymentContent(index),
    });
    return sql`INSERT INTO bench_bare_entries VALUES (${bareSeq}, 'payment', now(), '2026-12-01', ${canonical}, ${GENESIS_HASH}, ${GENESIS_HASH}, ${'x'.repeat(88)}, 'bench')`;
  };
  const actor = { id: ID, name: 'Bench' };

  for (const concurrency of [1, CONCURRENCY]) {
    const bare = await timeEach(APPENDS, concurrency, async (index) => {
      await db.transaction(async (tx) => {
        await tx.execute(bareRow(index));
      });
    });
    const journal = await timeEach(APPENDS, concurrency, async (index) => {
      await db.transaction(async (tx) => {
        await appendJournalEntry(tx, deps, actor, paymentContent(index));
      });
    });
    console.info(
      line(`bare INSERT ×${concurrency}`, bare.stats),
      `  ${bare.perSecond.toFixed(0)}/s`,
    );
    console.info(
      line(`journal append ×${concurrency}`, journal.stats),
      `  ${journal.perSecond.toFixed(0)}/s  (${(journal.stats.p50 / bare.stats.p50).toFixed(2)}× bare at p50)`,
    );
  }

  // Fill: the same chain the service writes, built here in batches (signing is the cost).
  const fillStart = performance.now();
  const [head] = await db
    .select({ seq: journalEntries.seq, hash: journalEntries.hash })
    .from(journalEntries)
    .orderBy(sql`${journalEntries.seq} desc`)
    .limit(1);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const recordedAt = new Date();
  const { privateKey, keyId } = deps.journalKey;
  while (seq < TOTAL) {
    const rows = [];
    for (let i = 0; i < FILL_BATCH && seq < TOTAL; i += 1) {
      seq += 1;
      const canonical = canonicalize({
        seq,
        recordedAt: recordedAt.toISOString(),
        day: '2026-12-01',
        actor,
        content: paymentContent(seq),
      });
      const hash = hashEntry(prevHash, canonical);
      rows.push({
        seq,
        kind: 'payment' as const,
        recordedAt,
        day: '2026-12-01',
        canonical,
        prevHash,
        hash,
        signature: sign(null, Buffer.from(hash, 'hex'), privateKey).toString('base64'),
        keyId,
      });
      prevHash = hash;
    }
    await db.insert(journalEntries).values(rows);
  }
  console.info(
    `filled to ${seq.toLocaleString('en')} entries in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
  );

  const readStart = performance.now();
  let read = 0;
  for await (const _entry of readJournal(db)) read += 1;
  const readSeconds = (performance.now() - readStart) / 1000;

  const verifyStart = performance.now();
  const report = await verifyJournal(deps, null);
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  if (!report.ok) throw new Error(`verification failed: ${JSON.stringify(report.problem)}`);

  const sample: Parameters<typeof isSignatureValid>[0][] = [];
  for await (const entry of readJournal(db, { toSeq: 5_000 })) sample.push(entry);
  const signatureStart = performance.now();
  for (const entry of sample) isSignatureValid(entry, deps.journalKey.keyring);
  const perSignatureUs = ((performance.now() - signatureStart) * 1000) / sample.length;

  console.info(
    `bare read of ${read.toLocaleString('en')} entries        ${readSeconds.toFixed(2)} s`,
  );
  console.info(
    `verify ${report.entryCount.toLocaleString('en')} entries (${report.signaturesChecked} signatures)  ${verifySeconds.toFixed(2)} s  (${(verifySeconds / readSeconds).toFixed(2)}× the bare read)`,
  );
  console.info(
    `every signature: ${perSignatureUs.toFixed(1)} µs each → ${((perSignatureUs * report.entryCount) / 1e6).toFixed(1)} s more for all of them`,
  );
} finally {
  await server.close();
}
