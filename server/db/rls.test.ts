import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withAdminClient } from '../test/databases';
import { MIGRATIONS_DIR } from './migrate';

/**
 * Supabase exposes the `public` schema through its REST API as the roles `anon` and
 * `authenticated`, which get every privilege on new tables by default. Row level security with
 * no policy must leave them nothing to read or write.
 */
describe('row level security, as on Supabase', () => {
  let database: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  let tables: string[];

  beforeAll(async () => {
    await withAdminClient((admin) =>
      admin.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF;
        END $$;`),
    );
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`
      GRANT USAGE ON SCHEMA public TO anon, authenticated;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated;`);
    // `supabase db push` applies each file of supabase/migrations in name order.
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
    await client.query(`
      INSERT INTO staff (email, name, role, password_hash) VALUES ('a@b.fr', 'A', 'admin', 'x');
      INSERT INTO clients (kind, last_name, sort_name, search_text) VALUES ('person', 'Secret', 'secret', 'secret');
      INSERT INTO changes (entity, entity_id, action, data) VALUES ('client', '1', 'created', '{}');`);
    const { rows } = await client.query<{ tablename: string; rowsecurity: boolean }>(
      `SELECT tablename, rowsecurity FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    tables = rows.map((row) => row.tablename);
    expect(rows.every((row) => row.rowsecurity)).toBe(true);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it.each(['anon', 'authenticated'])('%s reads nothing from any table', async (role) => {
    expect(tables).toEqual(expect.arrayContaining(['changes', 'clients', 'sessions', 'staff']));
    for (const table of tables) {
      await client.query(`SET ROLE ${role}`);
      try {
        const { rows } = await client.query(`SELECT * FROM ${table}`);
        expect(rows, table).toEqual([]);
      } finally {
        await client.query('RESET ROLE');
      }
    }
  });

  it.each(['anon', 'authenticated'])('%s writes nothing to any table', async (role) => {
    const attempts = [
      `INSERT INTO clients (kind, last_name, sort_name, search_text) VALUES ('person', 'Pirate', 'p', 'p')`,
      `INSERT INTO staff (email, name, role, password_hash) VALUES ('p@p.fr', 'P', 'admin', 'x')`,
      `INSERT INTO changes (entity, entity_id, action, data) VALUES ('client', '2', 'created', '{}')`,
    ];
    for (const statement of attempts) {
      await client.query(`SET ROLE ${role}`);
      try {
        await expect(client.query(statement)).rejects.toThrow(/row-level security/);
      } finally {
        await client.query('RESET ROLE');
      }
    }
    for (const table of ['clients', 'staff']) {
      await client.query(`SET ROLE ${role}`);
      try {
        const updated = await client.query(`UPDATE ${table} SET updated_at = now()`);
        const deleted = await client.query(`DELETE FROM ${table}`);
        expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
      } finally {
        await client.query('RESET ROLE');
      }
    }
    const { rows } = await client.query('SELECT count(*)::int AS n FROM clients');
    expect(rows[0].n).toBe(1);
  });
});
