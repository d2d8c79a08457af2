import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../domain/errors';
import type { DisplayMode, DisplayToken } from '../../../domain/schemas/display-token';
import { requireRole } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import {
  findUsableDisplayToken,
  insertDisplayToken,
  markDisplayTokenUsed,
  revokeDisplayToken,
  selectDisplayTokens,
  updateDisplayTokenMode,
} from './display-tokens.repo';

/** Only the SHA-256 of a token's secret is stored, so a leaked table gives no screen away. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function listDisplayTokens(deps: Deps, actor: Actor): Promise<DisplayToken[]> {
  requireRole(actor, ['admin']);
  return selectDisplayTokens(deps.db);
}

/** The secret is returned here, once; only its hash is stored. */
export async function createDisplayToken(
  deps: Deps,
  actor: Actor,
  input: { name: string; mode: DisplayMode },
): Promise<DisplayToken & { token: string }> {
  requireRole(actor, ['admin']);
  const token = randomBytes(24).toString('base64url');
  const created = await writeWithChanges(deps, actor, async (tx, record) => {
    const row = await insertDisplayToken(tx, {
      ...input,
      tokenHash: hashSecret(token),
      createdById: actor.id,
      createdAt: deps.now(),
    });
    record({ entity: 'display_token', action: 'created', id: row.id, data: row });
    return row;
  });
  return { ...created, token };
}

/**
 * What the wall shows (dashboard or workshop board). The wall reads its mode when it signs in
 * and from `/auth/me`: it takes a change on its next load.
 */
export async function setDisplayTokenMode(
  deps: Deps,
  actor: Actor,
  id: string,
  mode: DisplayMode,
): Promise<DisplayToken> {
  requireRole(actor, ['admin']);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const row = await updateDisplayTokenMode(tx, id, mode);
    if (!row) throw new AppError('not_found', 'Ce jeton d’écran est introuvable.');
    record({ entity: 'display_token', action: 'updated', id, data: row });
    return row;
  });
}

/**
 * Revoking ends the wall screen's session (a trigger deletes it: migration
 * session_owner_triggers) and drops its socket at once.
 */
export async function revokeDisplay(deps: Deps, actor: Actor, id: string): Promise<DisplayToken> {
  requireRole(actor, ['admin']);
  const revoked = await writeWithChanges(deps, actor, async (tx, record) => {
    const row = await revokeDisplayToken(tx, id, deps.now());
    if (!row) throw new AppError('not_found', 'Ce jeton d’écran est introuvable.');
    record({ entity: 'display_token', action: 'archived', id, data: row });
    return row;
  });
  deps.realtime.endSessions({ staffId: id });
  return revoked;
}

/**
 * For the auth feature's sign-in, which checks no actor: the token behind this secret if it is
 * not revoked, marked as used now.
 */
export async function redeemDisplayToken(
  db: Executor,
  secret: string,
  at: Date,
): Promise<{ id: string; name: string; mode: DisplayMode } | undefined> {
  const token = await findUsableDisplayToken(db, hashSecret(secret));
  if (token) await markDisplayTokenUsed(db, token.id, at);
  return token;
}
