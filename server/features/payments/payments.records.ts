import { getClientDisplayName } from '../../../domain/client/client-name';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { isPrivateBuyer } from '../../../domain/journal/contents';
import type { Payment } from '../../../domain/schemas/payment';
import type { Executor } from '../../db/client';
import type { Deps } from '../../deps';
import { readClient } from '../clients/clients.service';
import { getClosedThrough, refuseClosedDay } from '../journal/journal.service';
import { type PaymentRow, selectAllocations } from './payments.repo';

/*
 * What payments and refunds share: the row mapped to the API's record, the date checks, who
 * the customer is.
 */

export const PAYMENT_NOT_FOUND = 'Ce paiement est introuvable.';

/** `path` as the form names it: `allocations.0.invoiceId`. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [
    { path: path.split('.'), code: 'custom', message },
  ]);
}

/** The payments as the API returns them, their allocations and client names read in bulk. */
export async function toPayments(db: Executor, rows: readonly PaymentRow[]): Promise<Payment[]> {
  const allocations = await selectAllocations(
    db,
    rows.map((row) => row.id),
  );
  const names = new Map<string, string | null>();
  for (const clientId of new Set(rows.flatMap((row) => (row.clientId ? [row.clientId] : [])))) {
    const client = await readClient(db, clientId);
    names.set(clientId, client ? getClientDisplayName(client) : null);
  }
  return rows.map((row) => {
    const own = allocations.filter((line) => line.paymentId === row.id);
    const allocated = own.reduce((sum, line) => sum + line.amountCents, 0);
    return {
      id: row.id,
      kind: row.kind,
      method: row.method,
      amountCents: row.amountCents,
      receivedOn: row.receivedOn,
      reference: row.reference,
      note: row.note,
      clientId: row.clientId,
      clientName: row.clientId ? (names.get(row.clientId) ?? null) : null,
      allocations: own.map(({ invoiceId, invoiceNumber, amountCents }) => ({
        invoiceId,
        invoiceNumber,
        amountCents,
      })),
      unallocatedCents: row.amountCents - allocated,
      refundsPaymentId: row.refundsPaymentId,
      tillSessionId: row.tillSessionId,
      journalSeq: row.journalSeq,
      createdAt: row.createdAt.toISOString(),
      createdByName: row.createdByName,
    };
  });
}

/**
 * The day the money changed hands: not after today in Paris (400 at `receivedOn`), nor in a
 * closed period (409 `period_closed`): a closed day's totals are final.
 */
export async function checkReceivedOn(
  tx: Executor,
  deps: Pick<Deps, 'now'>,
  receivedOn: string,
): Promise<void> {
  if (receivedOn > todayInParis(deps.now())) {
    throw fieldError('receivedOn', 'La date d’encaissement ne peut pas être dans le futur.');
  }
  refuseClosedDay(receivedOn, await getClosedThrough(tx));
}

/**
 * A private customer, as the B2C summary and the cash ceiling see one: the buyer printed on the
 * invoice settled, or else the client's record (no SIREN nor VAT number on a person).
 */
export async function isPrivateCustomer(
  tx: Executor,
  buyer: Parameters<typeof isPrivateBuyer>[0] | undefined,
  clientId: string | null,
): Promise<boolean> {
  if (buyer) return isPrivateBuyer(buyer);
  if (!clientId) return true;
  const client = await readClient(tx, clientId);
  return client ? client.kind === 'person' && !client.siret && !client.vatNumber : true;
}
