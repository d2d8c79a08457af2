import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site. Browsers send Origin (and
 * Sec-Fetch-Site) on every POST/PATCH/DELETE; scripts and tests without them are let through,
 * since they cannot carry a victim's cookie anyway.
 */
export function originCheck(publicUrl: string | undefined): MiddlewareHandler {
  const publicHost = publicUrl ? new URL(publicUrl).host : null;
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      if (c.req.header('sec-fetch-site') === 'cross-site') {
        throw new AppError('forbidden', 'Requête refusée : origine non autorisée.');
      }
      const origin = c.req.header('origin');
      if (origin) {
        const host = c.req.header('host');
        let originHost: string | null = null;
        try {
          originHost = new URL(origin).host;
        } catch {
          originHost = null;
        }
        if (!originHost || (originHost !== host && originHost !== publicHost)) {
          throw new AppError('forbidden', 'Requête refusée : origine non autorisée.');
        }
      }
    }
    await next();
  };
}
