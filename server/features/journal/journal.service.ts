import { createHash, sign } from 'node:crypto';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { canonicalize } from '../../../domain/journal/canonical';
import {
  ChainVerifier,
  exportPublicKey,
  hashEntry,
  SIGNATURE_SAMPLE_EVERY,
} from '../../../domain/journal/chain';
import type {
  JournalContent,
  JournalEntry,
  JournalRecord,
  JournalVerification,
} from '../../../domain/schemas/journal';
import { ADMINS, requireRole } from '../../access';
import type { Executor, Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import {
  insertEntry,
  lockJournal,
  selectClosedThrough,
  selectEntriesAfter,
  selectHead,
  selectHighestReferencedSeq,
} from './journal.repo';

/*
 * The tamper-evident journal (docs/decisions/0018-journal.md). Every feature that issues,
 * takes or moves money appends here, in its own transaction: one entry per fact, its seq
 * gapless in commit order, its hash chained to the one before and signed.
 */

export { toJournalKey } from '../../journal-key';

export type Appended = { seq: number; day: string; recordedAt: Date };

/** The day closed last, or null; the payments feature checks a payment's date against it. */
export function getClosedThrough(db: Executor): Promise<string | null> {
  return selectClosedThrough(db);
}

export function refuseClosedDay(day: string, closedThrough: string | null): void {
  if (closedThrough !== null && day <= closedThrough) {
    throw new AppError(
      'period_closed',
      `La période est clôturée jusqu’au ${formatDay(closedThrough)} inclus.`,
      {
        closedThrough,
      },
    );
  }
}

function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/**
 * Appends `content` under the journal's lock (held until commit): refused with 409
 * `period_closed` once its day is closed, a closure's own entry aside.
 */
export async function appendJournalEntry(
  tx: Tx,
  deps: Pick<Deps, 'journalKey' | 'now'>,
  actor: { id: string; name: string } | null,
  content: JournalContent,
): Promise<Appended> {
  await lockJournal(tx);
  const recordedAt = deps.now();
  const day = todayInParis(recordedAt);
  if (content.kind !== 'closure') refuseClosedDay(day, await selectClosedThrough(tx));
  const head = await selectHead(tx);
  const seq = (head?.seq ?? 0) + 1;
  const record: JournalRecord = {
    seq,
    recordedAt: recordedAt.toISOString(),
    day,
    actor: actor ? { id: actor.id, name: actor.name } : null,
    content,
  };
  const canonical = canonicalize(record);
  const prevHash = head?.hash ?? '0'.repeat(64);
  const hash = hashEntry(prevHash, canonical);
  const { privateKey, keyId } = deps.journalKey;
  await insertEntry(tx, {
    seq,
    kind: content.kind,
    recordedAt,
    day,
    canonical,
    prevHash,
    hash,
    signature: sign(null, Buffer.from(hash, 'hex'), privateKey).toString('base64'),
    keyId,
  });
  return { seq, day, recordedAt };
}

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
