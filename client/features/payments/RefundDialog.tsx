import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { formatCentsForInput } from '../../../domain/money';
import {
  PAYMENT_METHOD_LABELS,
  type Payment,
  type PaymentMethod,
} from '../../../domain/schemas/payment';
import { fieldErrors } from '../../lib/api';
import { formatCalendarDate, formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { PaymentMethodField } from './PaymentMethodField';
import { PaymentRefusal } from './PaymentRefusal';
import {
  describePaymentError,
  parseAmount,
  type PaymentRefusal as Refusal,
} from './payment-values';
import { refundPayment } from './payments.api';

/**
 * « Rembourser »: a new, negative payment of what is left of this one (never an edit of it),
 * by the same method unless changed; a cash refund comes out of the open till.
 */
export function RefundDialog(props: {
  payment: Payment | null;
  refundableCents: number;
  onClose: () => void;
}) {
  const refund = useAction(refundPayment);
  const [method, setMethod] = createSignal<PaymentMethod>('card');
  const [amount, setAmount] = createSignal('');
  const [reference, setReference] = createSignal('');
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  createEffect(
    on(
      () => props.payment,
      (payment) => {
        if (!payment) return;
        setMethod(payment.method);
        setAmount(formatCentsForInput(props.refundableCents));
        setReference('');
        setNote('');
        setErrors({});
        setRefusal(null);
      },
    ),
  );

  async function submit(event: Event) {
    event.preventDefault();
    const payment = props.payment;
    const parsed = parseAmount(amount());
    setRefusal(null);
    if (!payment) return;
    if (!parsed.ok) {
      setErrors({ amountCents: parsed.message });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await refund(payment.id, {
        amountCents: parsed.cents,
        method: method(),
        receivedOn: todayInParis(new Date()),
        reference: reference(),
        note: note(),
      });
      showToast(`Remboursement de ${formatEuros(parsed.cents)} enregistré.`);
      props.onClose();
    } catch (caught) {
      const fields = fieldErrors(caught);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setRefusal(describePaymentError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.payment !== null} title="Rembourser" onClose={props.onClose}>
      <Show when={props.payment}>
        {(payment) => (
          <form class="payment-form" onSubmit={(event) => void submit(event)} noValidate>
            <p class="muted">
              {PAYMENT_METHOD_LABELS[payment().method]} de {formatEuros(payment().amountCents)} du{' '}
              {formatCalendarDate(payment().receivedOn)} : {formatEuros(props.refundableCents)} au
              plus à rembourser.
            </p>
            <PaymentMethodField name="refund-method" value={method()} onChange={setMethod} />
            <Field label="Montant remboursé (€)" for="refund-amount" error={errors().amountCents}>
              <Input
                id="refund-amount"
                inputMode="decimal"
                autocomplete="off"
                value={amount()}
                error={errors().amountCents}
                onInput={(event) => setAmount(event.currentTarget.value)}
              />
            </Field>
            <Field label="Référence" for="refund-reference" error={errors().reference}>
              <Input
                id="refund-reference"
                value={reference()}
                onInput={(event) => setReference(event.currentTarget.value)}
              />
            </Field>
            <Field label="Motif" for="refund-note" error={errors().note}>
              <Input
                id="refund-note"
                value={note()}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
            </Field>
            <PaymentRefusal refusal={refusal()} />
            <div class="dialog-actions">
              <Button onClick={() => props.onClose()}>Annuler</Button>
              <Button type="submit" variant="danger" isLoading={isBusy()}>
                Rembourser
              </Button>
            </div>
          </form>
        )}
      </Show>
    </Dialog>
  );
}
