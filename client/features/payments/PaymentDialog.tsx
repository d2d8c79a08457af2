import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { formatCentsForInput } from '../../../domain/money';
import {
  CASH_LIMIT_CENTS,
  type InvoiceBalance,
  type PaymentMethod,
} from '../../../domain/schemas/payment';
import { fieldErrors } from '../../lib/api';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { AllocationPreview } from './AllocationPreview';
import { PaymentMethodField, REFERENCE_LABELS } from './PaymentMethodField';
import { PaymentRefusal } from './PaymentRefusal';
import {
  allocateOldestFirst,
  describePaymentError,
  parseAmount,
  type PaymentRefusal as Refusal,
} from './payment-values';
import { createPayment } from './payments.api';
import { TillClosedHint } from './TillClosedHint';

/**
 * « Encaisser »: one payment over the invoices given (one on the invoice's page, those ticked on
 * the client's account), the oldest paid first; what is above their balance is the client's
 * credit, and the dialog says so before it is taken. Enter takes the payment.
 */
export function PaymentDialog(props: {
  open: boolean;
  onClose: () => void;
  clientId: string | null;
  invoices: readonly InvoiceBalance[];
}) {
  const take = useAction(createPayment);
  const [method, setMethod] = createSignal<PaymentMethod>('card');
  const [amount, setAmount] = createSignal('');
  const [receivedOn, setReceivedOn] = createSignal('');
  const [reference, setReference] = createSignal('');
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const dueCents = () => props.invoices.reduce((sum, invoice) => sum + invoice.balanceCents, 0);
  const today = () => todayInParis(new Date());

  // Each opening starts afresh: the balance as it is now, today's date.
  createEffect(
    on(
      () => props.open,
      (isOpen) => {
        if (!isOpen) return;
        setMethod('card');
        setAmount(dueCents() > 0 ? formatCentsForInput(dueCents()) : '');
        setReceivedOn(today());
        setReference('');
        setNote('');
        setErrors({});
        setRefusal(null);
      },
    ),
  );

  const parsed = () => parseAmount(amount());
  const cents = () => {
    const result = parsed();
    return result.ok ? result.cents : null;
  };
  const plan = () => {
    const value = cents();
    return value === null ? null : allocateOldestFirst(props.invoices, value);
  };

  async function submit(event: Event) {
    event.preventDefault();
    setRefusal(null);
    const result = parsed();
    const spread = plan();
    if (!result.ok || !spread) {
      setErrors({ amountCents: result.ok ? '' : result.message });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await take({
        method: method(),
        amountCents: result.cents,
        receivedOn: receivedOn(),
        reference: reference(),
        note: note(),
        clientId: props.clientId,
        allocations: spread.allocations,
      });
      showToast(`Règlement de ${formatEuros(result.cents)} encaissé.`);
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
    <Dialog open={props.open} title="Encaisser un règlement" onClose={props.onClose}>
      <form class="payment-form" onSubmit={(event) => void submit(event)} noValidate>
        <PaymentMethodField name="payment-method" value={method()} onChange={setMethod} />
        <div class="payment-grid">
          <Field label="Montant (€)" for="payment-amount" error={errors().amountCents}>
            <Input
              id="payment-amount"
              inputMode="decimal"
              autocomplete="off"
              value={amount()}
              error={errors().amountCents}
              onInput={(event) => setAmount(event.currentTarget.value)}
            />
          </Field>
          <Field label="Date du règlement" for="payment-date" error={errors().receivedOn}>
            <Input
              id="payment-date"
              type="date"
              max={today()}
              value={receivedOn()}
              error={errors().receivedOn}
              onInput={(event) => setReceivedOn(event.currentTarget.value)}
            />
          </Field>
        </div>
        {/* Once the server itself said so (below), the hint would only repeat it. */}
        <Show when={method() === 'cash' && !refusal()?.isTillClosed}>
          <TillClosedHint />
        </Show>
        <Show when={method() === 'cash' && (cents() ?? 0) > CASH_LIMIT_CENTS}>
          <p class="field-hint">
            Au-delà de 1 000 € en espèces, un particulier doit régler autrement.
          </p>
        </Show>
        <Field
          label={REFERENCE_LABELS[method()]}
          for="payment-reference"
          error={errors().reference}
        >
          <Input
            id="payment-reference"
            autocomplete="off"
            value={reference()}
            onInput={(event) => setReference(event.currentTarget.value)}
          />
        </Field>
        <Field label="Note" for="payment-note" error={errors().note}>
          <Input id="payment-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </Field>
        <Show when={plan()}>
          {(spread) => <AllocationPreview invoices={props.invoices} plan={spread()} />}
        </Show>
        <PaymentRefusal refusal={refusal()} />
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={isBusy()}>
            {isBusy() ? 'Encaissement…' : 'Encaisser'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
