import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import type {
  ClientBalance,
  InvoiceBalance,
  Payment,
  PaymentListQuerySchema,
} from '../../../domain/schemas/payment';
import { READERS, requireRole } from '../../access';
import type { Actor, Deps } from '../../deps';
import { readClient } from '../clients/clients.service';
import { toPayments } from './payments.records';
import {
  type InvoiceBalanceRow,
  selectClientCredit,
  selectClientInvoiceBalances,
  selectInvoiceBalances,
  selectPaymentsOfClient,
  selectPaymentsOfInvoice,
} from './payments.repo';

/*
 * Payments, refunds, balances and the till (decision 0018): the lists and the balances here;
 * taking a payment is payments.create.ts, a refund payments.refund.ts, the till
 * payments.till.ts, all exported from here: the routes (and any feature above) import this file.
 */

export async function listPayments(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: z.output<typeof PaymentListQuerySchema>,
): Promise<Payment[]> {
  requireRole(actor, READERS);
  const rows = query.invoiceId
    ? await selectPaymentsOfInvoice(deps.db, query.invoiceId)
    : await selectPaymentsOfClient(deps.db, query.clientId!);
  return toPayments(deps.db, rows);
}

/**
 * What is left due: the amount payable less the issued credit notes against it and the
 * allocations (refunds' negative ones give back). Overdue once its due date (Paris) has passed.
 */
function toInvoiceBalance(row: InvoiceBalanceRow, today: string): InvoiceBalance {
  const balanceCents = row.duePayableCents - row.creditedCents - row.paidCents;
  return {
    invoiceId: row.id,
    number: row.number!,
    issueDate: row.issueDate!,
    dueDate: row.dueDate,
    duePayableCents: row.duePayableCents,
    creditedCents: row.creditedCents,
    paidCents: row.paidCents,
    balanceCents,
    isOverdue: balanceCents > 0 && row.dueDate !== null && row.dueDate < today,
  };
}

export async function getInvoiceBalance(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  invoiceId: string,
): Promise<InvoiceBalance> {
  requireRole(actor, READERS);
  const [row] = await selectInvoiceBalances(deps.db, [invoiceId]);
  if (!row) throw new AppError('not_found', 'Cette facture est introuvable.');
  if (row.status !== 'issued') throw new AppError('invoice_not_issued');
  if (row.kind === 'credit_note') {
    throw new AppError('validation_failed', 'Un avoir n’a pas de solde : il se rembourse.');
  }
  return toInvoiceBalance(row, todayInParis(deps.now()));
}

/** The client's open invoices (a balance left), oldest first, and the credit it has. */
export async function getClientBalance(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  clientId: string,
): Promise<ClientBalance> {
  requireRole(actor, READERS);
  if (!(await readClient(deps.db, clientId))) {
    throw new AppError('not_found', 'Ce client est introuvable.');
  }
  const today = todayInParis(deps.now());
  const open = (await selectClientInvoiceBalances(deps.db, clientId))
    .map((row) => toInvoiceBalance(row, today))
    .filter((balance) => balance.balanceCents > 0);
  return {
    clientId,
    invoices: open,
    balanceDueCents: open.reduce((sum, balance) => sum + balance.balanceCents, 0),
    overdueCents: open
      .filter((balance) => balance.isOverdue)
      .reduce((sum, balance) => sum + balance.balanceCents, 0),
    creditCents: await selectClientCredit(deps.db, clientId),
  };
}

export { allocateCredit } from './payments.allocate';
export { createPayment } from './payments.create';
export { refundPayment } from './payments.refund';
export { countTill, getOpenTill, moveCash, openTill } from './payments.till';
