import { AppError } from '../../../domain/errors';
import { toFeedChange } from '../../../domain/feed';
import type { Change, Entity } from '../../../domain/schemas/change';
import type { Executor, Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { FEED_READERS, requireRole } from '../auth/access';
import {
  type ChangeInput,
  insertChanges,
  selectChangesAfter,
  selectLastChangeOf,
  selectLastSeq,
} from './changes.repo';

export type RecordChange = (change: ChangeInput) => void;

/**
 * The one way to write: `work` runs in a transaction and records what it changed; the change
 * rows are appended in the same transaction, and broadcast only once it has committed.
 */
export async function writeWithChanges<T>(
  deps: Pick<Deps, 'db' | 'realtime' | 'now'>,
  actor: { id: string; name: string } | null,
  work: (tx: Tx, record: RecordChange) => Promise<T>,
): Promise<T> {
  const { result, committed } = await deps.db.transaction(async (tx) => {
    const pending: ChangeInput[] = [];
    const result = await work(tx, (change) => pending.push(change));
    const committed = pending.length > 0 ? await insertChanges(tx, actor, pending, deps.now()) : [];
    return { result, committed };
  });
  if (committed.length > 0) deps.realtime.publish(committed);
  return result;
}

/** Catch-up and the activity feed; a wall screen gets each change's label, not the record. */
export async function listChangesAfter(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  after: number,
  limit: number,
): Promise<{ items: Change[]; lastSeq: number; hasMore: boolean }> {
  requireRole(actor, FEED_READERS);
  const [changes, lastSeq] = await Promise.all([
    selectChangesAfter(deps.db, after, limit),
    selectLastSeq(deps.db),
  ]);
  const items = actor.role === 'display' ? changes.map(toFeedChange) : changes;
  const newest = items.at(-1)?.seq ?? after;
  return { items, lastSeq, hasMore: newest < lastSeq };
}

export function getLastSeq(deps: Pick<Deps, 'db'>): Promise<number> {
  return selectLastSeq(deps.db);
}

/** 409 with the row as it is now and who changed it last, so the UI can show and reapply. */
export async function conflictError(
  db: Executor,
  entity: Entity,
  current: { id: string },
): Promise<AppError> {
  const last = await selectLastChangeOf(db, entity, current.id);
  return new AppError(
    'conflict',
    last?.actor
      ? `${last.actor.name} a modifié cet élément entre-temps.`
      : "Quelqu'un a modifié cet élément entre-temps.",
    { current, changedBy: last?.actor ?? null, changedAt: last?.at ?? null },
  );
}
