import { query } from '@solidjs/router';
import { api, call } from '../../lib/api';

/*
 * The journal's screens (decision 0018): verification on demand (a read, but a heavy one: never
 * preloaded, never cached), the key it is checked against.
 */

export function verifyJournal(allSignatures: boolean) {
  return call(
    api.journal.verify.$get({ query: { signatures: allSignatures ? 'all' : 'sampled' } }),
  );
}

export const getJournalKey = query(() => call(api.journal.key.$get()), 'journal-key');
