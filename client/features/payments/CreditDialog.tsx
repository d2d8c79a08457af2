import { createAsync, useAction } from '@solidjs/router';
import { createEffect, createSignal, For, on } from 'solid-js';
import { formatCentsForInput } from '../../../domain/money';
import type { InvoiceBalance } from '../../../domain/schemas/payment';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { AmountField } from './AmountField';
import { describeCreditError, listPaymentCredits, planCreditUse } from './credit-values';
import { PaymentRefusal } from './PaymentRefusal';
import { type Allocation, allocateOldestFirst, parseAmount } from './payment-values';
import { allocateCredit, getClientPayments } from './payments.api';

/**
 * « Utiliser le crédit »: the client's credit put on its open invoices, the oldest first, each
 * amount editable; no money changes hands, so no method nor date (decision 0018). The payments
 * are read when it opens: the credits are theirs, one request per payment holding credit.
 */
export function CreditDialog(props: {
  open: boolean;
  onClose: () => void;
  clientId: string;
  creditCents: number;
  invoices: readonly InvoiceBalance[];
}) {
  const allocate = useAction(allocateCredit);
  const payments = createAsync(() =>
    props.open ? getClientPayments(props.clientId) : Promise.resolve(undefined),
  );
  const [amounts, setAmounts] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  // Each opening starts afresh from the credit and the balances as they are now.
  createEffect(
    on(
      () => props.open,
      (isOpen) => {
        if (!isOpen) return;
        const { allocations } = allocateOldestFirst(props.invoices, props.creditCents);
        setAmounts(
          Object.fromEntries(
            props.invoices.map((invoice) => {
              const line = allocations.find((one) => one.invoiceId === invoice.invoiceId);
              return [invoice.invoiceId, line ? formatCentsForInput(line.amountCents) : ''];
            }),
          ),
        );
        setErrors({});
        setRefusal(null);
      },
    ),
  );

  /** The amounts typed, or null with the fields' errors shown; an empty field is nothing. */
  function readAmounts(): Allocation[] | null {
    const lines: Allocation[] = [];
    const found: Record<string, string> = {};
    for (const invoice of props.invoices) {
      const text = (amounts()[invoice.invoiceId] ?? '').trim();
      if (!text) continue;
      const parsed = parseAmount(text, { allowZero: true });
      if (!parsed.ok) found[invoice.invoiceId] = parsed.message;
      else if (parsed.cents > invoice.balanceCents) {
        found[invoice.invoiceId] = `Il reste ${formatEuros(invoice.balanceCents)} dû.`;
      } else if (parsed.cents > 0) {
        lines.push({ invoiceId: invoice.invoiceId, amountCents: parsed.cents });
      }
    }
    setErrors(found);
    return Object.keys(found).length > 0 ? null : lines;
  }

  async function submit(event: Event) {
    event.preventDefault();
    setRefusal(null);
    const lines = readAmounts();
    const list = payments();
    if (!lines || !list) return;
    if (lines.length === 0) {
      setRefusal('Indiquez au moins un montant.');
      return;
    }
    const { requests, unplacedCents } = planCreditUse(listPaymentCredits(list), lines);
    if (unplacedCents > 0) {
      setRefusal(
        `${formatEuros(unplacedCents)} de plus que le crédit utilisable (un paiement ne va pas deux fois sur la même facture).`,
      );
      return;
    }
    setBusy(true);
    try {
      for (const request of requests) {
        await allocate(request.paymentId, { allocations: request.allocations });
      }
      const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
      showToast(`Crédit de ${formatEuros(total)} affecté.`);
      props.onClose();
    } catch (caught) {
      setRefusal(describeCreditError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} title="Utiliser le crédit" onClose={props.onClose}>
      <form class="payment-form" onSubmit={(event) => void submit(event)} noValidate>
        <p class="muted">
          Crédit du client : {formatEuros(props.creditCents)}, affecté aux factures les plus
          anciennes d’abord. Aucun encaissement : seul le reste dû des factures change.
        </p>
        <For each={props.invoices}>
          {(invoice) => (
            <AmountField
              id={`credit-${invoice.invoiceId}`}
              label={`${invoice.number} — montant (€), reste dû ${formatEuros(invoice.balanceCents)}`}
              value={amounts()[invoice.invoiceId] ?? ''}
              error={errors()[invoice.invoiceId]}
              onInput={(value) => setAmounts({ ...amounts(), [invoice.invoiceId]: value })}
            />
          )}
        </For>
        <PaymentRefusal refusal={refusal() ? { message: refusal()!, isTillClosed: false } : null} />
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button
            type="submit"
            variant="primary"
            isLoading={isBusy()}
            disabled={payments() === undefined}
          >
            Utiliser le crédit
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
