import type pg from 'pg';

/**
 * The pool as `@socket.io/postgres-adapter` sees it: it only calls `connect()` (its LISTEN
 * client) and `query()`. Two of its habits would otherwise leak a connection for good (a pool
 * slot, and every message heard twice):
 * - when its connection dies during `LISTEN`, both its `end` listener and its `catch` schedule
 *   a reconnection, so two LISTEN clients end up checked out;
 * - a reconnection still under way when it closes checks a client out that nobody releases,
 *   and the pool then never finishes ending.
 * So it holds one LISTEN client at a time (a new one retires the last), and none once closed
 * (docs/decisions/0014-database-faults.md).
 */
export function createAdapterPool(pool: pg.Pool) {
  let current: pg.PoolClient | null = null;
  let isClosed = false;

  function retire(client: pg.PoolClient): void {
    // Its listeners are the adapter's: without them it neither reconnects nor delivers.
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    client.release(new Error('replaced by a newer LISTEN connection'));
  }

  const adapterPool = {
    async connect(): Promise<pg.PoolClient> {
      const client = await pool.connect();
      if (isClosed) {
        client.release();
        // The adapter is closed: its reconnection waits for ever instead of looping.
        return new Promise<never>(() => undefined);
      }
      if (current) retire(current);
      current = client;
      return client;
    },
    query: pool.query.bind(pool),
  };

  return {
    // The adapter is typed against the whole pg.Pool; it uses these two members only.
    pool: adapterPool as unknown as pg.Pool,
    /** Before Socket.IO closes the adapter, which releases its own current client. */
    close(): void {
      isClosed = true;
      current = null;
    },
  };
}
