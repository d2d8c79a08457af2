import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../../domain/schemas/journal';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { appendJournalEntry, readJournal } from './journal.service';

const TILL = '6f1c2b5e-0d4a-4c8e-9b7a-2f3e4d5c6b7a';

async function rowsOf<T>(server: TestServer, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await server.deps.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe.each(ENGINES)('the journal table on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  async function append(openingFloatCents: number) {
    return server.deps.db.transaction((tx) =>
      appendJournalEntry(
        tx,
        server.deps,
        { id: TILL, name: 'Test' },
        {
          kind: 'till_opened',
          tillSessionId: TILL,
          openingFloatCents,
        },
      ),
    );
  }

  it('stores what it hashed: the canonical record, its seq, time, day and author', async () => {
    const { seq } = await append(15_000);
    const entries = [];
    for await (const entry of readJournal(server.deps.db, { afterSeq: seq - 1 }))
      entries.push(entry);
    const record = JournalRecordSchema.parse(JSON.parse(entries[0]!.canonical));
    expect(record).toMatchObject({
      seq,
      actor: { id: TILL, name: 'Test' },
      content: { kind: 'till_opened', openingFloatCents: 15_000 },
    });
    expect(entries[0]).toMatchObject({
      seq,
      kind: 'till_opened',
      keyId: server.deps.journalKey.keyId,
    });
  });

  it('is refused any UPDATE, DELETE or TRUNCATE, whoever asks, and nothing changes', async () => {
    const { seq } = await append(100);
    for (const statement of [
      sql`UPDATE journal_entries SET canonical = '{}' WHERE seq = ${seq}`,
      sql`DELETE FROM journal_entries WHERE seq = ${seq}`,
      sql`TRUNCATE journal_entries`,
    ]) {
      const refusal = await server.deps.db.execute(statement).then(
        () => null,
        (error: Error) => (error.cause instanceof Error ? error.cause : error),
      );
      expect(refusal?.message).toMatch(
        /gp_append_only: (UPDATE|DELETE|TRUNCATE) on journal_entries/,
      );
    }
    const [row] = await rowsOf<{ count: string | number }>(
      server,
      sql`SELECT count(*) AS count FROM journal_entries WHERE seq = ${seq}`,
    );
    expect(Number(row?.count)).toBe(1);
  });

  it('takes from its owner, the role the server connects as, the right to change it', async () => {
    // Owners hold every privilege on their tables until the migration revokes them (a
    // superuser bypasses privileges: the triggers and the chain remain).
    const rows = await rowsOf<{ table: string; grants: string | null }>(
      server,
      sql`SELECT t AS table, (SELECT string_agg(privilege_type, ',' ORDER BY privilege_type)
            FROM information_schema.role_table_grants g
            WHERE g.table_name = t AND g.grantee = current_user
              AND g.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')) AS grants
          FROM unnest(ARRAY['journal_entries', 'journal_closures', 'payments',
            'payment_allocations', 'till_movements', 'invoices']) AS t ORDER BY t`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.table, row.grants]))).toEqual({
      invoices: 'DELETE,TRUNCATE,UPDATE',
      journal_closures: null,
      journal_entries: null,
      payment_allocations: null,
      payments: null,
      till_movements: null,
    });
  });
});
