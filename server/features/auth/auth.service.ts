import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type {
  LoginSchema,
  PasswordChangeSchema,
  SessionUser,
  SetupSchema,
} from '../../../domain/schemas/staff';
import { requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { redeemDisplayToken } from '../display-tokens/display-tokens.service';
import {
  changeOwnPassword,
  createStaffMember,
  endEverySession,
  findActiveMemberByCredentials,
  hasAdmin,
  lockSessionGeneration,
  recordLogin,
} from '../staff/staff.service';
import {
  deleteExpiredSessions,
  deleteSession,
  insertSession,
  selectLiveSession,
  updateSessionSeen,
} from './auth.repo';
import {
  displayAttempt,
  loginAttempt,
  purgeStaleAttempts,
  releaseAttempt,
  reserveAttempt,
} from './login-throttle';

const DAY_MS = 24 * 3600 * 1000;
/** Sessions end after 30 days without use; wall screens and counter PCs stay signed in. */
const SESSION_IDLE_MS = 30 * DAY_MS;
/**
 * And 90 days after sign-in however busy (a stolen cookie does not live for ever): the browser
 * keeps the cookie that long (docs/decisions/0013-login-limits-and-sessions.md).
 */
export const SESSION_ABSOLUTE_MS = 90 * DAY_MS;
/** Refreshing `last_seen_at` on every request would turn reads into writes. */
const SESSION_TOUCH_MS = 10 * 60 * 1000;

export type AuthState = {
  /** Printed at first start when no admin exists and none is configured; single use. */
  setupToken: string | null;
};

export function createAuthState(): AuthState {
  return { setupToken: null };
}

export type RequestMeta = { ip: string | null; userAgent: string | null };
export type SignedIn = { user: SessionUser; token: string };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toSessionUser(row: {
  id: string;
  email: string;
  name: string;
  role: SessionUser['role'];
}) {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * A staff member at the generation their credentials were read at ('current' for the account
 * the setup link just created), or a wall screen.
 */
type SessionOwner =
  | { staffId: string; generation: number | 'current' }
  | { displayTokenId: string };

function expiresAt(createdAt: Date, seenAt: Date): Date {
  return new Date(
    Math.min(seenAt.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS),
  );
}

/**
 * A new session, or null when its staff owner was deactivated or changed generation since their
 * credentials were read: the login lost a race with a revocation and gets nothing.
 */
async function openSession(
  deps: Deps,
  owner: SessionOwner,
  meta: RequestMeta,
): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const session = {
    id: hashToken(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiresAt(now, now),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
  };
  if (!('staffId' in owner)) {
    await insertSession(deps.db, { ...session, displayTokenId: owner.displayTokenId });
    return token;
  }
  const isOpened = await deps.db.transaction(async (tx) => {
    const generation = await lockSessionGeneration(tx, owner.staffId);
    if (generation === undefined) return false;
    if (owner.generation !== 'current' && owner.generation !== generation) return false;
    await insertSession(tx, { ...session, staffId: owner.staffId, generation });
    return true;
  });
  if (!isOpened) return null;
  await recordLogin(deps.db, owner.staffId, now);
  return token;
}

const WRONG_CREDENTIALS = 'E-mail ou mot de passe incorrect.';

export async function login(
  deps: Deps,
  input: z.output<typeof LoginSchema>,
  meta: RequestMeta,
): Promise<SignedIn> {
  // Counted before the ~50 ms hash: parallel guesses queue on the counters instead of racing it.
  const attempt = loginAttempt(input.email, meta.ip);
  await reserveAttempt(deps, attempt);
  const member = await findActiveMemberByCredentials(deps.db, input.email, input.password);
  if (!member) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  await releaseAttempt(deps, attempt, member.id);
  const token = await openSession(
    deps,
    { staffId: member.id, generation: member.generation },
    meta,
  );
  if (!token) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  return { user: toSessionUser(member), token };
}

/**
 * The actor behind a session cookie, or null when it is unknown, expired, deactivated or of an
 * older credential generation. Checked on every request and socket handshake.
 */
export async function authenticate(deps: Deps, token: string): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const now = deps.now();
  const row = await selectLiveSession(deps.db, hashToken(token), now);
  if (!row || (!row.staff && !row.displayToken)) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await updateSessionSeen(deps.db, row.session.id, now, expiresAt(row.session.createdAt, now));
  }
  if (row.displayToken) {
    const { id, name, mode } = row.displayToken;
    return { id, email: '', name, role: 'display', sessionId: row.session.id, displayMode: mode };
  }
  return { ...toSessionUser(row.staff!), sessionId: row.session.id };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await deleteSession(deps.db, actor.sessionId);
  deps.realtime.endSessions({ sessionId: actor.sessionId });
}

/**
 * "Log out everywhere": every session of the account ends, this one included, with their
 * sockets; a login racing it gets nothing either (the generation moved).
 */
export async function logoutEverywhere(deps: Deps, actor: Actor): Promise<void> {
  requireRole(actor, WRITERS);
  await endEverySession(deps.db, actor.id);
  deps.realtime.endSessions({ staffId: actor.id });
}

/**
 * "Changer mon mot de passe": the current one first (counted like a login: a stolen session
 * must not become a guessing oracle), then every session of the account ends and this browser
 * gets a new one, so the user stays signed in here only.
 */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof PasswordChangeSchema>,
  meta: RequestMeta,
): Promise<SignedIn> {
  requireRole(actor, WRITERS);
  const attempt = loginAttempt(actor.email, meta.ip);
  await reserveAttempt(deps, attempt);
  const generation = await changeOwnPassword(
    deps.db,
    actor.id,
    input.currentPassword,
    input.newPassword,
  );
  if (generation === undefined) {
    const message = 'Le mot de passe actuel est incorrect.';
    throw new AppError('validation_failed', message, [
      { path: ['currentPassword'], code: 'custom', message },
    ]);
  }
  await releaseAttempt(deps, attempt, actor.id);
  deps.realtime.endSessions({ staffId: actor.id });
  const token = await openSession(deps, { staffId: actor.id, generation }, meta);
  // Deactivated or reset by an admin meanwhile: nothing to stay signed in to.
  if (!token) throw new AppError('unauthenticated');
  const { sessionId: _, ...user } = actor;
  return { user, token };
}

/** Expired sessions and spent sign-in counters (the nightly `auth-purge` job). */
export async function purgeExpiredSessions(deps: Deps): Promise<void> {
  await deleteExpiredSessions(deps.db, deps.now());
  await purgeStaleAttempts(deps);
}

/**
 * First start: the admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, or else a one-time setup
 * token is issued for the link the server prints. Returns that token, if any.
 */
export async function bootstrapAdmin(deps: Deps, state: AuthState): Promise<string | null> {
  if (await hasAdmin(deps.db)) return null;
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = deps.env;
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    await createStaffMember(deps, null, {
      email: ADMIN_EMAIL.toLowerCase(),
      name: 'Administrateur',
      role: 'admin',
      password: ADMIN_PASSWORD,
    });
    return null;
  }
  state.setupToken = randomBytes(24).toString('base64url');
  return state.setupToken;
}

export async function completeSetup(
  deps: Deps,
  state: AuthState,
  input: z.output<typeof SetupSchema>,
  meta: RequestMeta,
): Promise<SignedIn> {
  const expected = state.setupToken;
  const given = Buffer.from(input.token);
  if (
    !expected ||
    given.length !== expected.length ||
    !timingSafeEqual(given, Buffer.from(expected))
  ) {
    throw new AppError('forbidden', 'Ce lien de configuration est invalide ou a déjà servi.');
  }
  if (await hasAdmin(deps.db)) {
    state.setupToken = null;
    throw new AppError('forbidden', 'Un administrateur existe déjà.');
  }
  state.setupToken = null;
  const admin = await createStaffMember(deps, null, { ...input, role: 'admin' });
  const token = await openSession(deps, { staffId: admin.id, generation: 'current' }, meta);
  if (!token) throw new AppError('unauthenticated');
  return { user: toSessionUser(admin), token };
}

/** A wall screen signs in with its display token: a read-only `display` session. */
export async function signInDisplay(
  deps: Deps,
  secret: string,
  meta: RequestMeta,
): Promise<SignedIn> {
  const attempt = displayAttempt(meta.ip);
  await reserveAttempt(deps, attempt);
  const token = await redeemDisplayToken(deps.db, secret, deps.now());
  if (!token) {
    throw new AppError('unauthenticated', 'Ce jeton d’écran est invalide ou a été révoqué.');
  }
  await releaseAttempt(deps, attempt, null);
  const sessionToken = await openSession(deps, { displayTokenId: token.id }, meta);
  if (!sessionToken) throw new Error('a display session is always opened');
  return {
    user: { id: token.id, email: '', name: token.name, role: 'display', displayMode: token.mode },
    token: sessionToken,
  };
}
