import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, fromZodError } from '../../domain/errors';
import type { Logger } from '../logger';
import type { AppEnv } from './router';

/**
 * The database is down, restarting, unreachable or too slow: not the request's fault, so 503
 * `unavailable` with Retry-After (docs/decisions/0014-database-faults.md). SQLSTATE classes 08
 * (connection) and 53 (insufficient resources), and: 57014 statement timeout, 57P01–57P03
 * terminated or starting, 25P03 idle-in-transaction timeout.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '25P03',
]);

/**
 * What pg and PGlite say when the connection is gone or none could be had in time: `timeout
 * expired` is pg's own connect timeout (a new connection's, server/db/pool.ts), `timeout
 * exceeded when trying to connect` the pool's wait for a free one.
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|timeout expired|timeout exceeded when trying to connect|is not queryable|PGlite is clos(ed|ing)/i;

/** Seconds a client should wait before trying again: a restart or failover takes about that. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The innermost error that says the database is unavailable, if any. */
function findUnavailableCause(error: unknown): Error | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('53'))
    ) {
      return cause;
    }
    if (UNAVAILABLE_MESSAGE.test(cause.message)) return cause;
  }
  return null;
}

function hasUnreadBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  const hasBody = length === null ? request.headers.has('transfer-encoding') : length !== '0';
  return hasBody && !request.bodyUsed;
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZodError(error);
  if (error instanceof HTTPException && error.status < 500) {
    if (error.status === 400)
      return new AppError('validation_failed', 'Requête invalide : corps JSON illisible.');
    if (error.status === 401) return new AppError('unauthenticated');
    if (error.status === 403) return new AppError('forbidden');
    if (error.status === 404) return new AppError('not_found');
    if (error.status === 413) return new AppError('payload_too_large');
    if (error.status === 415) return new AppError('unsupported_media_type');
  }
  if (findUnavailableCause(error)) return new AppError('unavailable');
  return null;
}

export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const appError = toAppError(error);
    if (appError) {
      const headers: Record<string, string> = {};
      if (appError.code === 'unavailable') {
        // The cause's own words, never the failed statement's (its parameters may be secrets).
        const cause = findUnavailableCause(error);
        log.warn(`[${c.get('requestId')}] unavailable: ${cause?.message ?? error.message}`);
        headers['Retry-After'] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
      }
      const retry = (appError.details as { retryAfterSeconds?: number } | undefined)
        ?.retryAfterSeconds;
      if (appError.code === 'rate_limited' && retry) headers['Retry-After'] = String(retry);
      // Answered before the body was read (413, 401 at the door): the rest of it is still on
      // the connection, which cannot carry another request (RFC 9112 §9.6).
      if (appError.code === 'payload_too_large' || hasUnreadBody(c.req.raw)) {
        headers.Connection = 'close';
      }
      return c.json(appError.toBody(), appError.status as ContentfulStatusCode, headers);
    }
    log.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} failed`, error);
    return c.json(new AppError('internal').toBody(), 500);
  };
}
