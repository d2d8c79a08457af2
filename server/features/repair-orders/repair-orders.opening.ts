import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import type { Quote } from '../../../domain/schemas/quote';
import {
  formatRepairOrderNumber,
  type RepairOrder,
  type RepairOrderCreateSchema,
} from '../../../domain/schemas/repair-order';
import { requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { readQuote } from '../quotes/quotes.service';
import { readSettings } from '../settings/settings.service';
import { readVehicle } from '../vehicles/vehicles.service';
import {
  checkOwnIds,
  checkTechnicians,
  fieldError,
  recordRepairOrder,
  technicianFields,
} from './repair-orders.records';
import {
  insertRepairOrder,
  insertRepairOrderJobs,
  type JobValues,
  selectRepairOrderOfQuote,
  takeNextRepairOrderNumber,
} from './repair-orders.repo';

/*
 * Opening an OR: from an accepted or partly accepted quote (its accepted lines, its client and
 * vehicle), or directly for a walk-in or a warranty job. Reached through repair-orders.service.ts.
 */

/** The client must be active and the vehicle theirs and not archived; `paths` name the fields. */
async function checkParties(
  db: Executor,
  clientId: string,
  vehicleId: string,
  paths: { client: string; vehicle: string },
) {
  const client = await readClient(db, clientId);
  if (!client || client.archivedAt) {
    throw fieldError(paths.client, 'Ce client est introuvable ou archivé.');
  }
  const vehicle = await readVehicle(db, vehicleId);
  if (!vehicle || vehicle.archivedAt)
    throw fieldError(paths.vehicle, 'Ce véhicule est introuvable.');
  if (vehicle.clientId !== clientId) {
    throw fieldError(paths.vehicle, "Ce véhicule n'appartient plus à ce client.");
  }
}

/** What the customer accepted of the quote: its accepted lines, in their jobs. */
function acceptedWorkOf(quote: Quote): JobValues[] {
  return quote.jobs
    .map((job) => ({
      title: job.title,
      technicianId: null,
      lines: job.lines
        .filter((line) => line.accepted === true)
        .map((line) => ({
          kind: line.kind,
          description: line.description,
          reference: line.reference,
          quantity: line.quantity,
          unit: line.unit,
          unitPriceCents: line.unitPriceCents,
          vatRateBp: line.vatRateBp,
          discountBp: line.discountBp,
          piecCategory: null,
          piecChoice: null,
          // What a quote prices is a new part unless the counter records otherwise.
          partCondition: line.kind === 'part' ? ('new' as const) : null,
          quoteLineId: line.id,
        })),
    }))
    .filter((job) => job.lines.length > 0);
}

type Opening = {
  origin: RepairOrder['origin'];
  clientId: string;
  vehicleId: string;
  quoteId: string | null;
  vatExempt: boolean;
  jobs: JobValues[];
  values: {
    technicianId: string | null;
    promisedAt: string | null;
    notes?: string | null;
    mileageKm?: number | null;
    fuelLevel?: RepairOrder['checkIn']['fuelLevel'];
    damage?: string | null;
    checkInNotes?: string | null;
    keysTag?: string | null;
  };
};

async function readOpening(
  tx: Executor,
  input: z.output<typeof RepairOrderCreateSchema>,
): Promise<Opening> {
  if ('quoteId' in input) {
    const quote = await readQuote(tx, input.quoteId);
    if (!quote) throw fieldError('quoteId', 'Ce devis est introuvable.');
    if (quote.status !== 'accepted' && quote.status !== 'partially_accepted') {
      throw new AppError(
        'quote_not_accepted',
        'Seul un devis accepté, en tout ou en partie, devient un ordre de réparation.',
        { status: quote.status },
      );
    }
    if (!quote.vehicleId) throw fieldError('quoteId', 'Ce devis n’a pas de véhicule.');
    await checkParties(tx, quote.clientId, quote.vehicleId, {
      client: 'quoteId',
      vehicle: 'quoteId',
    });
    return {
      origin: 'quote',
      clientId: quote.clientId,
      vehicleId: quote.vehicleId,
      quoteId: quote.id,
      vatExempt: quote.vatExempt,
      jobs: acceptedWorkOf(quote),
      values: { technicianId: input.technicianId, promisedAt: input.promisedAt },
    };
  }
  await checkParties(tx, input.clientId, input.vehicleId, {
    client: 'clientId',
    vehicle: 'vehicleId',
  });
  await checkOwnIds(tx, null, input.jobs);
  const { origin, clientId, vehicleId, jobs, ...values } = input;
  const settings = await readSettings(tx);
  return {
    origin,
    clientId,
    vehicleId,
    quoteId: null,
    vatExempt: settings.vatExempt,
    jobs,
    values,
  };
}

/**
 * Opens an OR, numbered now. The number is taken once the inputs are checked, and the year's
 * sequence row stays locked until commit: openings queue there, so the check that a quote has
 * no OR yet, made after it, sees the one committed just before (no unique-index 500).
 */
export async function createRepairOrder(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof RepairOrderCreateSchema>,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const opening = await readOpening(tx, input);
    await checkTechnicians(tx, technicianFields({ ...opening.values, jobs: opening.jobs }));
    const now = deps.now();
    const year = Number(todayInParis(now).slice(0, 4));
    const number = formatRepairOrderNumber(year, await takeNextRepairOrderNumber(tx, year));
    if (opening.quoteId) {
      const existing = await selectRepairOrderOfQuote(tx, opening.quoteId);
      if (existing) {
        throw new AppError('quote_already_ordered', `Ce devis a déjà l’OR ${existing.number}.`, {
          repairOrderId: existing.id,
          number: existing.number,
        });
      }
    }
    const { promisedAt, ...values } = opening.values;
    const id = await insertRepairOrder(tx, {
      ...values,
      number,
      status: 'todo',
      origin: opening.origin,
      clientId: opening.clientId,
      vehicleId: opening.vehicleId,
      quoteId: opening.quoteId,
      promisedAt: promisedAt ? new Date(promisedAt) : null,
      vatExempt: opening.vatExempt,
      createdById: actor.id,
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
    });
    await insertRepairOrderJobs(tx, id, opening.jobs, { amendmentId: null, firstPosition: 0 });
    return recordRepairOrder(tx, deps, record, id, 'created');
  });
}
