import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import { pickChanged } from '../../domain/merge/deep-equal';

/** Field errors keyed by dotted path (`lastName`, `address.postalCode`, `phones.1`). */
export type FieldErrors = Record<string, string>;

type Issue = { path: readonly PropertyKey[]; message: string };

/** The first message for each path. */
export function toFieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** A copy of `input` with the value at `path` blanked (a faulty array item empties its array). */
function blank(input: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0 || input === null || typeof input !== 'object') return input;
  const [head, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  if (Array.isArray(input))
    return rest.length === 0
      ? []
      : input.map((item, index) => (index === head ? blank(item, rest) : item));
  const record = input as Record<PropertyKey, unknown>;
  if (rest.length === 0) return { ...record, [head]: null };
  const child = record[head];
  if (Array.isArray(child) && rest.length === 1) return { ...record, [head]: [] };
  return { ...record, [head]: blank(child, rest) };
}

const MAX_PASSES = 3;

/**
 * Validates with a shared domain schema and reports every field error at once. zod runs an
 * object's cross-field checks (e.g. "Le nom est obligatoire" for a person) only once its fields
 * parse, so a form with a bad e-mail would hide the missing name until the e-mail is fixed; a
 * further pass with the faulty fields blanked brings those checks out too. Nothing here is a
 * rule of its own: every message comes from the schema the server validates with.
 */
export function validateAll<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { success: true; data: z.output<S> } | { success: false; errors: FieldErrors } {
  const first = schema.safeParse(input);
  if (first.success) return { success: true, data: first.data };
  const errors = toFieldErrors(first.error.issues);
  let probe = input;
  let issues: readonly Issue[] = first.error.issues;
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    for (const issue of issues) probe = blank(probe, issue.path);
    const next = schema.safeParse(probe);
    if (next.success) break;
    const fresh = next.error.issues.filter(
      (issue) => !(issue.path.map(String).join('.') in errors),
    );
    if (fresh.length === 0) break;
    Object.assign(errors, toFieldErrors(fresh));
    issues = next.error.issues;
  }
  return { success: false, errors };
}

type Checked<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/**
 * A form's PATCH: the top-level fields whose checked value differs from the version the form
 * started from. Throws the field errors as `validation_failed` when the form does not check (a
 * merged form is saved again without going through the form's own check). A base that no longer
 * checks (an older rule) sends every field, checked anew.
 */
export function toCheckedPatch<V, T extends object>(
  parse: (values: V) => Checked<T>,
  base: V,
  values: V,
): Partial<T> {
  const mine = parse(values);
  if (!mine.success) {
    const details = Object.entries(mine.errors).map(([path, message]) => ({
      path: path.split('.'),
      code: 'custom',
      message,
    }));
    throw new AppError('validation_failed', undefined, details);
  }
  const from = parse(base);
  return from.success ? pickChanged(from.data, mine.data) : mine.data;
}
