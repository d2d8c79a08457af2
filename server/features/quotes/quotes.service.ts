import type { z } from 'zod';
import { addDays, todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { checkQuoteCompliance } from '../../../domain/quote/compliance';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import { checkEditable, checkTransition } from '../../../domain/quote/transitions';
import {
  formatQuoteNumber,
  QUOTE_STATUS_LABELS,
  type Quote,
  QuoteCreateSchema,
  type QuoteListQuerySchema,
  type QuoteSummary,
  type QuoteTransitionSchema,
  type QuoteUpdateSchema,
} from '../../../domain/schemas/quote';
import { toPlateAwareTerms, toSearchTerms } from '../../../domain/text';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../db/cursor';
import type { Actor, Deps } from '../../deps';
import { type RecordChange, staleVersionError, writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { readSettings } from '../settings/settings.service';
import { noteQuoteMileage, readVehicle } from '../vehicles/vehicles.service';
import {
  clearLineAcceptance,
  expireQuotesDue,
  insertDeclinedWork,
  insertQuote,
  insertRevision,
  type JobValues,
  quoteSearchFilter,
  replaceQuoteJobs,
  selectQuoteById,
  selectQuotePage,
  selectQuotesAwaiting,
  selectQuotesByIds,
  selectRevision,
  takeNextQuoteNumber,
  updateLineAcceptance,
  updateQuoteVersioned,
} from './quotes.repo';

const NOT_FOUND = 'Ce devis est introuvable.';

async function requireQuote(db: Executor, id: string): Promise<Quote> {
  const quote = await selectQuoteById(db, id);
  if (!quote) throw new AppError('not_found', NOT_FOUND);
  return quote;
}

async function recordQuote(
  tx: Executor,
  record: RecordChange,
  id: string,
  action: 'created' | 'updated' | 'transitioned',
): Promise<Quote> {
  const quote = await requireQuote(tx, id);
  record({ entity: 'quote', action, id, data: quote });
  return quote;
}

function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path: [path], code: 'custom', message }]);
}

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

function buildSearchText(quote: { number: string | null; jobs: Array<{ title: string }> }): string {
  return toSearchTerms([quote.number ?? '', ...quote.jobs.map((job) => job.title)].join(' ')).join(
    ' ',
  );
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
    cursor: query.cursor ? decodeCursor(query.cursor) : null,
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
      searchText: buildSearchText({ number: null, jobs: input.jobs }),
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
    const totals = jobs ? await replaceQuoteJobs(tx, id, jobs, current.vatExempt) : {};
    const searchText = buildSearchText({ number: current.number, jobs: jobs ?? current.jobs });
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

type Transition = z.output<typeof QuoteTransitionSchema>;

export async function transitionQuote(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: Transition,
): Promise<Quote> {
  if (actor) requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await requireQuote(tx, id);
    if (current.version !== input.version)
      throw await staleVersionError(tx, 'quote', current.id, current);
    const now = deps.now();
    const today = todayInParis(now);
    const refused = checkTransition(current, input.to, today);
    if (refused) throw refused;
    const values = await buildTransition(tx, actor, current, input, now, today);
    if (!(await updateQuoteVersioned(tx, id, input.version, values, now))) {
      throw await staleVersionError(tx, 'quote', current.id, current);
    }
    return recordQuote(tx, record, id, 'transitioned');
  });
}

async function buildTransition(
  tx: Executor,
  actor: Actor | null,
  current: Quote,
  input: Transition,
  now: Date,
  today: string,
) {
  const lineIds = current.jobs.flatMap((job) => job.lines.map((line) => line.id));
  const decidedBy = {
    decidedAt: now,
    decidedById: actor?.id ?? null,
    decidedByName: actor?.name ?? null,
  };
  switch (input.to) {
    case 'sent': {
      // One after the other: a transaction is one connection.
      const settings = await readSettings(tx);
      const client = await readClient(tx, current.clientId);
      const missing = checkQuoteCompliance({
        settings,
        client: {
          name: current.clientName,
          address: client?.address ?? { street: null, postalCode: null, city: null },
        },
        quote: current,
      });
      if (missing.length > 0) {
        throw new AppError(
          'compliance_missing',
          `Mentions obligatoires manquantes : ${missing.map((issue) => issue.message).join(', ')}.`,
          { missing },
        );
      }
      const year = Number(today.slice(0, 4));
      const number = current.number ?? formatQuoteNumber(year, await takeNextQuoteNumber(tx, year));
      if (current.vehicleId && current.mileageKm !== null) {
        await noteQuoteMileage(tx, {
          vehicleId: current.vehicleId,
          date: today,
          km: current.mileageKm,
        });
      }
      const { exclVatCents, vatCents, inclVatCents } = computeQuoteTotals({
        jobs: current.jobs,
        vatExempt: settings.vatExempt,
      });
      return {
        status: 'sent' as const,
        number,
        sentAt: now,
        // The VAT regime printed is the company's on the day the quote is sent.
        vatExempt: settings.vatExempt,
        exclVatCents,
        vatCents,
        inclVatCents,
        searchText: buildSearchText({ number, jobs: current.jobs }),
      };
    }
    case 'draft': {
      // Revision: freeze what was sent, open the next revision under the same number.
      await insertRevision(tx, current.id, current.revision, current);
      await clearLineAcceptance(tx, current.id);
      return {
        status: 'draft' as const,
        revision: current.revision + 1,
        sentAt: null,
        decidedAt: null,
        decisionChannel: null,
        decisionSignerName: null,
        decisionReason: null,
        decidedById: null,
        decidedByName: null,
        acceptedExclVatCents: null,
      };
    }
    case 'accepted':
    case 'partially_accepted': {
      if (!input.channel)
        throw fieldError('channel', 'Indiquez comment le client a donné son accord.');
      if (input.channel === 'signature' && !input.signerName) {
        throw fieldError('signerName', 'Indiquez le nom du signataire.');
      }
      let accepted: string[] | 'all' = 'all';
      if (input.to === 'partially_accepted') {
        const chosen = new Set(input.acceptedLineIds ?? []);
        if ([...chosen].some((lineId) => !lineIds.includes(lineId))) {
          throw fieldError('acceptedLineIds', 'Ces lignes ne sont pas sur ce devis.');
        }
        if (chosen.size === 0 || chosen.size === lineIds.length) {
          throw fieldError(
            'acceptedLineIds',
            'Un accord partiel porte sur une partie des lignes : choisissez-en au moins une, pas toutes.',
          );
        }
        accepted = [...chosen];
        if (input.keepDeclinedWork) {
          await keepDeclinedWork(tx, current, (lineId) => !chosen.has(lineId), now);
        }
      }
      await updateLineAcceptance(tx, current.id, accepted);
      const lines = current.jobs.flatMap((job) => job.lines);
      const acceptedExclVatCents =
        accepted === 'all'
          ? current.totals.exclVatCents
          : lines
              .filter((line) => accepted.includes(line.id))
              .reduce((sum, line) => sum + line.totalExclVatCents, 0);
      return {
        status: input.to,
        acceptedExclVatCents,
        decisionChannel: input.channel,
        decisionSignerName: input.signerName,
        decisionReason: null,
        ...decidedBy,
      };
    }
    case 'refused': {
      await updateLineAcceptance(tx, current.id, 'none');
      if (input.keepDeclinedWork) await keepDeclinedWork(tx, current, () => true, now);
      return {
        status: 'refused' as const,
        decisionChannel: input.channel ?? 'in_person',
        decisionSignerName: input.signerName,
        decisionReason: input.reason,
        ...decidedBy,
      };
    }
    case 'expired': {
      if (input.keepDeclinedWork) await keepDeclinedWork(tx, current, () => true, now);
      return { status: 'expired' as const };
    }
  }
}

async function keepDeclinedWork(
  tx: Executor,
  quote: Quote,
  isDeclined: (lineId: string) => boolean,
  now: Date,
): Promise<void> {
  if (!quote.vehicleId) {
    throw fieldError(
      'keepDeclinedWork',
      'Ce devis n’a pas de véhicule : rien à garder en travaux à prévoir.',
    );
  }
  const vehicleId = quote.vehicleId;
  await insertDeclinedWork(
    tx,
    quote.jobs.flatMap((job) =>
      job.lines
        .filter((line) => isDeclined(line.id))
        .map((line) => ({
          vehicleId,
          quoteId: quote.id,
          quoteLineId: line.id,
          description: `${job.title} — ${line.description}`,
          amountExclVatCents: line.totalExclVatCents,
          createdAt: now,
        })),
    ),
  );
}

/**
 * "Travaux à prévoir" from a quote already refused, expired or partly accepted: every line the
 * client did not accept goes onto the vehicle (once), to be proposed again later.
 */
export async function keepQuoteDeclinedWork(deps: Deps, actor: Actor, id: string): Promise<Quote> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const quote = await requireQuote(tx, id);
    if (!['refused', 'expired', 'partially_accepted'].includes(quote.status)) {
      throw new AppError(
        'invalid_transition',
        'Seuls les travaux d’un devis refusé, expiré ou accepté en partie peuvent être gardés.',
        { from: quote.status, to: 'declined_work' },
      );
    }
    await keepDeclinedWork(tx, quote, (lineId) => !acceptedLineIds(quote).has(lineId), deps.now());
    const vehicle = await readVehicle(tx, quote.vehicleId!);
    if (vehicle) record({ entity: 'vehicle', action: 'updated', id: vehicle.id, data: vehicle });
    return quote;
  });
}

function acceptedLineIds(quote: Quote): Set<string> {
  return new Set(
    quote.jobs.flatMap((job) => job.lines.filter((line) => line.accepted).map((line) => line.id)),
  );
}

/**
 * Sent quotes past the end of their last valid day (Europe/Paris) expire by themselves: set-based,
 * a transaction per batch, each expired quote broadcast.
 */
export async function expireDueQuotes(deps: Deps): Promise<number> {
  const today = todayInParis(deps.now());
  let expired = 0;
  for (;;) {
    const count = await writeWithChanges(deps, null, async (tx, record) => {
      const ids = await expireQuotesDue(tx, today, deps.now(), 500);
      for (const quote of await selectQuotesByIds(tx, ids)) {
        record({ entity: 'quote', action: 'transitioned', id: quote.id, data: quote });
      }
      return ids.length;
    });
    expired += count;
    if (count < 500) return expired;
  }
}
