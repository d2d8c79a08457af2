import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `origin` (an Origin header) is exactly `expected`: scheme, host and port. */
export function isSameOrigin(origin: string, expected: string): boolean {
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/**
 * Refuses state-changing requests sent by another site. Browsers send Origin (and
 * Sec-Fetch-Site) on every POST/PATCH/DELETE; scripts and tests without them are let through,
 * since they cannot carry a victim's cookie anyway. The origin must be the public address when
 * one is set (behind a proxy the server cannot see the scheme the browser used), else the
 * server's own: the scheme counts, so a page on http:// cannot write to the https:// app.
 */
export function originCheck(publicUrl: string | undefined): MiddlewareHandler {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null;
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      if (c.req.header('sec-fetch-site') === 'cross-site') {
        throw new AppError('forbidden', 'Requête refusée : origine non autorisée.');
      }
      const origin = c.req.header('origin');
      if (
        origin !== undefined &&
        !isSameOrigin(origin, publicOrigin ?? new URL(c.req.url).origin)
      ) {
        throw new AppError('forbidden', 'Requête refusée : origine non autorisée.');
      }
    }
    await next();
  };
}
