import { sign } from 'node:crypto';
import { formatDateFr, todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { canonicalize } from '../../../domain/journal/canonical';
import { GENESIS_HASH, hashEntry } from '../../../domain/journal/chain';
import type { JournalContent, JournalRecord } from '../../../domain/schemas/journal';
import type { Executor, Tx } from '../../db/client';
import type { Deps } from '../../deps';
import { insertEntry, lockJournal, selectClosedThrough, selectHead } from './journal.repo';

/*
 * The one way into the journal (docs/decisions/0018-journal.md): an entry appended under the
 * journal's lock, chained and signed. Apart from the service so closures can append too
 * without the service and the closures importing each other.
 */

export type Appended = { seq: number; day: string; recordedAt: Date };

/** The day closed last, or null; the payments feature checks a payment's date against it. */
export function getClosedThrough(db: Executor): Promise<string | null> {
  return selectClosedThrough(db);
}

export function refuseClosedDay(day: string, closedThrough: string | null): void {
  if (closedThrough !== null && day <= closedThrough) {
    throw new AppError(
      'period_closed',
      `La période est clôturée jusqu’au ${formatDateFr(closedThrough)} inclus.`,
      {
        closedThrough,
      },
    );
  }
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
  const prevHash = head?.hash ?? GENESIS_HASH;
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
