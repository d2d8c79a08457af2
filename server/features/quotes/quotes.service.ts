import type { z } from 'zod';
import { addDays, todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { checkEditable } from '../../../domain/quote/transitions';
import {
  type Quote,
  QuoteCreateSchema,
  type QuoteListQuerySchema,
  type QuoteSummary,
  type QuoteUpdateSchema,
} from '../../../domain/schemas/quote';
import { toPlateAwareTerms } from '../../../domain/text';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import { encodeCursor } from '../../db/cursor';
import type { Actor, Deps } from '../../deps';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { readSettings } from '../settings/settings.service';
import { readVehicle } from '../vehicles/vehicles.service';
import {
  quoteSearchFilter,
  selectQuoteById,
  selectQuotePage,
  selectQuotesAwaiting,
} from './quotes.read.repo';
import { buildQuoteSearchText, fieldError, recordQuote, requireQuote } from './quotes.records';
import {
  insertDeclinedWork,
  insertQuote,
  type JobValues,
  replaceQuoteJobs,
  selectIdsOfOtherQuotes,
  selectRevision,
  updateQuoteVersioned,
} from './quotes.repo';

/*
 * Quotes: the list, reading one (or a frozen revision), a draft created, edited, duplicated.
 * The transitions and the declined work are in quotes.transitions.ts, exported from here: other
 * features and the routes import this file only.
 */

/** The client must be active, and the vehicle (if any) theirs. */
async function checkParties(db: Executor, clientId: string, vehicleId: string | null) {
  const client = await readClient(db, clientId);
  if (!client || client.archivedAt)
    throw fieldError('clientId', 'Ce client est introuvable ou archivé.');
  if (vehicleId) {
    const vehicle = await readVehicle(db, vehicleId);
    if (!vehicle || vehicle.archivedAt)
      throw fieldError('vehicleId', 'Ce véhicule est introuvable.');
    if (vehicle.clientId !== clientId) {
      throw fieldError('vehicleId', "Ce véhicule n'appartient pas à ce client.");
    }
  }
}

/** An id of another quote's job or line is refused (never a 500 on its primary key). */
async function checkOwnIds(
  tx: Executor,
  quoteId: string | null,
  jobs: ReadonlyArray<{ id?: string; lines: ReadonlyArray<{ id?: string }> }>,
): Promise<void> {
  if ((await selectIdsOfOtherQuotes(tx, quoteId, jobs)).length > 0) {
    throw fieldError('jobs', 'Ces lignes appartiennent à un autre devis.');
  }
}

export async function listQuotes(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof QuoteListQuerySchema>,
): Promise<{ items: QuoteSummary[]; nextCursor: string | null }> {
  requireRole(actor, READERS);
  const terms = toPlateAwareTerms(query.q ?? '');
  const items = await selectQuotePage(deps.db, {
    search: quoteSearchFilter(terms),
    status: query.status,
    clientId: query.clientId,
    vehicleId: query.vehicleId,
    cursor: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** For the alerts' labels, inside their transaction: no actor, the caller has checked access. */
export function readQuote(db: Executor, id: string): Promise<Quote | undefined> {
  return selectQuoteById(db, id);
}

/**
 * For repair orders, inside their transaction: extra work the customer refused, kept on the
 * vehicle with the lines quotes did not sell ("travaux à prévoir"), once per line.
 */
export function keepRefusedRepairWork(
  db: Executor,
  rows: ReadonlyArray<{
    vehicleId: string;
    repairOrderId: string;
    repairOrderLineId: string;
    quoteId: string | null;
    description: string;
    amountExclVatCents: number;
    createdAt: Date;
  }>,
): Promise<void> {
  return insertDeclinedWork(db, [...rows]);
}

/** For the dashboard read model: no actor, the caller has checked access. */
export function listQuotesAwaiting(deps: Pick<Deps, 'db'>, limit: number): Promise<QuoteSummary[]> {
  return selectQuotesAwaiting(deps.db, limit);
}

export async function getQuote(deps: Deps, actor: Actor, id: string): Promise<Quote> {
  requireRole(actor, READERS);
  return requireQuote(deps.db, id);
}

/** A frozen earlier revision, or the current one. */
export async function getQuoteRevision(
  deps: Deps,
  actor: Actor,
  id: string,
  revision: number,
): Promise<Quote> {
  requireRole(actor, READERS);
  const quote = await requireQuote(deps.db, id);
  if (revision === quote.revision) return quote;
  const frozen = await selectRevision(deps.db, id, revision);
  if (!frozen) throw new AppError('not_found', "Cette révision du devis n'existe pas.");
  return frozen;
}

export async function createQuote(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof QuoteCreateSchema>,
): Promise<Quote> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    await checkParties(tx, input.clientId, input.vehicleId);
    await checkOwnIds(tx, null, input.jobs);
    const settings = await readSettings(tx);
    const validUntil =
      input.validUntil ?? addDays(todayInParis(deps.now()), settings.quoteValidityDays);
    const id = await insertQuote(tx, {
      clientId: input.clientId,
      vehicleId: input.vehicleId,
      mileageKm: input.mileageKm,
      status: 'draft',
      validUntil,
      notes: input.notes,
      vatExempt: settings.vatExempt,
      createdAt: deps.now(),
      updatedAt: deps.now(),
      createdById: actor.id,
      createdByName: actor.name,
      searchText: buildQuoteSearchText({ number: null, jobs: input.jobs }),
    });
    const totals = await replaceQuoteJobs(tx, id, input.jobs, settings.vatExempt);
    await updateQuoteVersioned(tx, id, 1, totals, deps.now());
    return recordQuote(tx, record, id, 'created');
  });
}

/** Only a draft can be edited: a sent quote is locked and is revised instead. */
export async function updateQuote(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof QuoteUpdateSchema>,
): Promise<Quote> {
  requireRole(actor, WRITERS);
  const { version, jobs, ...changes } = patch;
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await requireQuote(tx, id);
    if (current.version !== version)
      throw await staleVersionError(tx, 'quote', current.id, current);
    const locked = checkEditable(current);
    if (locked) throw locked;
    const vehicleId = changes.vehicleId === undefined ? current.vehicleId : changes.vehicleId;
    await checkParties(tx, current.clientId, vehicleId);
    if (jobs) await checkOwnIds(tx, id, jobs);
    const totals = jobs ? await replaceQuoteJobs(tx, id, jobs, current.vatExempt) : {};
    const searchText = buildQuoteSearchText({ number: current.number, jobs: jobs ?? current.jobs });
    const isApplied = await updateQuoteVersioned(
      tx,
      id,
      version,
      { ...changes, ...totals, searchText },
      deps.now(),
    );
    if (!isApplied) throw await staleVersionError(tx, 'quote', current.id, current);
    return recordQuote(tx, record, id, 'updated');
  });
}

function jobsOf(quote: Quote, withIds: boolean): JobValues[] {
  return quote.jobs.map((job) => ({
    ...(withIds ? { id: job.id } : {}),
    title: job.title,
    lines: job.lines.map(({ id, totalExclVatCents: _, accepted, ...line }) => ({
      ...line,
      ...(withIds ? { id, accepted } : {}),
    })),
  }));
}

export async function duplicateQuote(deps: Deps, actor: Actor, id: string): Promise<Quote> {
  requireRole(actor, WRITERS);
  const source = await requireQuote(deps.db, id);
  const copy = QuoteCreateSchema.parse({
    clientId: source.clientId,
    vehicleId: source.vehicleId,
    mileageKm: source.mileageKm,
    jobs: jobsOf(source, false),
    notes: source.notes,
  });
  return createQuote(deps, actor, copy);
}

export { emailQuote, listQuoteEmails } from './quotes.email';
export { expireDueQuotes, keepQuoteDeclinedWork, transitionQuote } from './quotes.transitions';
