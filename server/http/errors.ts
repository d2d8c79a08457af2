import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, fromZodError } from '../../domain/errors';
import type { Logger } from '../logger';
import type { AppEnv } from './router';

/** Connection-level failures: the database is down or restarting, not the request's fault. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (/Connection terminated|connect ECONNREFUSED|PGlite is closed/i.test(cause.message)) {
      return true;
    }
  }
  return false;
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
  }
  if (isDatabaseUnavailable(error)) return new AppError('unavailable');
  return null;
}

export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const appError = toAppError(error);
    if (appError) {
      if (appError.code === 'unavailable') log.warn(`[${c.get('requestId')}] ${error.message}`);
      const headers: Record<string, string> = {};
      const retry = (appError.details as { retryAfterSeconds?: number } | undefined)
        ?.retryAfterSeconds;
      if (appError.code === 'rate_limited' && retry) headers['Retry-After'] = String(retry);
      return c.json(appError.toBody(), appError.status as ContentfulStatusCode, headers);
    }
    log.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} failed`, error);
    return c.json(new AppError('internal').toBody(), 500);
  };
}
