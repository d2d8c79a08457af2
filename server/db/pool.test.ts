import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, databaseTimeouts } from './pool';

describe('the database timeouts', () => {
  it('keep PostgreSQL ending an idle transaction before the server gives up on its COMMIT', () => {
    for (const statementMs of [100, 1_000, 5_000, 30_000, 600_000]) {
      const timeouts = databaseTimeouts(statementMs, 3_000);
      // A COMMIT still in flight when the deadline resets the connection can never commit later.
      expect(timeouts.idleInTransactionMs).toBeLessThan(timeouts.queryMs);
      // A slow statement is cancelled by PostgreSQL first, and its connection stays usable.
      expect(timeouts.statementMs).toBeLessThan(timeouts.queryMs);
    }
  });

  it('answer within seconds by default', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({
      statementMs: 5_000,
      idleInTransactionMs: 5_000,
      queryMs: 6_000,
      connectMs: 3_000,
      poolWaitMs: 9_000,
    });
  });
});
