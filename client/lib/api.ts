import { type ClientResponse, DetailedError, hc, parseResponse } from 'hono/client';
import { AppError, DEFAULT_MESSAGES } from '../../domain/errors';
import { ErrorIssueSchema } from '../../domain/refusals';
import { ErrorBodySchema } from '../../domain/schemas/common';
import type { AppType } from '../../server/app';

/** Raised when the server cannot be reached at all (network down, server restarting). */
const NETWORK_MESSAGE = 'Le serveur ne répond pas. Vérifiez la connexion et réessayez.';

/** Paths whose 401 is an answer, not a lost session (the session checks it itself). */
const AUTH_PATHS = ['/auth/me', '/auth/login', '/auth/setup', '/auth/logout', '/auth/display'];
const unauthenticatedListeners = new Set<() => void>();

/**
 * Called when any other request comes back 401: the session expired or was ended elsewhere
 * (account deactivated, logout on another tab), so the session context can send the user to the
 * login page instead of leaving a screen of errors.
 */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * The server's routes, typed from their own declarations (`AppType`): a renamed field or route
 * breaks the build, not the screen. Always used through `call`.
 */
export const api = hc<AppType>('/', { init: { credentials: 'same-origin' } }).api.v1;

function toAppError(error: unknown, response: { status: number; url: string }): AppError {
  const body =
    error instanceof DetailedError ? ErrorBodySchema.safeParse(error.detail?.data) : null;
  const status = response.status;
  if (!body?.success) {
    // Not our server's answer: a proxy in between, or the server restarting.
    if ([502, 503, 504].includes(status)) return new AppError('unavailable', NETWORK_MESSAGE);
    if (status === 413) return new AppError('payload_too_large');
    return new AppError(status >= 500 ? 'internal' : 'validation_failed');
  }
  const { code, message, details } = body.data.error;
  if (code === 'unauthenticated' && !AUTH_PATHS.some((path) => response.url.endsWith(path))) {
    for (const listener of unauthenticatedListeners) listener();
  }
  return AppError.fromBody(code, message, details, status);
}

/**
 * The one way the client talks to the API: awaits a typed request and returns its success body,
 * typed by the route; any other answer becomes an AppError whose `message` is French and meant
 * for the user, and whose `code` (and checked details, `readDetails`) the screens branch on.
 */
export async function call<R extends ClientResponse<unknown>>(request: Promise<R>) {
  let response: R;
  try {
    response = await request;
  } catch {
    throw new AppError('unavailable', NETWORK_MESSAGE);
  }
  try {
    return await parseResponse(response);
  } catch (error) {
    throw toAppError(error, response);
  }
}

/**
 * The same, for a file the browser saves (an export): the response itself once OK, its body
 * still unread (so its progress can be shown); any other answer becomes the same AppError.
 */
export async function callForFile<R extends ClientResponse<unknown>>(request: Promise<R>) {
  let response: R;
  try {
    response = await request;
  } catch {
    throw new AppError('unavailable', NETWORK_MESSAGE);
  }
  if (response.ok) return response;
  try {
    await parseResponse(response);
  } catch (error) {
    throw toAppError(error, response);
  }
  // parseResponse throws on every non-OK answer; kept for the compiler.
  throw new AppError('internal');
}

/** Field errors by dotted path, from a `validation_failed` AppError. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof AppError) || error.code !== 'validation_failed') return {};
  const issues = ErrorIssueSchema.array().safeParse(error.details);
  const errors: Record<string, string> = {};
  for (const issue of issues.success ? issues.data : []) {
    const key = issue.path.join('.');
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}

export function errorMessage(error: unknown): string {
  return error instanceof AppError ? error.message : DEFAULT_MESSAGES.internal;
}
