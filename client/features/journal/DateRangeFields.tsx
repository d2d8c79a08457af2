import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import type { DateRange } from './export-ranges';

/** « Du … au … », each date with its error under it. */
export function DateRangeFields(props: {
  idPrefix: string;
  range: DateRange;
  errors: Partial<Record<keyof DateRange, string>> | null;
  onChange: (range: DateRange) => void;
}) {
  return (
    <div class="journal-range">
      <Field label="Du" for={`${props.idPrefix}-from`} error={props.errors?.from}>
        <Input
          id={`${props.idPrefix}-from`}
          type="date"
          value={props.range.from}
          error={props.errors?.from}
          onInput={(event) => props.onChange({ ...props.range, from: event.currentTarget.value })}
        />
      </Field>
      <Field label="Au" for={`${props.idPrefix}-to`} error={props.errors?.to}>
        <Input
          id={`${props.idPrefix}-to`}
          type="date"
          value={props.range.to}
          error={props.errors?.to}
          onInput={(event) => props.onChange({ ...props.range, to: event.currentTarget.value })}
        />
      </Field>
    </div>
  );
}
