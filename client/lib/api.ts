import { AppError, DEFAULT_MESSAGES, type ErrorCode, isErrorCode } from '../../domain/errors';

/** Raised when the server cannot be reached at all (network down, server restarting). */
const NETWORK_MESSAGE = 'Le serveur ne répond pas. Vérifiez la connexion et réessayez.';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Paths whose 401 is an answer, not a lost session (the session checks it itself). */
const AUTH_PATHS = ['/auth/me', '/auth/login', '/auth/setup', '/auth/logout'];
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
 * The one way the client talks to the API: JSON in and out, the session cookie, and every
 * non-OK response turned into an AppError whose `message` is French and meant for the user.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new AppError('unavailable', NETWORK_MESSAGE);
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error as
      | { code?: unknown; message?: unknown; details?: unknown }
      | undefined;
    const code: ErrorCode = isErrorCode(error?.code)
      ? error.code
      : response.status >= 500
        ? 'internal'
        : 'validation_failed';
    const message = typeof error?.message === 'string' ? error.message : DEFAULT_MESSAGES[code];
    if (code === 'unauthenticated' && !AUTH_PATHS.includes(path)) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw new AppError(code, message, error?.details);
  }
  return payload as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** `{ q: 'x', cursor: undefined }` → `?q=x`. */
export function toQuery(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Field errors by dotted path, from a validation_failed AppError or a zod error. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (
    !(error instanceof AppError) ||
    error.code !== 'validation_failed' ||
    !Array.isArray(error.details)
  ) {
    return {};
  }
  const errors: Record<string, string> = {};
  for (const issue of error.details as Array<{ path?: unknown[]; message?: string }>) {
    const key = (issue.path ?? []).join('.');
    if (key && issue.message && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}

export function errorMessage(error: unknown): string {
  return error instanceof AppError ? error.message : DEFAULT_MESSAGES.internal;
}
