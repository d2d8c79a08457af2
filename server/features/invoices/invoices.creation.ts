import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import {
  buildInvoiceDraftFromRepairOrder,
  getOperationCategory,
} from '../../../domain/invoice/from-repair-order';
import { toInvoiceBuyer, toInvoiceSeller } from '../../../domain/invoice/snapshots';
import type {
  CreditNoteCreateSchema,
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
import { fieldError, lockAndRead, recordInvoice, toContentColumns } from './invoices.records';
import {
  insertInvoice,
  type LineValues,
  lockInvoicingOf,
  replaceInvoiceLines,
  selectCreditedQuantities,
  selectFinalInvoiceOf,
} from './invoices.repo';

/*
 * Making a draft (decision 0017, "Server"): from a handed-back OR, from an accepted quote sold
 * over the counter, a deposit on either, or a credit note of an issued invoice. Nothing is
 * numbered here: the number is taken on issue. Reached through invoices.service.ts.
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

async function insertDraft(
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

/**
 * A draft credit note of an issued invoice: every line for what is left of it, or the lines
 * asked, never beyond what the credit notes already made of it (drafts included) left. The
 * invoice's row is locked meanwhile, so two credit notes made at once queue.
 */
export async function createCreditNote(
  deps: Deps,
  actor: Actor,
  invoiceId: string,
  input: z.output<typeof CreditNoteCreateSchema>,
): Promise<Invoice> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const { invoice, lines } = await lockAndRead(tx, invoiceId);
    if (invoice.status !== 'issued' || !invoice.number || !invoice.issueDate) {
      throw new AppError('invoice_not_issued', 'Seule une facture émise se corrige par un avoir.');
    }
    if (invoice.kind === 'credit_note') {
      throw fieldError('id', 'Un avoir ne se corrige pas par un autre avoir.');
    }
    const credited = await selectCreditedQuantities(tx, invoice.id, null);
    const remainingOf = (position: number) => {
      const line = lines[position]!;
      return line.quantityMilli - (credited.get(line.id) ?? 0);
    };
    const asked =
      input.lines?.map((line, index) => {
        if (line.position >= lines.length) {
          throw fieldError(`lines.${index}.position`, 'Cette ligne n’existe pas sur la facture.');
        }
        return {
          position: line.position,
          quantityMilli:
            line.quantity === undefined
              ? remainingOf(line.position)
              : Math.round(line.quantity * 1000),
        };
      }) ?? lines.map((_, position) => ({ position, quantityMilli: remainingOf(position) }));
    const positions = asked.map((line) => line.position);
    if (new Set(positions).size !== positions.length) {
      throw fieldError('lines', 'Une ligne de la facture n’est citée qu’une fois.');
    }
    const over = asked.filter(
      (line) => line.quantityMilli <= 0 || line.quantityMilli > remainingOf(line.position),
    );
    const kept = asked.filter((line) => line.quantityMilli > 0);
    if ((input.lines && over.length > 0) || kept.length === 0) {
      throw new AppError('credit_exceeds_invoice', undefined, {
        lines: (kept.length === 0 ? asked : over).map((line) => ({
          position: line.position,
          remainingQuantity: remainingOf(line.position) / 1000,
        })),
      });
    }
    const creditLines: LineValues[] = kept.map((line) => ({
      ...invoice.lines[line.position]!,
      quantity: line.quantityMilli / 1000,
      creditedLineId: lines[line.position]!.id,
    }));
    const now = deps.now();
    const content: InvoiceContent = {
      kind: 'credit_note',
      seller: invoice.seller,
      buyer: invoice.buyer,
      vehicle: invoice.vehicle,
      serviceDate: invoice.serviceDate,
      operationCategory: getOperationCategory(creditLines),
      lines: creditLines.map(({ creditedLineId: _, ...line }) => line),
      // The refund is due at once.
      payment: { ...invoice.payment, dueDate: todayInParis(now) },
      corrects: { invoiceId: invoice.id, number: invoice.number, issueDate: invoice.issueDate },
      deductedDeposits: [],
      origin: invoice.origin,
      note: input.note,
    };
    const id = await insertDraft(tx, actor, now, content, creditLines);
    return recordInvoice(tx, record, id, 'created');
  });
}
