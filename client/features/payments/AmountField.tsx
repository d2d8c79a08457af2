import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';

/** An amount in euros as the counter types it (« 120,50 »); parsed on submit (payment-values). */
export function AmountField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}) {
  return (
    <Field label={props.label} for={props.id} error={props.error}>
      <Input
        id={props.id}
        inputMode="decimal"
        autocomplete="off"
        value={props.value}
        error={props.error}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </Field>
  );
}
