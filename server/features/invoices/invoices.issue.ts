import { createHash } from 'node:crypto';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { buildCiiInvoice } from '../../../domain/invoice/cii';
import { checkInvoiceCompliance } from '../../../domain/invoice/compliance';
import { toInvoiceIssuedContent } from '../../../domain/journal/contents';
import {
  formatInvoiceNumber,
  getInvoiceNumberPrefix,
  type Invoice,
  type IssuedInvoice,
  isIssuedInvoice,
} from '../../../domain/schemas/invoice';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { appendJournalEntry } from '../journal/journal.service';
import {
  checkDraft,
  checkVersion,
  lockAndRead,
  requireInvoice,
  saveInvoice,
  toContentColumns,
} from './invoices.records';
import {
  lockInvoice,
  lockInvoicingOf,
  selectDepositsToDeduct,
  selectFinalInvoiceOf,
  takeNextInvoiceNumber,
} from './invoices.repo';

/*
 * Issuing (decision 0017, "Server"): the compliance check, the deposits a final invoice
 * deducts, the number and the Paris day, the CII's SHA-256; from then on the invoice is final.
 */

/**
 * A final invoice and the deposits it deducts are issued one after the other (the origin's
 * lock, the one drafts take): the final one sees every deposit issued before it, and a deposit
 * is not issued once its final invoice is, since nothing would deduct it.
 */
async function checkDepositStillDeductible(tx: Executor, invoice: Invoice): Promise<void> {
  if (invoice.kind === 'credit_note') return;
  const { repairOrderId, quoteId } = invoice.origin;
  if (repairOrderId) await lockInvoicingOf(tx, repairOrderId);
  if (quoteId) await lockInvoicingOf(tx, quoteId);
  if (invoice.kind !== 'deposit') return;
  for (const origin of [
    ...(repairOrderId ? [{ repairOrderId }] : []),
    ...(quoteId ? [{ quoteId }] : []),
  ]) {
    const final = await selectFinalInvoiceOf(tx, origin);
    if (final?.number) {
      throw new AppError(
        'invoice_exists',
        `La facture ${final.number} est émise : cet acompte ne s’y déduirait plus.`,
        { invoiceId: final.id, number: final.number },
      );
    }
  }
}

/**
 * Issues a draft. Under the invoice's row lock: the deposits of its OR (or quote) not deducted
 * yet are fixed into it, the mandatory mentions checked (409 `compliance_missing`), and only
 * then the number taken, its sequence row locked until commit, so a refusal or a rollback
 * leaves no gap and concurrent issues are numbered in commit order.
 */
export async function issueInvoice(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<Invoice> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const { invoice: current } = await lockAndRead(tx, id);
    await checkVersion(tx, current, input.version);
    checkDraft(current);
    // A payment of the corrected invoice checks its balance under that row's lock: the credit
    // note is issued before or after it, never while it looks (decision 0018).
    if (current.corrects) await lockInvoice(tx, current.corrects.invoiceId);
    await checkDepositStillDeductible(tx, current);
    const now = deps.now();
    const issueDate = todayInParis(now);
    const deposits =
      current.kind === 'invoice'
        ? await selectDepositsToDeduct(tx, {
            repairOrderId: current.origin.repairOrderId,
            quoteId: current.origin.quoteId,
          })
        : [];
    const content = {
      ...current,
      deductedDeposits: deposits.map((deposit) => ({
        invoiceId: deposit.id,
        number: deposit.number,
        issueDate: deposit.issueDate,
        amountInclVatCents: deposit.grandTotalCents,
      })),
    };
    const missing = checkInvoiceCompliance(content, { issueDate });
    if (missing.length > 0) {
      throw new AppError(
        'compliance_missing',
        `Mentions obligatoires manquantes : ${missing.map((issue) => issue.message).join(', ')}.`,
        { missing },
      );
    }
    const year = Number(issueDate.slice(0, 4));
    const prefix = getInvoiceNumberPrefix(current.kind);
    const number = formatInvoiceNumber(
      current.kind,
      year,
      await takeNextInvoiceNumber(tx, prefix, year),
    );
    const issued: IssuedInvoice = {
      ...content,
      status: 'issued',
      number,
      issueDate,
      issuedAt: now.toISOString(),
    };
    const ciiSha256 = createHash('sha256').update(buildCiiInvoice(issued), 'utf8').digest('hex');
    // Refused once the day is closed (409 `period_closed`), before the number is taken for good.
    // A deposit's credit note gives an advance back: no sale to take off (decision 0018).
    const correctsKind = current.corrects
      ? (await requireInvoice(tx, current.corrects.invoiceId)).kind
      : null;
    const entry = await appendJournalEntry(
      tx,
      deps,
      actor,
      toInvoiceIssuedContent(issued, ciiSha256, correctsKind),
    );
    const saved = await saveInvoice(
      tx,
      deps,
      record,
      current,
      {
        ...toContentColumns(content),
        status: 'issued',
        number,
        issueDate,
        issuedAt: now,
        issuedById: actor.id,
        issuedByName: actor.name,
        ciiSha256,
        journalSeq: entry.seq,
      },
      'transitioned',
    );
    // A credit note lowers what is owed on the invoice it corrects: settled, its overdue alert
    // goes at once (the alerts feature answers; it sits above this one, decision 0010).
    if (current.kind === 'credit_note' && current.corrects) {
      await deps.hooks.invoicePaid(tx, record, { invoiceId: current.corrects.invoiceId, at: now });
    }
    return saved;
  });
}

/** The EN 16931 CII of an issued invoice, built again from what was stored (deterministic). */
export async function readInvoiceCii(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ number: string; xml: string }> {
  requireRole(actor, READERS);
  const invoice = await requireInvoice(deps.db, id);
  if (!isIssuedInvoice(invoice)) {
    throw new AppError('invoice_not_issued', 'Le XML n’existe que pour une facture émise.');
  }
  return { number: invoice.number, xml: buildCiiInvoice(invoice) };
}
