import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { checkQuoteCompliance } from '../../../domain/quote/compliance';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import { checkTransition } from '../../../domain/quote/transitions';
import {
  formatQuoteNumber,
  type Quote,
  type QuoteTransitionSchema,
} from '../../../domain/schemas/quote';
import { requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { staleVersionError, writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { readSettings } from '../settings/settings.service';
import { noteQuoteMileage, readVehicle } from '../vehicles/vehicles.service';
import { selectQuotesByIds } from './quotes.read.repo';
import { buildQuoteSearchText, fieldError, recordQuote, requireQuote } from './quotes.records';
import {
  clearLineAcceptance,
  expireQuotesDue,
  insertDeclinedWork,
  insertRevision,
  takeNextQuoteNumber,
  updateLineAcceptance,
  updateQuoteVersioned,
} from './quotes.repo';

/*
 * A quote's life after the draft: sent (numbered, locked), accepted in whole or in part,
 * refused, expired, revised; and the work the client declined, kept on the vehicle. Other
 * features and the routes reach these through quotes.service.ts.
 */

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
        searchText: buildQuoteSearchText({ number, jobs: current.jobs }),
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
