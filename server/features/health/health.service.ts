import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';

export type DatabaseState = 'up' | 'unreachable';

/**
 * `SELECT 1`, answered within `timeoutMs` whatever the database does: during a network black
 * hole the query itself waits for its own deadline (docs/decisions/0014-database-faults.md), but
 * health says so at once. The losing query is left to fail on its own.
 */
export async function checkDatabase(
  deps: Pick<Deps, 'db'>,
  timeoutMs: number,
): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DatabaseState>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), timeoutMs);
  });
  const ping = deps.db.execute(sql`SELECT 1`).then(
    (): DatabaseState => 'up',
    (): DatabaseState => 'unreachable',
  );
  try {
    return await Promise.race([ping, late]);
  } finally {
    clearTimeout(timer);
  }
}
