import { formatDateFr, latestPastDate } from '../dates';
import { AppError } from '../errors';

/**
 * A first registration, a CT, a service or a mileage reading has already happened: dated in
 * the future it would become the vehicle's "last" one and move every due date (decision 0015).
 * Refused with 400 at each field dated after tomorrow in Paris; absent fields are skipped.
 */
export function refuseFutureDates(
  fields: Readonly<Record<string, string | null | undefined>>,
  now: Date,
): void {
  const latest = latestPastDate(now);
  const issues = Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] > latest)
    .map(([field, date]) => ({
      path: [field],
      code: 'custom',
      message: `Le ${formatDateFr(date)} n’est pas encore arrivé : saisissez une date passée.`,
    }));
  const first = issues[0];
  if (first) throw new AppError('validation_failed', first.message, issues);
}
