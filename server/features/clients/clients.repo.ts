import { and, asc, count, eq, isNotNull, isNull, like, type SQL, sql } from 'drizzle-orm';
import { buildClientSearchText, buildClientSortName } from '../../../domain/client/client-search';
import type { Client, ClientValues } from '../../../domain/schemas/client';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../db/like';
import { clients } from '../../db/schema';

type ClientRow = typeof clients.$inferSelect;
export type ClientCursor = { key: string; id: string };

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    kind: row.kind,
    civility: row.civility,
    firstName: row.firstName,
    lastName: row.lastName,
    companyName: row.companyName,
    siret: row.siret,
    vatNumber: row.vatNumber,
    email: row.email,
    phones: row.phones,
    address: {
      street: row.street,
      postalCode: row.postalCode,
      city: row.city,
      country: row.country,
    },
    notes: row.notes,
    consentReminders: row.consentReminders,
  };
}

export function toClientRow(values: ClientValues) {
  const { address, ...rest } = values;
  return {
    ...rest,
    street: address.street,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
    sortName: buildClientSortName(values),
    searchText: buildClientSearchText(values),
  };
}

export async function insertClient(db: Executor, values: ClientValues): Promise<Client> {
  const [row] = await db.insert(clients).values(toClientRow(values)).returning();
  return toClient(row!);
}

export async function insertClients(db: Executor, values: ClientValues[]): Promise<Client[]> {
  if (values.length === 0) return [];
  const rows = await db.insert(clients).values(values.map(toClientRow)).returning();
  return rows.map(toClient);
}

export async function countClients(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(clients);
  return row?.value ?? 0;
}

export async function selectClientById(db: Executor, id: string): Promise<Client | undefined> {
  const [row] = await db.select().from(clients).where(eq(clients.id, id)).limit(1);
  return row ? toClient(row) : undefined;
}

/** Applies the update only if `version` is still current; undefined otherwise. */
export async function updateClientVersioned(
  db: Executor,
  id: string,
  version: number,
  values: ClientValues,
  now: Date,
): Promise<Client | undefined> {
  const [row] = await db
    .update(clients)
    .set({ ...toClientRow(values), version: sql`${clients.version} + 1`, updatedAt: now })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .returning();
  return row ? toClient(row) : undefined;
}

export async function updateClientArchived(
  db: Executor,
  id: string,
  archivedAt: Date | null,
  now: Date,
): Promise<Client | undefined> {
  const [row] = await db
    .update(clients)
    .set({ archivedAt, version: sql`${clients.version} + 1`, updatedAt: now })
    .where(eq(clients.id, id))
    .returning();
  return row ? toClient(row) : undefined;
}

/**
 * One page in (sort_name, id) order. Each term must appear in search_text (a trigram index
 * serves `LIKE '%term%'`); the cursor makes the next page a range scan on clients_sort_idx.
 */
export async function selectClientPage(
  db: Executor,
  query: { terms: string[]; archived: boolean; cursor: ClientCursor | null; limit: number },
): Promise<Client[]> {
  const filters: SQL[] = [
    query.archived ? isNotNull(clients.archivedAt) : isNull(clients.archivedAt),
  ];
  for (const term of query.terms) filters.push(like(clients.searchText, containsPattern(term)));
  if (query.cursor) {
    filters.push(
      sql`(${clients.sortName}, ${clients.id}) > (${query.cursor.key}, ${query.cursor.id})`,
    );
  }
  const rows = await db
    .select()
    .from(clients)
    .where(and(...filters))
    .orderBy(asc(clients.sortName), asc(clients.id))
    .limit(query.limit);
  return rows.map(toClient);
}
