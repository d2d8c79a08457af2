import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Change, ChangeInput, Entity } from '../../../domain/schemas/change';
import type { Executor } from '../../db/client';
import { changes } from '../../db/schema';

type ChangeRow = typeof changes.$inferSelect;

export type { ChangeInput };

/**
 * Taken inside the writing transaction just before the change rows go in, and held until it
 * commits: change seqs then become visible in seq order, so a reader catching up with
 * `after=N` can never skip a row that commits later with a smaller seq
 * (docs/decisions/0003-change-log.md).
 */
const CHANGE_LOG_LOCK = 727_002;

/**
 * A stored row as the change it was recorded as. The row was written by `insertChanges` from a
 * typed `ChangeInput`, and `data` is jsonb, so the one cast from the database is here.
 */
export function toChange(row: ChangeRow): Change {
  return {
    seq: row.seq,
    entity: row.entity,
    action: row.action,
    id: row.entityId,
    data: row.data,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
    at: row.at.toISOString(),
  } as Change;
}

export async function insertChanges(
  tx: Executor,
  actor: { id: string; name: string } | null,
  inputs: ChangeInput[],
  at: Date,
): Promise<Change[]> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
  const rows = await tx
    .insert(changes)
    .values(
      inputs.map((input) => ({
        at,
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        entity: input.entity,
        entityId: input.id,
        action: input.action,
        data: input.data,
      })),
    )
    .returning({ seq: changes.seq });
  const by = actor ? { id: actor.id, name: actor.name } : null;
  // The inputs are typed; only the seq comes back from the database.
  return inputs.map((input, index) => ({
    ...input,
    seq: rows[index]!.seq,
    actor: by,
    at: at.toISOString(),
  }));
}

export async function selectChangesAfter(
  db: Executor,
  after: number,
  limit: number,
): Promise<Change[]> {
  const rows = await db
    .select()
    .from(changes)
    .where(gt(changes.seq, after))
    .orderBy(asc(changes.seq))
    .limit(limit);
  return rows.map(toChange);
}

export async function selectLastSeq(db: Executor): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${changes.seq}), 0)`.mapWith(Number) })
    .from(changes);
  return row?.seq ?? 0;
}

export async function selectLastChangeOf(
  db: Executor,
  entity: Entity,
  id: string,
): Promise<Change | undefined> {
  const [row] = await db
    .select()
    .from(changes)
    .where(and(eq(changes.entity, entity), eq(changes.entityId, id)))
    .orderBy(desc(changes.seq))
    .limit(1);
  return row ? toChange(row) : undefined;
}
