import { query } from '@solidjs/router';
import type { ClosureCreate } from '../../../domain/schemas/journal';
import { api, call } from '../../lib/api';
import { liveAction, staleOnQuery } from '../../lib/queries';

/*
 * The journal's screens (decision 0018): verification on demand (a read, but a heavy one: never
 * preloaded, never cached), the key it is checked against, the closures (live) and the exports.
 */

export function verifyJournal(allSignatures: boolean) {
  return call(
    api.journal.verify.$get({ query: { signatures: allSignatures ? 'all' : 'sampled' } }),
  );
}

export const getJournalKey = query(() => call(api.journal.key.$get()), 'journal-key');

/** Every closure, the latest period first; a `closure` change drops the cached list. */
export const getClosures = staleOnQuery(['closure'], 'closures', () =>
  call(api.closures.$get({ query: {} })),
);

/** Closes a day, a month or a year (409 closure_exists, closure_not_due, closure_out_of_order). */
export const closePeriod = liveAction('closure-create', (input: ClosureCreate) =>
  call(api.closures.$post({ json: input })),
);
/** The FEC (fichier des écritures comptables) of the invoices and payments between two days. */
export function requestFec(from: string, to: string) {
  return api.exports.fec.$get({ query: { from, to } });
}

/** A closed period's entries, signed, as the journal holds them (`2026-11-24`, `2026-11`, `2026`). */
export function requestArchive(period: string) {
  return api.exports.archive.$get({ query: { period } });
}

/** The private customers' sales and payments, per day, VAT rate and payment method. */
export function getB2cSummary(from: string, to: string) {
  return call(api.exports['b2c-summary'].$get({ query: { from, to } }));
}
