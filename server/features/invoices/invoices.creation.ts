import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import {
  buildInvoiceDraftFromRepairOrder,
  getOperationCategory,
} from '../../../domain/invoice/from-repair-order';
import { toInvoiceBuyer, toInvoiceSeller } from '../../../domain/invoice/snapshots';
import type {
  Invoice,
  InvoiceContent,
  InvoiceCreateSchema,
  InvoiceLine,
  InvoiceVehicle,
} from '../../../domain/schemas/invoice';
import type { Quote } from '../../../domain/schemas/quote';
import type { RepairOrder } from '../../../domain/schemas/repair-order';
import { requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { readQuote } from '../quotes/quotes.service';
import { findRepairOrderOfQuote, readRepairOrder } from '../repair-orders/repair-orders.service';
import { readSettings } from '../settings/settings.service';
import { readVehicle } from '../vehicles/vehicles.service';
import { fieldError, recordInvoice, toContentColumns } from './invoices.records';
import {
  insertInvoice,
  type LineValues,
  lockInvoicingOf,
  replaceInvoiceLines,
  selectFinalInvoiceOf,
} from './invoices.repo';

/*
 * Making a draft (decision 0017, "Server"): from a handed-back OR, from an accepted quote sold
 * over the counter, or a deposit on either. Nothing is numbered here: the number is taken on
 * issue. Reached through invoices.service.ts; credit notes are invoices.credit-notes.ts.
 */

type CreateInput = z.output<typeof InvoiceCreateSchema>;

/** No payment terms of their own in the settings yet: the late-penalty rate is the editor's. */
const LATE_PENALTY_RATE_BP: number | null = null;

async function requireClient(tx: Executor, id: string, path: string) {
  const client = await readClient(tx, id);
  if (!client) throw fieldError(path, 'Le client de cette facture est introuvable.');
  return client;
}

async function requireOrder(tx: Executor, id: string, now: Date): Promise<RepairOrder> {
  const order = await readRepairOrder(tx, id, now);
  if (!order) throw fieldError('repairOrderId', 'Cet ordre de réparation est introuvable.');
  return order;
}

async function requireAcceptedQuote(tx: Executor, id: string): Promise<Quote> {
  const quote = await readQuote(tx, id);
  if (!quote) throw fieldError('quoteId', 'Ce devis est introuvable.');
  if (quote.status !== 'accepted' && quote.status !== 'partially_accepted') {
    throw new AppError('quote_not_accepted', 'Seul un devis accepté se facture.', {
      status: quote.status,
    });
  }
  return quote;
}

async function checkNoFinalInvoice(
  tx: Executor,
  origin: { repairOrderId: string } | { quoteId: string },
): Promise<void> {
  await lockInvoicingOf(tx, 'repairOrderId' in origin ? origin.repairOrderId : origin.quoteId);
  const existing = await selectFinalInvoiceOf(tx, origin);
  if (existing) {
    throw new AppError(
      'invoice_exists',
      existing.number
        ? `Cet élément est déjà facturé : ${existing.number}.`
        : 'Une facture brouillon existe déjà pour cet élément.',
      { invoiceId: existing.id, number: existing.number },
    );
  }
}

/** A deposit comes before the final invoice: once that is issued, nothing would deduct it. */
async function checkNotInvoiced(
  tx: Executor,
  origin: { repairOrderId: string } | { quoteId: string },
): Promise<void> {
  const existing = await selectFinalInvoiceOf(tx, origin);
  if (existing?.number) {
    throw new AppError(
      'invoice_exists',
      `La facture ${existing.number} est émise : un acompte ne s’y déduirait plus.`,
      { invoiceId: existing.id, number: existing.number },
    );
  }
}

async function vehicleOfQuote(tx: Executor, quote: Quote): Promise<InvoiceVehicle | null> {
  if (!quote.vehicleId) return null;
  const vehicle = await readVehicle(tx, quote.vehicleId);
  return {
    vehicleId: quote.vehicleId,
    plate: quote.vehiclePlate ?? vehicle?.plate ?? '',
    mileageKm: quote.mileageKm,
    label: [vehicle?.make, vehicle?.model].filter(Boolean).join(' ') || null,
  };
}

/** What the customer accepted of the quote, as invoice lines (a part is new unless edited). */
function acceptedLinesOf(quote: Quote): InvoiceLine[] {
  return quote.jobs.flatMap((job) =>
    job.lines
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
        partCondition: line.kind === 'part' ? ('new' as const) : null,
      })),
  );
}

async function draftFromQuote(tx: Executor, quote: Quote, today: string): Promise<InvoiceContent> {
  const settings = await readSettings(tx);
  const client = await requireClient(tx, quote.clientId, 'quoteId');
  const lines = acceptedLinesOf(quote);
  return {
    kind: 'invoice',
    seller: toInvoiceSeller(
      { company: settings.company, vatExempt: quote.vatExempt },
      { vatOnDebits: false },
    ),
    buyer: toInvoiceBuyer(client),
    vehicle: await vehicleOfQuote(tx, quote),
    // Sold over the counter: delivered the day the draft is made, unless the editor says not.
    serviceDate: today,
    operationCategory: getOperationCategory(lines),
    lines,
    payment: {
      dueDate: null,
      terms: settings.paymentTerms,
      latePenaltyRateBp: LATE_PENALTY_RATE_BP,
      earlyPaymentDiscount: null,
    },
    corrects: null,
    deductedDeposits: [],
    origin: {
      repairOrderId: null,
      repairOrderNumber: null,
      quoteId: quote.id,
      quoteNumber: quote.number,
    },
    note: null,
  };
}

/** A deposit asked on an OR or an accepted quote: the lines the counter typed, no service date. */
async function draftDeposit(
  tx: Executor,
  input: Extract<CreateInput, { kind: 'deposit' }>,
  now: Date,
): Promise<InvoiceContent> {
  const settings = await readSettings(tx);
  const payment = {
    dueDate: todayInParis(now),
    terms: settings.paymentTerms,
    latePenaltyRateBp: LATE_PENALTY_RATE_BP,
    earlyPaymentDiscount: null,
  };
  const common = {
    kind: 'deposit' as const,
    serviceDate: null,
    operationCategory: getOperationCategory(input.lines),
    lines: input.lines,
    payment,
    corrects: null,
    deductedDeposits: [],
    note: null,
  };
  if (input.repairOrderId) {
    const order = await requireOrder(tx, input.repairOrderId, now);
    await checkNotInvoiced(tx, { repairOrderId: order.id });
    const client = await requireClient(tx, order.clientId, 'repairOrderId');
    return {
      ...common,
      seller: toInvoiceSeller(
        { company: settings.company, vatExempt: order.vatExempt },
        { vatOnDebits: false },
      ),
      buyer: toInvoiceBuyer(client),
      vehicle: {
        vehicleId: order.vehicleId,
        plate: order.vehiclePlate,
        mileageKm: order.checkIn.mileageKm,
        label: order.vehicleLabel || null,
      },
      origin: {
        repairOrderId: order.id,
        repairOrderNumber: order.number,
        quoteId: order.quoteId,
        quoteNumber: order.quoteNumber,
      },
    };
  }
  const quote = await requireAcceptedQuote(tx, input.quoteId ?? '');
  await checkNotInvoiced(tx, { quoteId: quote.id });
  const client = await requireClient(tx, quote.clientId, 'quoteId');
  return {
    ...common,
    seller: toInvoiceSeller(
      { company: settings.company, vatExempt: quote.vatExempt },
      { vatOnDebits: false },
    ),
    buyer: toInvoiceBuyer(client),
    vehicle: await vehicleOfQuote(tx, quote),
    origin: {
      repairOrderId: null,
      repairOrderNumber: null,
      quoteId: quote.id,
      quoteNumber: quote.number,
    },
  };
}

async function draftOf(tx: Executor, input: CreateInput, now: Date): Promise<InvoiceContent> {
  if ('kind' in input) return draftDeposit(tx, input, now);
  if ('repairOrderId' in input) {
    const order = await requireOrder(tx, input.repairOrderId, now);
    if (order.status !== 'handed_back') {
      throw new AppError('repair_order_not_closed', undefined, { status: order.status });
    }
    await checkNoFinalInvoice(tx, { repairOrderId: order.id });
    // Its quote may have been invoiced over the counter before the OR was opened from it.
    if (order.quoteId) await checkNoFinalInvoice(tx, { quoteId: order.quoteId });
    const settings = await readSettings(tx);
    const client = await requireClient(tx, order.clientId, 'repairOrderId');
    return buildInvoiceDraftFromRepairOrder({
      order,
      client,
      settings,
      vatOnDebits: false,
      latePenaltyRateBp: LATE_PENALTY_RATE_BP,
    });
  }
  const quote = await requireAcceptedQuote(tx, input.quoteId);
  const order = await findRepairOrderOfQuote(tx, quote.id);
  if (order) {
    throw new AppError(
      'quote_already_ordered',
      `Ce devis a l’OR ${order.number} : facturez l’ordre de réparation.`,
      { repairOrderId: order.id, number: order.number },
    );
  }
  await checkNoFinalInvoice(tx, { quoteId: quote.id });
  return draftFromQuote(tx, quote, todayInParis(now));
}

export async function insertDraft(
  tx: Executor,
  actor: Actor,
  now: Date,
  content: InvoiceContent,
  lines: readonly LineValues[] = content.lines,
): Promise<string> {
  const id = await insertInvoice(tx, {
    ...toContentColumns(content),
    kind: content.kind,
    status: 'draft',
    seller: content.seller,
    buyer: content.buyer,
    payment: content.payment,
    operationCategory: content.operationCategory,
    createdById: actor.id,
    createdByName: actor.name,
    createdAt: now,
    updatedAt: now,
  });
  await replaceInvoiceLines(tx, id, lines);
  return id;
}

export async function createInvoice(
  deps: Deps,
  actor: Actor,
  input: CreateInput,
): Promise<Invoice> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const now = deps.now();
    const content = await draftOf(tx, input, now);
    const id = await insertDraft(tx, actor, now, content);
    return recordInvoice(tx, record, id, 'created');
  });
}
