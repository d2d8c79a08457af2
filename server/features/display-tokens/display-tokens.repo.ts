import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DisplayMode, DisplayToken } from '../../../domain/schemas/display-token';
import type { Executor } from '../../db/client';
import { displayTokens } from '../../db/schema';

type DisplayTokenRow = typeof displayTokens.$inferSelect;

export function toDisplayToken(row: DisplayTokenRow): DisplayToken {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function selectDisplayTokens(db: Executor): Promise<DisplayToken[]> {
  const rows = await db.select().from(displayTokens).orderBy(desc(displayTokens.createdAt));
  return rows.map(toDisplayToken);
}

export async function insertDisplayToken(
  db: Executor,
  values: {
    name: string;
    mode: DisplayMode;
    tokenHash: string;
    createdById: string;
    createdAt: Date;
  },
): Promise<DisplayToken> {
  const [row] = await db.insert(displayTokens).values(values).returning();
  return toDisplayToken(row!);
}

export async function findUsableDisplayToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ id: displayTokens.id, name: displayTokens.name, mode: displayTokens.mode })
    .from(displayTokens)
    .where(and(eq(displayTokens.tokenHash, tokenHash), isNull(displayTokens.revokedAt)))
    .limit(1);
  return row;
}

export async function markDisplayTokenUsed(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(displayTokens).set({ lastUsedAt: at }).where(eq(displayTokens.id, id));
}

/** Revokes the token (a trigger ends its sessions); undefined if it does not exist. */
export async function revokeDisplayToken(
  db: Executor,
  id: string,
  at: Date,
): Promise<DisplayToken | undefined> {
  const [row] = await db
    .update(displayTokens)
    .set({ revokedAt: at })
    .where(eq(displayTokens.id, id))
    .returning();
  return row && toDisplayToken(row);
}

/** A token's mode changed; undefined if it does not exist. */
export async function updateDisplayTokenMode(
  db: Executor,
  id: string,
  mode: DisplayMode,
): Promise<DisplayToken | undefined> {
  const [row] = await db
    .update(displayTokens)
    .set({ mode })
    .where(eq(displayTokens.id, id))
    .returning();
  return row && toDisplayToken(row);
}
