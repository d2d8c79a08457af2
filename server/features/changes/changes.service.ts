import { AppError } from '../../../domain/errors';
import { toFeedChange } from '../../../domain/feed';
import type { Change, Entity, FeedChange } from '../../../domain/schemas/change';
import { FEED_READERS, READERS, requireRole } from '../../access';
import type { Executor, Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
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

/** Catch-up for the counter's screens: every change with its record. */
export async function listChangesAfter(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  after: number,
  limit: number,
): Promise<{ items: Change[]; lastSeq: number; hasMore: boolean }> {
  requireRole(actor, READERS);
  const items = await selectChangesAfter(deps.db, after, limit);
  const lastSeq = await selectLastSeq(deps.db);
  const newest = items.at(-1)?.seq ?? after;
  return { items, lastSeq, hasMore: newest < lastSeq };
}

/** The activity feed and the wall: each change's label, never the record. */
export async function listFeedAfter(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  after: number,
  limit: number,
): Promise<{ items: FeedChange[]; lastSeq: number; hasMore: boolean }> {
  requireRole(actor, FEED_READERS);
  const page = await listChangesAfter(deps, { ...actor, role: 'staff' }, after, limit);
  return { ...page, items: page.items.map(toFeedChange) };
}

export function getLastSeq(deps: Pick<Deps, 'db'>): Promise<number> {
  return selectLastSeq(deps.db);
}

/**
 * 409 `stale_version`: the row as it is now and who changed it last, so the editor can merge
 * the user's edits into it (domain/merge) and say who did what.
 */
export async function staleVersionError(
  db: Executor,
  entity: Entity,
  id: string,
  current: unknown,
): Promise<AppError<'stale_version'>> {
  const last = await selectLastChangeOf(db, entity, id);
  return new AppError(
    'stale_version',
    last?.actor
      ? `${last.actor.name} a modifié cet élément entre-temps.`
      : "Quelqu'un a modifié cet élément entre-temps.",
    { current, changedBy: last?.actor ?? null, changedAt: last?.at ?? null },
  );
}
