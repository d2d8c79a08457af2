import { and, asc, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { computeAcceptedTotals, computeQuoteTotals } from '../../../domain/quote/totals';
import type { Quote, QuoteJob, QuoteSummary } from '../../../domain/schemas/quote';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../db/like';
import { clients, quoteJobs, quoteLines, quotes, vehicles } from '../../db/schema';

/*
 * Reading quotes: summaries with their party, whole quotes with jobs and lines in a fixed number
 * of queries, pages and search. The writes are quotes.repo.ts.
 */

type QuoteRow = typeof quotes.$inferSelect;

const summarySelection = {
  quote: quotes,
  client: {
    kind: clients.kind,
    civility: clients.civility,
    firstName: clients.firstName,
    lastName: clients.lastName,
    companyName: clients.companyName,
  },
  vehiclePlate: vehicles.plate,
};

type SelectedQuote = {
  quote: QuoteRow;
  client: Parameters<typeof getClientDisplayName>[0];
  vehiclePlate: string | null;
};

export function toQuoteSummary({ quote, client, vehiclePlate }: SelectedQuote): QuoteSummary {
  return {
    id: quote.id,
    version: quote.version,
    createdAt: quote.createdAt.toISOString(),
    updatedAt: quote.updatedAt.toISOString(),
    archivedAt: quote.archivedAt?.toISOString() ?? null,
    clientId: quote.clientId,
    clientName: getClientDisplayName(client),
    vehicleId: quote.vehicleId,
    vehiclePlate,
    mileageKm: quote.mileageKm,
    status: quote.status,
    number: quote.number,
    revision: quote.revision,
    validUntil: quote.validUntil,
    notes: quote.notes,
    vatExempt: quote.vatExempt,
    sentAt: quote.sentAt?.toISOString() ?? null,
    decision:
      quote.decidedAt && quote.decisionChannel
        ? {
            channel: quote.decisionChannel,
            signerName: quote.decisionSignerName,
            reason: quote.decisionReason,
            decidedAt: quote.decidedAt.toISOString(),
            decidedBy: quote.decidedById
              ? { id: quote.decidedById, name: quote.decidedByName ?? '' }
              : null,
          }
        : null,
    createdBy: quote.createdById
      ? { id: quote.createdById, name: quote.createdByName ?? '' }
      : null,
    totals: {
      exclVatCents: quote.exclVatCents,
      vatCents: quote.vatCents,
      inclVatCents: quote.inclVatCents,
    },
    acceptedExclVatCents: quote.acceptedExclVatCents,
  };
}

function selectSummaries(db: Executor) {
  return db
    .select(summarySelection)
    .from(quotes)
    .innerJoin(clients, eq(clients.id, quotes.clientId))
    .leftJoin(vehicles, eq(vehicles.id, quotes.vehicleId));
}

/** Jobs and lines of several quotes in two queries, grouped per quote. */
async function selectJobsOf(db: Executor, quoteIds: string[]): Promise<Map<string, QuoteJob[]>> {
  // Sequential: `db` is often a transaction, one connection that runs one query at a time.
  const jobRows = await db
    .select()
    .from(quoteJobs)
    .where(inArray(quoteJobs.quoteId, quoteIds))
    .orderBy(asc(quoteJobs.position));
  const lineRows = await db
    .select()
    .from(quoteLines)
    .where(inArray(quoteLines.quoteId, quoteIds))
    .orderBy(asc(quoteLines.position));
  const byQuote = new Map<string, QuoteJob[]>(quoteIds.map((id) => [id, []]));
  for (const job of jobRows) {
    const lines = lineRows
      .filter((line) => line.jobId === job.id)
      .map((line) => ({
        id: line.id,
        kind: line.kind,
        description: line.description,
        reference: line.reference,
        quantity: line.quantityMilli / 1000,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBp: line.vatRateBp,
        discountBp: line.discountBp,
        totalExclVatCents: line.totalExclVatCents,
        accepted: line.accepted,
      }));
    byQuote.get(job.quoteId)?.push({
      id: job.id,
      title: job.title,
      lines,
      totalExclVatCents: lines.reduce((sum, line) => sum + line.totalExclVatCents, 0),
    });
  }
  return byQuote;
}

/** Full quotes (jobs, lines, totals) for these ids, in three queries whatever their number. */
export async function selectQuotesByIds(db: Executor, ids: string[]): Promise<Quote[]> {
  if (ids.length === 0) return [];
  const rows = await selectSummaries(db).where(inArray(quotes.id, ids));
  const jobsByQuote = await selectJobsOf(db, ids);
  return rows.map((row) => {
    const { acceptedExclVatCents: _, ...summary } = toQuoteSummary(row);
    const jobs = jobsByQuote.get(summary.id) ?? [];
    const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals({
      jobs,
      vatExempt: summary.vatExempt,
    });
    return {
      ...summary,
      jobs,
      totals: { exclVatCents, vatCents, inclVatCents, byRate },
      acceptedTotals: computeAcceptedTotals({ ...summary, jobs }),
    };
  });
}

export async function selectQuoteById(db: Executor, id: string): Promise<Quote | undefined> {
  const [quote] = await selectQuotesByIds(db, [id]);
  return quote;
}

export async function selectQuotePage(
  db: Executor,
  query: {
    search: SQL | undefined;
    status?: QuoteRow['status'];
    clientId?: string;
    vehicleId?: string;
    cursor: { key: string; id: string } | null;
    limit: number;
  },
): Promise<QuoteSummary[]> {
  const filters: SQL[] = [isNull(quotes.archivedAt)];
  if (query.search) filters.push(query.search);
  if (query.status) filters.push(eq(quotes.status, query.status));
  if (query.clientId) filters.push(eq(quotes.clientId, query.clientId));
  if (query.vehicleId) filters.push(eq(quotes.vehicleId, query.vehicleId));
  if (query.cursor) {
    filters.push(
      sql`(${quotes.createdAt}, ${quotes.id}) < (${query.cursor.key}::timestamptz, ${query.cursor.id})`,
    );
  }
  const rows = await selectSummaries(db)
    .where(and(...filters))
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(query.limit);
  return rows.map(toQuoteSummary);
}

/** Each term in the quote's own text (number, job titles) or its party text (client, plate). */
export function quoteSearchFilter(terms: string[]): SQL | undefined {
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => {
      const pattern = containsPattern(term);
      return or(like(quotes.searchText, pattern), like(quotes.partySearchText, pattern))!;
    }),
  );
}

/** Sent quotes waiting for an answer, the longest-waiting first. */
export async function selectQuotesAwaiting(db: Executor, limit: number): Promise<QuoteSummary[]> {
  const rows = await selectSummaries(db)
    .where(and(eq(quotes.status, 'sent'), isNull(quotes.archivedAt)))
    .orderBy(asc(quotes.sentAt), asc(quotes.id))
    .limit(limit);
  return rows.map(toQuoteSummary);
}
