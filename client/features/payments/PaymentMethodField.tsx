import { For } from 'solid-js';
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  type PaymentMethod,
} from '../../../domain/schemas/payment';

/** What the reference field asks for, by method: the cheque's number, the card ticket… */
export const REFERENCE_LABELS: Record<PaymentMethod, string> = {
  card: 'N° du ticket carte',
  cash: 'Référence (facultatif)',
  cheque: 'N° du chèque',
  transfer: 'Référence du virement',
};

/** The payment methods as radio buttons: one tab stop, the arrows move between them. */
export function PaymentMethodField(props: {
  name: string;
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
}) {
  return (
    <fieldset class="payment-methods">
      <legend>Moyen de paiement</legend>
      <For each={PAYMENT_METHODS}>
        {(method) => (
          <label class="payment-method" classList={{ selected: props.value === method }}>
            <input
              type="radio"
              name={props.name}
              value={method}
              checked={props.value === method}
              onChange={() => props.onChange(method)}
            />
            {PAYMENT_METHOD_LABELS[method]}
          </label>
        )}
      </For>
    </fieldset>
  );
}
