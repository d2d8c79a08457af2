import { createHash } from 'node:crypto';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { buildCiiInvoice } from '../../../domain/invoice/cii';
import { checkInvoiceCompliance } from '../../../domain/invoice/compliance';
import {
  formatInvoiceNumber,
  getInvoiceNumberPrefix,
  type Invoice,
  type IssuedInvoice,
  isIssuedInvoice,
} from '../../../domain/schemas/invoice';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import {
  checkDraft,
  checkVersion,
  lockAndRead,
  requireInvoice,
  saveInvoice,
  toContentColumns,
} from './invoices.records';
import { selectDepositsToDeduct, takeNextInvoiceNumber } from './invoices.repo';

/*
 * Issuing (decision 0017, "Server"): the compliance check, the deposits a final invoice
 * deducts, the number and the Paris day, the CII's SHA-256; from then on the invoice is final.
 */

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
    return saveInvoice(
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
        ciiSha256: createHash('sha256').update(buildCiiInvoice(issued), 'utf8').digest('hex'),
      },
      'transitioned',
    );
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
