import { randomBytes } from 'node:crypto';
import { AppError } from '../../../domain/errors';
import type { DisplayToken } from '../../../domain/schemas/display-token';
import type { Actor, Deps } from '../../deps';
import { requireRole } from '../auth/access';
import { hashToken } from '../auth/auth.service';
import { writeWithChanges } from '../changes/changes.service';
import { insertDisplayToken, revokeDisplayToken, selectDisplayTokens } from './display-tokens.repo';

export async function listDisplayTokens(deps: Deps, actor: Actor): Promise<DisplayToken[]> {
  requireRole(actor, ['admin']);
  return selectDisplayTokens(deps.db);
}

/** The secret is returned here, once; only its hash is stored. */
export async function createDisplayToken(
  deps: Deps,
  actor: Actor,
  name: string,
): Promise<DisplayToken & { token: string }> {
  requireRole(actor, ['admin']);
  const token = randomBytes(24).toString('base64url');
  const created = await writeWithChanges(deps, actor, async (tx, record) => {
    const row = await insertDisplayToken(tx, {
      name,
      tokenHash: hashToken(token),
      createdById: actor.id,
      createdAt: deps.now(),
    });
    record({ entity: 'display_token', action: 'created', id: row.id, data: row });
    return row;
  });
  return { ...created, token };
}

/** Revoking ends the wall screen's session and drops its socket at once. */
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
