import { formatDateFr } from '../dates';
import { AppError, type RefusalCode } from '../errors';
import { canonicalize } from '../journal/canonical';
import { checkTransition } from '../quote/transitions';
import type { ApprovalDecision } from '../schemas/approval';
import type { Quote, QuoteStatus } from '../schemas/quote';

/*
 * The customer's answer on the online approval page (issue 14), read with the quote's own rules
 * (domain/quote/transitions.ts and the service's partial acceptance): only a sent quote, still
 * valid, is decided; a partial acceptance names some of its lines, not none and not all (all
 * ticked is an acceptance). The decision is bound to the revision shown by its SHA-256.
 */

/** The channel recorded; not yet in DECISION_CHANNELS (see the report of issue 14). */
export const ONLINE_CHANNEL = 'online';

/** Exactly what the page shows and the customer approves: no ids of other records, no staff. */
export type QuoteRevisionView = Pick<
  Quote,
  | 'number'
  | 'revision'
  | 'clientName'
  | 'vehiclePlate'
  | 'mileageKm'
  | 'validUntil'
  | 'notes'
  | 'vatExempt'
  | 'totals'
> & {
  jobs: ReadonlyArray<
    Pick<Quote['jobs'][number], 'id' | 'title' | 'totalExclVatCents'> & {
      lines: ReadonlyArray<Omit<Quote['jobs'][number]['lines'][number], 'accepted'>>;
    }
  >;
};

/** The revision as canonical text (domain/journal/canonical.ts): quantities in thousandths. */
export function canonicalQuoteRevision(quote: QuoteRevisionView): string {
  return canonicalize({
    number: quote.number,
    revision: quote.revision,
    clientName: quote.clientName,
    vehiclePlate: quote.vehiclePlate,
    mileageKm: quote.mileageKm,
    validUntil: quote.validUntil,
    notes: quote.notes,
    vatExempt: quote.vatExempt,
    jobs: quote.jobs.map((job) => ({
      id: job.id,
      title: job.title,
      totalExclVatCents: job.totalExclVatCents,
      lines: job.lines.map((line) => ({
        id: line.id,
        kind: line.kind,
        description: line.description,
        reference: line.reference,
        // At most three decimals (the quote schema's rule): thousandths are exact integers.
        quantityThousandths: Math.round(line.quantity * 1000),
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBp: line.vatRateBp,
        discountBp: line.discountBp,
        totalExclVatCents: line.totalExclVatCents,
      })),
    })),
    totals: {
      exclVatCents: quote.totals.exclVatCents,
      vatCents: quote.totals.vatCents,
      inclVatCents: quote.totals.inclVatCents,
      byRate: quote.totals.byRate.map((rate) => ({
        vatRateBp: rate.vatRateBp,
        baseCents: rate.baseCents,
        vatCents: rate.vatCents,
      })),
    },
  });
}

/** The SHA-256 (hex) of the canonical revision, with Web Crypto: the browser and Node alike. */
export async function hashQuoteRevision(quote: QuoteRevisionView): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalQuoteRevision(quote));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type ApprovalOutcome = {
  status: Extract<QuoteStatus, 'accepted' | 'partially_accepted' | 'refused'>;
  channel: typeof ONLINE_CHANNEL;
  signerName: string;
  reason: string | null;
  /** In the quote's order; every line for `accepted`, none for `refused`. */
  acceptedLineIds: string[];
  declinedLineIds: string[];
  /** What the customer agreed to, excl. VAT, as the service computes it; null when refused. */
  acceptedExclVatCents: number | null;
};

/**
 * One text per decision, signature included, for the idempotent endpoint: the same request
 * replayed matches the stored one (answer with the recorded outcome), another one does not.
 */
export function canonicalDecision(decision: ApprovalDecision): string {
  return canonicalize(
    decision.choice === 'accept_lines'
      ? { ...decision, acceptedLineIds: [...decision.acceptedLineIds].sort() }
      : decision,
  );
}

export type ApprovalResult =
  | { ok: true; outcome: ApprovalOutcome }
  | { ok: false; refusal: AppError<RefusalCode | 'validation_failed'> };

type DecidableQuote = Pick<Quote, 'status' | 'validUntil' | 'totals'> & {
  jobs: ReadonlyArray<{
    lines: ReadonlyArray<Pick<Quote['jobs'][number]['lines'][number], 'id' | 'totalExclVatCents'>>;
  }>;
};

function refuse(refusal: AppError<RefusalCode | 'validation_failed'>): ApprovalResult {
  return { ok: false, refusal };
}

/**
 * The quote's new status and lines after the customer's decision, or the rule that says no.
 * `revisionHash` is the current revision's (`hashQuoteRevision`), `today` the Paris date.
 */
export function applyDecision(
  quote: DecidableQuote,
  decision: ApprovalDecision,
  context: { today: string; revisionHash: string },
): ApprovalResult {
  const lines = quote.jobs.flatMap((job) => job.lines);
  const lineIds = lines.map((line) => line.id);
  const accepted = new Set(
    decision.choice === 'refuse'
      ? []
      : decision.choice === 'accept_all'
        ? lineIds
        : decision.acceptedLineIds,
  );
  const status: ApprovalOutcome['status'] =
    decision.choice === 'refuse'
      ? 'refused'
      : lineIds.every((id) => accepted.has(id))
        ? 'accepted'
        : 'partially_accepted';
  // The quote's state first: a decided quote says so, whatever lines the request names.
  const blocked = checkTransition(quote, status, context.today);
  if (blocked) return refuse(blocked);
  if ([...accepted].some((id) => !lineIds.includes(id))) {
    const message = 'Ces lignes ne sont pas sur ce devis.';
    return refuse(
      new AppError('validation_failed', message, [
        { path: ['acceptedLineIds'], code: 'custom', message },
      ]),
    );
  }
  if (quote.validUntil < context.today) {
    return refuse(
      new AppError(
        'validity_past',
        `Ce devis n’est plus valable depuis le ${formatDateFr(quote.validUntil)} : contactez le garage.`,
        { validUntil: quote.validUntil },
      ),
    );
  }
  if (decision.revisionHash !== context.revisionHash) {
    return refuse(new AppError('quote_revision_changed'));
  }
  const acceptedLineIds = lineIds.filter((id) => accepted.has(id));
  return {
    ok: true,
    outcome: {
      status,
      channel: ONLINE_CHANNEL,
      signerName: decision.signerName,
      reason: decision.choice === 'refuse' ? decision.reason : null,
      acceptedLineIds,
      declinedLineIds: lineIds.filter((id) => !accepted.has(id)),
      acceptedExclVatCents:
        status === 'refused'
          ? null
          : status === 'accepted'
            ? quote.totals.exclVatCents
            : lines
                .filter((line) => accepted.has(line.id))
                .reduce((sum, line) => sum + line.totalExclVatCents, 0),
    },
  };
}
