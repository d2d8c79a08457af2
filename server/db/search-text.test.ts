import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientNameText, buildQuotePartyText } from '../../domain/client/client-search';
import { normalizeSearchText } from '../../domain/text';
import { createLogger } from '../logger';
import { createTestDatabase, ENGINES } from '../test/databases';
import { type Database, openDatabase } from './client';
import { migrateDatabase } from './migrate';

/** Every assigned, printable character of the Basic Multilingual Plane. */
function planeCharacters(): string[] {
  const characters: string[] = [];
  for (let code = 0x20; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    if (!/\p{Cn}|\p{Cc}|\p{Co}/u.test(character)) characters.push(character);
  }
  return characters;
}

/** Names the counter types, in the scripts and spellings a French garage meets. */
const NAMES = [
  'Lefèvre',
  'HÉLÈNE  Bélanger',
  'Œuvre Cœur',
  'Læticia',
  'Ærø',
  'Łukasz Wójcik',
  'Søren Ørsted',
  'Straße',
  'İlker Çelik',
  'Nguyễn Thị Hằng',
  'Đặng',
  'D’Almeida',
  "D'Almeida",
  'Hervé-Bazin',
  'Loïc\u00a0Gaëtan',
  '  Maëlle\t\nAnaïs  ',
  'e\u0301cully',
  'Дмитрий Ёлкин',
  'Σωκράτης',
  'AB-123-CD',
  '123 ABC 45',
];

describe.each(ENGINES)('the search text triggers build on %s', (engine) => {
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const server = engine === 'postgres' ? await createTestDatabase() : null;
    dropDatabase = server?.drop;
    database = await openDatabase({
      databaseUrl: server?.url,
      dataDir: 'memory://',
      log: createLogger('silent'),
    });
    await migrateDatabase(database);
  });
  afterAll(async () => {
    await database?.close();
    await dropDatabase?.();
  });

  /** Both drivers answer `execute` with `{ rows }`; Drizzle types it for neither. */
  async function rowsOf<T>(query: SQL): Promise<T[]> {
    return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  }

  async function eachInSql(expression: SQL, values: string[]): Promise<string[]> {
    const rows = await rowsOf<{ text: string }>(
      sql`SELECT ${expression} AS text FROM unnest(${sql.param(values)}::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`,
    );
    return rows.map((row) => row.text);
  }

  const normalizeInSql = (values: string[]) => eachInSql(sql`gp_search_text(v)`, values);

  it('normalises names as domain/text.ts does, accents, case, ligatures and spaces', async () => {
    expect(await normalizeInSql(NAMES)).toEqual(NAMES.map(normalizeSearchText));
  });

  it('agrees with domain/text.ts on every character, but where the engine lower-cases otherwise', async () => {
    const characters = planeCharacters();
    const fromSql = await normalizeInSql(characters);
    const disagreeing = characters.filter(
      (character, index) => fromSql[index] !== normalizeSearchText(character),
    );
    // What is left is the engine's case table, older or smaller than JavaScript's (Unicode 16
    // additions, circled letters on PGlite): never a Latin, Greek or Cyrillic letter in use.
    const lowered = await eachInSql(sql`lower(v)`, disagreeing);
    disagreeing.forEach((character, index) => {
      expect(lowered[index], `U+${character.codePointAt(0)!.toString(16)}`).not.toBe(
        character.toLowerCase(),
      );
    });
    expect(disagreeing.filter((character) => character.codePointAt(0)! < 0x0530)).toEqual([]);
    expect(disagreeing.length).toBeLessThan(100);
  });

  it('keeps of a client and a plate the text the TypeScript builders give', async () => {
    const client = { lastName: 'Łukasz', firstName: 'Hélène', companyName: 'Garage Œuvre' };
    const vehicle = { plate: 'AB-123-CD', plateKey: 'AB123CD' };
    const [row] = await rowsOf<{ name: string; party: string }>(sql`
      SELECT gp_client_name_text(${client.lastName}, ${client.firstName}, ${client.companyName}) AS name,
        gp_search_text(concat_ws(' ', gp_client_name_text(${client.lastName}, NULL, ''),
          ${vehicle.plateKey}::text, ${vehicle.plate}::text)) AS party`);
    expect(row).toEqual({
      name: buildClientNameText(client),
      party: buildQuotePartyText(
        buildClientNameText({ lastName: client.lastName, firstName: null, companyName: '' }),
        vehicle,
      ),
    });
  });
});
