import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../deps';
import type { AppEnv } from './router';

export const SESSION_COOKIE = 'gp_session';

/**
 * Resolves the session cookie to an actor (or null) for every API request. `authenticate` is the
 * auth feature's, handed in by the app: the HTTP layer sits below the features.
 */
export function sessionMiddleware(
  authenticate: (token: string) => Promise<Actor | null>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('actor', token ? await authenticate(token) : null);
    await next();
  };
}

/** `maxAgeSeconds`: the session's absolute lifetime, which the server enforces as well. */
export function setSessionCookie(
  c: Context,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The session token from a raw Cookie header (the Socket.IO handshake has no Hono context). */
export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}
