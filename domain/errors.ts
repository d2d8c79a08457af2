import type { ZodError } from 'zod';

/**
 * The one error type that crosses every boundary. The server throws it, the error handler turns
 * it into `{ error: { code, message, details? } }`, and the client rebuilds it from a response,
 * so the UI always shows `message` (French) and code branches on `code` (stable, English).
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: 'Certaines informations sont invalides.',
  unauthenticated: 'Veuillez vous connecter.',
  forbidden: "Vous n'avez pas les droits pour cette action.",
  not_found: 'Élément introuvable.',
  conflict: "Quelqu'un a modifié cet élément entre-temps.",
  rate_limited: 'Trop de tentatives. Réessayez dans quelques minutes.',
  internal: 'Une erreur interne est survenue.',
  unavailable: 'Le service est momentanément indisponible.',
};

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code], details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_STATUS;
}

/** A zod failure as `400 validation_failed`, the issues (path, code, message) as details. */
export function fromZodError(error: ZodError): AppError {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String),
    code: issue.code,
    message: issue.message,
  }));
  const first = details[0];
  const message = first
    ? `${first.path.length ? `${first.path.join('.')} : ` : ''}${first.message}`
    : 'Requête invalide.';
  return new AppError('validation_failed', message, details);
}
