import { AppError } from '../../../domain/errors';
import type { Quote } from '../../../domain/schemas/quote';
import { toSearchTerms } from '../../../domain/text';
import type { Executor } from '../../db/client';
import type { RecordChange } from '../changes/changes.service';
import { selectQuoteById } from './quotes.read.repo';

/*
 * What the edits (quotes.service.ts) and the transitions (quotes.transitions.ts) both need:
 * reading a quote back, recording its change, a field's error, the quote's own search text.
 */

const NOT_FOUND = 'Ce devis est introuvable.';

export async function requireQuote(db: Executor, id: string): Promise<Quote> {
  const quote = await selectQuoteById(db, id);
  if (!quote) throw new AppError('not_found', NOT_FOUND);
  return quote;
}

export async function recordQuote(
  tx: Executor,
  record: RecordChange,
  id: string,
  action: 'created' | 'updated' | 'transitioned',
): Promise<Quote> {
  const quote = await requireQuote(tx, id);
  record({ entity: 'quote', action, id, data: quote });
  return quote;
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path: [path], code: 'custom', message }]);
}

/** Number and job titles; the client's name and plate are the triggers' (party_search_text). */
export function buildQuoteSearchText(quote: {
  number: string | null;
  jobs: Array<{ title: string }>;
}): string {
  return toSearchTerms([quote.number ?? '', ...quote.jobs.map((job) => job.title)].join(' ')).join(
    ' ',
  );
}
