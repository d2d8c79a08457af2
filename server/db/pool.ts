import net from 'node:net';
import pg from 'pg';
import type { Logger } from '../logger';

/**
 * How long PostgreSQL may take before the server gives up and answers 503
 * (docs/decisions/0014-database-faults.md).
 */
export type DatabaseTimeouts = {
  /** `statement_timeout`: PostgreSQL cancels a statement running longer (57014). */
  statementMs: number;
  /**
   * `idle_in_transaction_session_timeout`: PostgreSQL ends a session left that long inside a
   * transaction and rolls it back. Not above `queryMs`: a COMMIT still in flight when the server
   * gives up can then never commit later, whatever the network does with it.
   */
  idleInTransactionMs: number;
  /** A query unanswered that long resets its connection (RST): nothing it sent arrives later. */
  queryMs: number;
  /** Opening a connection (TCP and the start-up exchange). */
  connectMs: number;
  /**
   * Waiting for a free connection of the pool: a burst of writes queued on one row (fifty ORs
   * opened at once share the year's number) waits its turn rather than failing, and a pool
   * held by a dead database frees itself within `queryMs` anyway.
   */
  poolWaitMs: number;
};

/** The statement budget decides the rest; one knob keeps their order right. */
export function databaseTimeouts(statementMs: number, connectMs: number): DatabaseTimeouts {
  return {
    statementMs,
    idleInTransactionMs: statementMs,
    queryMs: statementMs + Math.max(500, Math.round(statementMs / 5)),
    connectMs,
    poolWaitMs: statementMs + Math.max(500, Math.round(statementMs / 5)) + connectMs,
  };
}

export const DEFAULT_TIMEOUTS = databaseTimeouts(5_000, 3_000);

/** The database did not answer a query in time: its connection was reset. */
export class DatabaseTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`PostgreSQL did not answer within ${ms} ms; the connection was reset`);
    this.name = 'DatabaseTimeoutError';
  }
}

/**
 * Drops a connection so that nothing it has sent but PostgreSQL has not received can arrive
 * later: a TCP reset discards the kernel's unsent and unacknowledged bytes, where a graceful
 * close (FIN) would keep retransmitting them (a COMMIT among them) once a partition heals.
 * TLS and Unix sockets cannot be reset from Node; they are destroyed, and the
 * idle-in-transaction timeout stops a late COMMIT there.
 */
function resetConnection(client: pg.Client): void {
  const stream = client.connection.stream;
  if (stream instanceof net.Socket) {
    try {
      stream.resetAndDestroy();
      return;
    } catch {
      // Not a TCP handle (TLS, Unix socket): destroyed below.
    }
  }
  stream.destroy();
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * A client whose every query has a deadline. pg's own `query_timeout` only stops waiting: the
 * query stays on the wire and the connection goes back to the pool, so a COMMIT held by a
 * partition would still commit when it heals, after the request was answered 503. Here the
 * connection is reset instead, and every query on it fails with `DatabaseTimeoutError`.
 */
function guardedClientClass(queryMs: number, connectMs: number) {
  const query = pg.Client.prototype.query as QueryFunction;
  return class GuardedClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      // The pool's own timeout is its wait for a free connection; connecting has its own.
      super({ ...config, connectionTimeoutMillis: connectMs });
    }

    /** 0 lifts the deadline (migrations, which may rightly run long). */
    deadlineMs = queryMs;
    #abandoned: Error | null = null;

    abandon(reason: Error): void {
      if (this.#abandoned) return;
      this.#abandoned = reason;
      resetConnection(this);
    }

    // biome-ignore lint/suspicious/noExplicitAny: one wrapper for every overload pg declares
    override query(...args: any[]): any {
      const ms = this.deadlineMs;
      const config = args[0] as { submit?: unknown } | undefined;
      if (!ms || typeof config?.submit === 'function') return query.apply(this, args);
      const timer = setTimeout(() => this.abandon(new DatabaseTimeoutError(ms)), ms);
      const settle = (error: unknown) => {
        clearTimeout(timer);
        return error ? (this.#abandoned ?? error) : error;
      };
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, result: unknown) => callback(settle(error), result);
        return query.apply(this, args);
      }
      return (query.apply(this, args) as Promise<unknown>).then(
        (result) => {
          settle(null);
          return result;
        },
        (error) => {
          throw settle(error);
        },
      );
    }
  };
}

/** Lifts the query deadline on one checked-out client (the caller also lifts the server's). */
export function liftDeadline(client: pg.PoolClient): void {
  (client as pg.PoolClient & { deadlineMs?: number }).deadlineMs = 0;
}

/**
 * The PostgreSQL pool, hardened against losing connections:
 * - every client has an `error` listener for its whole life: pg emits `error` on a checked-out
 *   client whose connection drops, and with no listener that crashes the process;
 * - a client that dies while checked out is released at once with its error (the pool forgets
 *   it), since its holder may never release it: Drizzle does not when `BEGIN` fails, nor the
 *   Socket.IO adapter when its LISTEN connection ends; their own later release does nothing;
 * - a client given back still inside a transaction is reset, never reused;
 * - each session gets the statement and idle-in-transaction timeouts, and each query its
 *   deadline.
 */
export function createPostgresPool(
  connectionString: string,
  timeouts: DatabaseTimeouts,
  log: Logger,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    Client: guardedClientClass(timeouts.queryMs, timeouts.connectMs),
    connectionTimeoutMillis: timeouts.poolWaitMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // A connection nobody uses still learns, in time, that its peer is gone.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (error, client) => {
    checkedOut.delete(client);
    const status = client.getTransactionStatus();
    if (error || (status !== 'T' && status !== 'E')) return;
    log.warn('PostgreSQL: a connection came back inside a transaction; it is reset');
    resetConnection(client);
    // Marks it ending, so the pool removes it instead of handing it out again.
    void client.end();
  });
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      // An idle client's error reaches the pool's own listener, which removes it.
      if (!checkedOut.delete(client)) return;
      log.warn(`PostgreSQL: connection lost while in use (${error.message})`);
      const release = client.release;
      client.release = () => undefined;
      release.call(client, error);
    });
  });
  pool.on('error', (error) => log.warn(`PostgreSQL: idle connection lost (${error.message})`));
  return pool;
}
