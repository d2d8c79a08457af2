import { isIsoDate } from '../dates';
import { ALERT_KINDS, type AlertKind, SUBJECT_TYPES, type SubjectType } from '../schemas/alert';

/**
 * The dedupe key of an alert the check raises: `kind:subjectType:subjectId:dueDate`. The same
 * obligation due the same day is one alert forever, so running the check twice creates
 * nothing, and a resolved alert does not come back for the same due date (brief, "Alert").
 *
 * The date must be one that moves only when the obligation does:
 * - ct_due: `CtDue.dueDate` (moves only when a CT is recorded);
 * - service_due: `ServiceDue.dateDue`, not `dueDate`: a km-predicted due date moves with every
 *   mileage reading and would raise a "new" alert each time;
 * - quote_followup, quote_expiring, declined_work: the reminder's `dueDate`.
 * Custom alerts have no key: staff may well want two reminders on the same subject and day.
 */
export type DedupeKeyParts = {
  kind: Exclude<AlertKind, 'custom'>;
  subjectType: SubjectType;
  subjectId: string;
  dueDate: string;
};

export function buildDedupeKey(parts: DedupeKeyParts): string {
  const { kind, subjectType, subjectId, dueDate } = parts;
  // A colon in the id would make two different alerts share a key; ids are uuids anyway.
  if (!subjectId || subjectId.includes(':')) {
    throw new RangeError(`Not a subject id for a dedupe key: ${subjectId}`);
  }
  if (!isIsoDate(dueDate)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${dueDate}`);
  return `${kind}:${subjectType}:${subjectId}:${dueDate}`;
}

/** The parts of a key `buildDedupeKey` made, or null for anything else. */
export function parseDedupeKey(key: string): DedupeKeyParts | null {
  const [kind, subjectType, subjectId, dueDate, ...extra] = key.split(':');
  if (extra.length > 0 || !kind || !subjectType || !subjectId || !dueDate) return null;
  const isKind = (value: string): value is DedupeKeyParts['kind'] =>
    value !== 'custom' && (ALERT_KINDS as readonly string[]).includes(value);
  const isSubjectType = (value: string): value is SubjectType =>
    (SUBJECT_TYPES as readonly string[]).includes(value);
  if (!isKind(kind) || !isSubjectType(subjectType) || !isIsoDate(dueDate)) return null;
  return { kind, subjectType, subjectId, dueDate };
}
