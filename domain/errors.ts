import type { ZodError } from 'zod';
import type { ErrorDetails } from './refusals';

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
  /** Saved with a version that is no longer the current one; details: `StaleVersionDetails`. */
  stale_version: 409,
  // The business refusals: each a rule of its own, its details declared in ./refusals.ts.
  quote_locked: 409,
  invalid_transition: 409,
  empty_quote: 409,
  validity_past: 409,
  compliance_missing: 409,
  not_yet_expired: 409,
  mileage_lower: 409,
  last_admin: 409,
  alert_resolved: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
/** The 409s that are a rule saying no, not a stale copy. */
export type RefusalCode = Exclude<
  { [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends 409 ? C : never }[ErrorCode],
  'stale_version'
>;

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: 'Certaines informations sont invalides.',
  unauthenticated: 'Veuillez vous connecter.',
  forbidden: "Vous n'avez pas les droits pour cette action.",
  not_found: 'Élément introuvable.',
  stale_version: "Quelqu'un a modifié cet élément entre-temps.",
  quote_locked: 'Ce devis n’est plus un brouillon : révisez-le pour le modifier.',
  invalid_transition: 'Ce changement de statut n’est pas possible.',
  empty_quote: 'Ajoutez au moins une ligne avant d’envoyer le devis.',
  validity_past: 'La date de validité est passée : changez-la avant d’envoyer.',
  compliance_missing: 'Des mentions obligatoires manquent.',
  not_yet_expired: 'Ce devis est encore valable.',
  mileage_lower: 'Ce relevé est inférieur au précédent.',
  last_admin: 'Il doit rester au moins un administrateur actif.',
  alert_resolved: 'Cette alerte est déjà résolue.',
  payload_too_large: 'La requête est trop volumineuse.',
  rate_limited: 'Trop de tentatives. Réessayez dans quelques minutes.',
  internal: 'Une erreur interne est survenue.',
  unavailable: 'Le service est momentanément indisponible.',
};

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
