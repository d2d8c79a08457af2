import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { AppError } from '../../domain/errors';
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

/**
 * 401 from the headers alone: an anonymous request to a route that needs a session is refused
 * before its body is read or validated (decision 0015). `publicRoutes` are `METHOD /path` of
 * the routes that take anonymous requests (signing in); a path that matches no route under
 * `prefix` falls through to the 404.
 */
export function requireSession(
  prefix: string,
  publicRoutes: ReadonlySet<string>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('actor')) {
      const routes = matchedRoutes(c).filter(
        (route) => route.method !== 'ALL' && route.path.startsWith(prefix),
      );
      const isPublic = routes.some((route) => publicRoutes.has(`${route.method} ${route.path}`));
      if (routes.length > 0 && !isPublic) throw new AppError('unauthenticated');
    }
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
