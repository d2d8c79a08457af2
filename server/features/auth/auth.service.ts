import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type { LoginSchema, SessionUser, SetupSchema } from '../../../domain/schemas/staff';
import type { Actor, Deps } from '../../deps';
import { redeemDisplayToken } from '../display-tokens/display-tokens.service';
import {
  createStaffMember,
  findActiveMemberByCredentials,
  hasAdmin,
  recordLogin,
} from '../staff/staff.service';
import {
  deleteExpiredSessions,
  deleteSession,
  insertSession,
  selectLiveSession,
  updateSessionSeen,
} from './auth.repo';
import { createLoginLimiter, type LoginLimiter } from './rate-limit';

/** Sessions end after 30 days without use; wall screens and counter PCs stay signed in. */
const SESSION_IDLE_MS = 30 * 24 * 3600 * 1000;
/** Refreshing `last_seen_at` on every request would turn reads into writes. */
const SESSION_TOUCH_MS = 10 * 60 * 1000;

export type AuthState = {
  limiter: LoginLimiter;
  /** Printed at first start when no admin exists and none is configured; single use. */
  setupToken: string | null;
};

export function createAuthState(): AuthState {
  return {
    limiter: createLoginLimiter({
      windowMs: 15 * 60 * 1000,
      limits: (key) => (key.startsWith('ip:') ? 30 : 5),
    }),
    setupToken: null,
  };
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

type SessionOwner = { staffId: string } | { displayTokenId: string };

async function openSession(deps: Deps, owner: SessionOwner, meta: RequestMeta): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  await insertSession(deps.db, {
    id: hashToken(token),
    ...owner,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
  });
  if ('staffId' in owner) await recordLogin(deps.db, owner.staffId, now);
  return token;
}

export async function login(
  deps: Deps,
  state: AuthState,
  input: z.output<typeof LoginSchema>,
  meta: RequestMeta,
): Promise<SignedIn> {
  const keys = [`email:${input.email}`, `ip:${meta.ip ?? 'unknown'}`];
  const now = deps.now().getTime();
  const wait = state.limiter.retryAfter(keys, now);
  if (wait > 0) {
    throw new AppError(
      'rate_limited',
      `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(wait / 60)} min.`,
      { retryAfterSeconds: wait },
    );
  }
  const member = await findActiveMemberByCredentials(deps.db, input.email, input.password);
  if (!member) {
    state.limiter.recordFailure(keys, now);
    throw new AppError('unauthenticated', 'E-mail ou mot de passe incorrect.');
  }
  state.limiter.reset(keys[0]!);
  const token = await openSession(deps, { staffId: member.id }, meta);
  return { user: member, token };
}

/** The actor behind a session cookie, or null when it is unknown, expired or deactivated. */
export async function authenticate(deps: Deps, token: string): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const now = deps.now();
  const row = await selectLiveSession(deps.db, hashToken(token), now);
  if (!row || (!row.staff && !row.displayToken)) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await updateSessionSeen(
      deps.db,
      row.session.id,
      now,
      new Date(now.getTime() + SESSION_IDLE_MS),
    );
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

export async function purgeExpiredSessions(deps: Deps): Promise<void> {
  await deleteExpiredSessions(deps.db, deps.now());
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
  const token = await openSession(deps, { staffId: admin.id }, meta);
  return { user: toSessionUser(admin), token };
}

/** A wall screen signs in with its display token: a read-only `display` session. */
export async function signInDisplay(
  deps: Deps,
  state: AuthState,
  secret: string,
  meta: RequestMeta,
): Promise<SignedIn> {
  const keys = [`ip:${meta.ip ?? 'unknown'}`];
  const now = deps.now();
  const wait = state.limiter.retryAfter(keys, now.getTime());
  if (wait > 0) {
    throw new AppError('rate_limited', 'Trop de tentatives. Réessayez plus tard.', {
      retryAfterSeconds: wait,
    });
  }
  const token = await redeemDisplayToken(deps.db, secret, now);
  if (!token) {
    state.limiter.recordFailure(keys, now.getTime());
    throw new AppError('unauthenticated', 'Ce jeton d’écran est invalide ou a été révoqué.');
  }
  const sessionToken = await openSession(deps, { displayTokenId: token.id }, meta);
  return {
    user: { id: token.id, email: '', name: token.name, role: 'display', displayMode: token.mode },
    token: sessionToken,
  };
}
