import type { ZodError } from 'zod';
import { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorCode } from './error-codes';
import type { ErrorDetails } from './refusals';

/**
 * The one error type that crosses every boundary. The server throws it, the error handler turns
 * it into `{ error: { code, message, details? } }`, and the client rebuilds it from a response,
 * so the UI always shows `message` (French) and code branches on `code` (stable, English).
 */
export { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorCode, type RefusalCode } from './error-codes';

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};

/** The details a code carries: declared in ./refusals.ts for those that have some. */
type DetailsArgs<C extends ErrorCode> = C extends 'validation_failed'
  ? [details?: ErrorDetails[C]]
  : C extends keyof ErrorDetails
    ? [details: ErrorDetails[C]]
    : [details?: undefined];

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly details: unknown;

  constructor(code: C, message: string = DEFAULT_MESSAGES[code], ...[details]: DetailsArgs<C>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }

  /**
   * The error a response carried, on the client. Its details are not trusted here: the screens
   * read them through `readDetails`, which checks them against the code's schema.
   */
  static fromBody(code: string, message: string, details: unknown, status: number): AppError {
    const known: ErrorCode = isErrorCode(code)
      ? code
      : status >= 500
        ? 'internal'
        : 'validation_failed';
    return Object.assign(new AppError(known, message), { details });
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
