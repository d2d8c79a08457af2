import { useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { readDetails } from '../../../domain/refusals';
import { MileageInputSchema, type Vehicle } from '../../../domain/schemas/vehicle';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatKm } from '../../lib/format';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { describeLowerReading, type LowerReading, parseKm, type Reading } from './vehicle-values';
import { recordMileage } from './vehicles.api';

const KM_FORMAT_ERROR = 'Saisissez le kilométrage en km (nombre entier).';

/**
 * Records an odometer reading. A reading below the highest one is usually a typo, sometimes a
 * replaced odometer: the server refuses it (409 `mileage_lower`), the user confirms, we resend
 * it with `confirmLower`.
 */
export function MileageForm(props: { vehicleId: string; onRecorded: (vehicle: Vehicle) => void }) {
  const record = useAction(recordMileage);
  const today = () => todayInParis(new Date());
  const [date, setDate] = createSignal(today());
  const [km, setKm] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const [lower, setLower] = createSignal<LowerReading | null>(null);

  const lowerMessage = () => {
    const reading = lower();
    return reading ? describeLowerReading(reading) : '';
  };

  async function send(reading: Reading, confirmLower: boolean) {
    setError(null);
    setSubmitting(true);
    try {
      props.onRecorded(await record(props.vehicleId, { ...reading, confirmLower }));
      showToast(`Relevé de ${formatKm(reading.km)} enregistré.`);
      setKm('');
      setLower(null);
    } catch (caught) {
      const refusal = readDetails(caught, 'mileage_lower');
      if (refusal) {
        setLower({ ...reading, highest: refusal.highest });
      } else {
        setErrors(fieldErrors(caught));
        setError(errorMessage(caught));
      }
    } finally {
      setSubmitting(false);
    }
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const value = parseKm(km());
    const checked = validateAll(MileageInputSchema, { date: date(), km: value ?? Number.NaN });
    if (value === null || !checked.success) {
      setErrors({
        ...(checked.success ? {} : checked.errors),
        ...(value === null ? { km: KM_FORMAT_ERROR } : {}),
      });
      return;
    }
    setErrors({});
    void send({ date: checked.data.date, km: checked.data.km }, false);
  }

  return (
    <form class="card form vehicle-compact-form" onSubmit={submit} noValidate>
      <h2>Kilométrage</h2>
      <div class="vehicle-form-row">
        <Field label="Date du relevé" for="km-date" error={errors().date}>
          <Input
            id="km-date"
            type="date"
            value={date()}
            max={today()}
            error={errors().date}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </Field>
        <Field label="Compteur (km)" for="km-value" error={errors().km}>
          <Input
            id="km-value"
            inputMode="numeric"
            value={km()}
            placeholder="123 456"
            autocomplete="off"
            error={errors().km}
            onInput={(event) => setKm(event.currentTarget.value)}
          />
        </Field>
      </div>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Button type="submit" isLoading={isSubmitting()}>
        Enregistrer le relevé
      </Button>
      <ConfirmDialog
        open={lower() !== null}
        title="Kilométrage inférieur au précédent"
        message={lowerMessage()}
        confirmLabel="Confirmer ce relevé"
        cancelLabel="Corriger la saisie"
        tone="primary"
        onConfirm={() => {
          const reading = lower();
          if (reading) void send({ date: reading.date, km: reading.km }, true);
        }}
        onClose={() => setLower(null)}
      />
    </form>
  );
}
