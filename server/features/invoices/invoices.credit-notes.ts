import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { getOperationCategory } from '../../../domain/invoice/from-repair-order';
import type {
  CreditNoteCreateSchema,
  Invoice,
  InvoiceContent,
} from '../../../domain/schemas/invoice';
import { requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { insertDraft } from './invoices.creation';
import { fieldError, lockAndRead, recordInvoice } from './invoices.records';
import { type LineValues, selectCreditedQuantities } from './invoices.repo';

/*
 * Credit notes (avoirs, decision 0017 "Server"): a mistake on an issued invoice is corrected by
 * one, for all of it or some lines, never beyond what is left. Reached through
 * invoices.service.ts.
 */

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
      // A deposit has no service date; what its credit note corrects happened on its issue.
      serviceDate: invoice.serviceDate ?? invoice.issueDate,
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
