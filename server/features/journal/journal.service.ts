import { createHash } from 'node:crypto';
import {
  ChainVerifier,
  exportPublicKey,
  GENESIS_HASH,
  SIGNATURE_SAMPLE_EVERY,
} from '../../../domain/journal/chain';
import type { JournalEntry, JournalVerification } from '../../../domain/schemas/journal';
import { ADMINS, requireRole } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { selectEntriesAfter, selectHighestReferencedSeq } from './journal.repo';

/*
 * The tamper-evident journal (docs/decisions/0018-journal.md). Every feature that issues,
 * takes or moves money appends here, in its own transaction: one entry per fact, its seq
 * gapless in commit order, its hash chained to the one before and signed.
 */

export {
  type Appended,
  appendJournalEntry,
  getClosedThrough,
  refuseClosedDay,
} from './journal.append';
export {
  closePeriod,
  type DatedEntry,
  findClosure,
  listClosures,
  readClosureRange,
  readClosuresWithin,
  readEntriesOfDays,
} from './journal.closures';

/**
 * Entries in seq order, a page at a time: the verifier, the archive and the exports read them.
 * The next page is asked for before this one is handed out, so reading and checking overlap.
 */
export async function* readJournal(
  db: Executor,
  options: { afterSeq?: number; toSeq?: number; pageSize?: number } = {},
): AsyncGenerator<JournalEntry> {
  const pageSize = options.pageSize ?? 10_000;
  let page = selectEntriesAfter(db, options.afterSeq ?? 0, pageSize);
  for (;;) {
    const rows = await page;
    const last = rows.at(-1);
    const isLast = rows.length < pageSize || !last;
    if (!isLast) page = selectEntriesAfter(db, last.seq, pageSize);
    for (const row of rows) {
      if (options.toSeq !== undefined && row.seq > options.toSeq) return;
      yield row;
    }
    if (isLast) return;
  }
}

/**
 * Recomputes the whole chain and checks its signatures (one in SIGNATURE_SAMPLE_EVERY, each
 * closure's and the last; all with `allSignatures`); the first entry altered, removed or
 * inserted is named. The journal must also reach the highest seq an invoice, a payment, a cash movement
 * or a closure points at: a journal cut short is found so.
 */
export async function verifyJournal(
  deps: Pick<Deps, 'db' | 'journalKey' | 'now'>,
  actor: Actor | null,
  options: { allSignatures?: boolean } = {},
): Promise<JournalVerification> {
  if (actor) requireRole(actor, ADMINS);
  const verifier = new ChainVerifier(
    deps.journalKey.keyring,
    null,
    options.allSignatures ? 1 : SIGNATURE_SAMPLE_EVERY,
  );
  for await (const entry of readJournal(deps.db)) {
    if (!verifier.push(entry)) break;
  }
  const problem = verifier.finish(await selectHighestReferencedSeq(deps.db));
  return {
    ok: problem === null,
    entryCount: verifier.entryCount,
    lastSeq: verifier.lastSeq,
    lastHash: verifier.lastHash,
    signaturesChecked: verifier.signaturesChecked,
    keyId: deps.journalKey.keyId,
    problem,
    checkedAt: deps.now().toISOString(),
  };
}

/** The public key entries are checked against (settings shows it, archives carry it). */
export function describeJournalKey(deps: Pick<Deps, 'journalKey'>, actor: Actor) {
  requireRole(actor, ADMINS);
  const spki = exportPublicKey(deps.journalKey.publicKey);
  return {
    keyId: deps.journalKey.keyId,
    publicKey: spki,
    fingerprint: createHash('sha256').update(Buffer.from(spki, 'base64')).digest('hex'),
  };
}

/** The hash of entry `seq`, or the genesis before the first: where an archive's chain starts. */
export async function readEntryHash(db: Executor, seq: number): Promise<string> {
  if (seq < 1) return GENESIS_HASH;
  const [row] = await selectEntriesAfter(db, seq - 1, 1);
  if (!row || row.seq !== seq) throw new Error(`journal entry ${seq} is missing`);
  return row.hash;
}
