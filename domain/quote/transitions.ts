import { AppError, type RefusalCode } from '../errors';
import { QUOTE_STATUS_LABELS, type Quote, type QuoteStatus } from '../schemas/quote';

/**
 * The quote's life, once: the service refuses what this refuses, and the editor shows only the
 * buttons this allows (with the same reason when one is disabled).
 */
const NEXT: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['sent'],
  sent: ['draft', 'accepted', 'partially_accepted', 'refused', 'expired'],
  // An accepted quote is an agreement: new work goes into a new quote (duplicate).
  accepted: [],
  partially_accepted: [],
  refused: ['draft'],
  expired: ['draft'],
};

/** What a quote in this status may become (`draft` from a sent quote is a revision). */
export function availableTransitions(status: QuoteStatus): readonly QuoteStatus[] {
  return NEXT[status];
}

/** A rule saying no: the service throws it, the editor shows its message on the button. */
export type Refusal = AppError<RefusalCode>;

type TransitionSubject = Pick<Quote, 'status' | 'validUntil'> & {
  jobs: ReadonlyArray<{ lines: ReadonlyArray<unknown> }>;
};

const lower = (status: QuoteStatus) => QUOTE_STATUS_LABELS[status].toLowerCase();

/**
 * Whether `quote` may move to `to` today (`YYYY-MM-DD` in Paris), as far as the quote itself
 * tells: the compliance of the garage's and client's details is checked apart
 * (`checkQuoteCompliance`), since it needs them.
 */
export function checkTransition(
  quote: TransitionSubject,
  to: QuoteStatus,
  today: string,
): Refusal | null {
  if (!NEXT[quote.status].includes(to)) {
    return new AppError(
      'invalid_transition',
      `Un devis ${lower(quote.status)} ne peut pas passer à « ${lower(to)} ».`,
      { from: quote.status, to },
    );
  }
  if (to === 'sent') {
    if (!quote.jobs.some((job) => job.lines.length > 0)) {
      return new AppError('empty_quote');
    }
    if (quote.validUntil < today) {
      return new AppError('validity_past', undefined, { validUntil: quote.validUntil });
    }
  }
  if (to === 'expired' && quote.validUntil >= today) {
    const [year, month, day] = quote.validUntil.split('-');
    return new AppError(
      'not_yet_expired',
      `Ce devis est valable jusqu’au ${day}/${month}/${year}.`,
      {
        validUntil: quote.validUntil,
      },
    );
  }
  return null;
}

/** Only a draft is edited; a sent or decided quote is revised instead. */
export function checkEditable(quote: Quote): Refusal | null {
  if (quote.status === 'draft') return null;
  return new AppError(
    'quote_locked',
    `Ce devis est ${lower(quote.status)} : révisez-le pour le modifier.`,
    { current: quote },
  );
}
