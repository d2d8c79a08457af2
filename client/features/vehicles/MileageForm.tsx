import { createSignal } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { MileageInputSchema } from '../../../domain/schemas/vehicle';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatCalendarDate, formatKm } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { parseKm, readLowerMileage } from './vehicle-values';
import { recordMileage } from './vehicles.api';

type LowerReading = { date: string; km: number; highest: { date: string; km: number } };

/**
 * Records an odometer reading. A reading below the highest one is usually a typo, sometimes a
 * replaced odometer: the server refuses it (409 `mileage_lower`), the user confirms, we resend.
 */
export function MileageForm(props: { vehicleId: string; onDone: () => void }) {
  const today = () => todayInParis(new Date());
  const [date, setDate] = createSignal(today());
  const [km, setKm] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const [lower, setLower] = createSignal<LowerReading | null>(null);

  async function send(input: { date: string; km: number }, confirmLower: boolean) {
    setError(null);
    setSubmitting(true);
    try {
      await recordMileage(props.vehicleId, { ...input, confirmLower });
      showToast(`Relevé de ${formatKm(input.km)} enregistré.`);
      setKm('');
      setLower(null);
      props.onDone();
    } catch (caught) {
      const highest = caught instanceof AppError ? readLowerMileage(caught.details) : null;
      if (highest) {
        setLower({ ...input, highest });
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
    const parsed = MileageInputSchema.safeParse({ date: date(), km: value ?? Number.NaN });
    if (km().trim() === '' || !parsed.success) {
      const issues = parsed.success ? [] : parsed.error.issues;
      setErrors({
        ...Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.message])),
        ...(value === null ? { km: 'Saisissez le kilométrage en km (nombre entier).' } : {}),
      });
      return;
    }
    setErrors({});
    void send({ date: parsed.data.date, km: parsed.data.km }, false);
  }

  const confirmMessage = () => {
    const reading = lower();
    if (!reading) return '';
    return `Le relevé saisi (${formatKm(reading.km)} le ${formatCalendarDate(reading.date)}) est inférieur au plus haut déjà enregistré (${formatKm(reading.highest.km)} le ${formatCalendarDate(reading.highest.date)}). Compteur remplacé ou faute de frappe ? Confirmez seulement s’il est juste.`;
  };

  return (
    <form class="card form compact" onSubmit={submit} noValidate>
      <h2>Kilométrage</h2>
      <div class="form-row">
        <Field label="Date du relevé" for="km-date" error={errors().date}>
          <input
            id="km-date"
            type="date"
            value={date()}
            max={today()}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </Field>
        <Field label="Compteur (km)" for="km-value" error={errors().km}>
          <input
            id="km-value"
            inputMode="numeric"
            value={km()}
            placeholder="123 456"
            autocomplete="off"
            onInput={(event) => setKm(event.currentTarget.value)}
          />
        </Field>
      </div>
      {error() && (
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      )}
      <Button type="submit" isLoading={isSubmitting()}>
        Enregistrer le relevé
      </Button>
      <ConfirmDialog
        open={lower() !== null}
        title="Kilométrage inférieur au précédent"
        message={confirmMessage()}
        confirmLabel="Confirmer ce relevé"
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
