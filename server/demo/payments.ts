import { addDays, todayInParis } from '../../domain/dates';
import type { Actor, Deps } from '../deps';
import { createInvoice, issueInvoice, updateInvoice } from '../features/invoices/invoices.service';
import { createPayment, getInvoiceBalance, openTill } from '../features/payments/payments.service';

/**
 * The demo's money (decision 0018): the OR handed back today invoiced and issued, part of it
 * paid by card at the counter, the till open with its morning float; the rest stays due, so
 * the dashboard and the client's account have something to show.
 */
export async function seedInvoicesAndPayments(
  deps: Deps,
  actor: Actor,
  handedBackIds: readonly string[],
): Promise<void> {
  await openTill(deps, actor, { openingFloatCents: 15_000 });
  const today = todayInParis(deps.now());
  for (const repairOrderId of handedBackIds) {
    const draft = await createInvoice(deps, actor, { repairOrderId });
    const ready = await updateInvoice(deps, actor, draft.id, {
      version: draft.version,
      payment: { dueDate: addDays(today, 30), latePenaltyRateBp: 1215 },
    });
    const issued = await issueInvoice(deps, actor, ready.id, { version: ready.version });
    const { balanceCents } = await getInvoiceBalance(deps, actor, issued.id);
    const deposit = Math.min(10_000, balanceCents);
    if (deposit <= 0) continue;
    await createPayment(deps, actor, {
      method: 'card',
      amountCents: deposit,
      receivedOn: today,
      reference: 'Ticket CB 0042',
      note: 'Acompte à la restitution, le reste au virement.',
      clientId: null,
      allocations: [{ invoiceId: issued.id, amountCents: deposit }],
    });
  }
}
