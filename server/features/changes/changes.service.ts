import { AppError } from '../../../domain/errors';
import { type ChangeView, feedEntryFor, viewChange } from '../../../domain/feed';
import type { Change, Entity, FeedChange, SkippedChange } from '../../../domain/schemas/change';
import type { Role } from '../../../domain/schemas/staff';
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

type Cursor = { lastSeq: number; readTo: number; hasMore: boolean };

/**
 * A page of the log as `role` may see it, cut by `viewChange` as the socket cuts it. The page
 * reads every change after `after`, those the role may not see included, so `readTo` moves on
 * even through a page of them and a screen never stops short or asks again for the same page.
 */
async function readViewsAfter(
  deps: Pick<Deps, 'db'>,
  role: Role,
  after: number,
  limit: number,
): Promise<{ views: ChangeView[] } & Cursor> {
  const changes = await selectChangesAfter(deps.db, after, limit);
  // Read after the page: a change committed in between makes `hasMore` true, never lost.
  const lastSeq = await selectLastSeq(deps.db);
  const readTo = changes.at(-1)?.seq ?? after;
  return {
    views: changes.map((change) => viewChange(change, role)),
    lastSeq,
    readTo,
    hasMore: readTo < lastSeq,
  };
}

/** Catch-up for the counter's screens: every change with its record, where the role may read it. */
export async function listChangesAfter(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  after: number,
  limit: number,
): Promise<{ items: Change[]; skipped: SkippedChange[] } & Cursor> {
  requireRole(actor, READERS);
  const { views, ...cursor } = await readViewsAfter(deps, actor.role, after, limit);
  const items: Change[] = [];
  const skipped: SkippedChange[] = [];
  for (const view of views) {
    if (view.sight === 'record') items.push(view.change);
    // A reader of records is given no label (domain/access.ts); were it, it counts as skipped.
    else if (view.sight === 'label')
      skipped.push({ seq: view.entry.seq, entity: view.entry.entity });
    else skipped.push(view.skipped);
  }
  return { items, skipped, ...cursor };
}

/** The activity feed and the wall: each change's label, never the record. */
export async function listFeedAfter(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  after: number,
  limit: number,
): Promise<{ items: FeedChange[] } & Cursor> {
  requireRole(actor, FEED_READERS);
  const { views, ...cursor } = await readViewsAfter(deps, actor.role, after, limit);
  return { items: views.map(feedEntryFor).filter((entry) => entry !== null), ...cursor };
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
