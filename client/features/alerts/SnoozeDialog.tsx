import { createEffect, createSignal, on } from 'solid-js';
import { addDays, formatDateFr, isIsoDate, todayInParis } from '../../../domain/dates';
import type { Alert } from '../../../domain/schemas/alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';

/** "Reporter": until a date after today (Paris); the alert comes back « à traiter » that day. */
export function SnoozeDialog(props: {
  alert: Alert | null;
  onClose: () => void;
  onSnooze: (alert: Alert, until: string) => void;
}) {
  const [until, setUntil] = createSignal('');
  const [earliest, setEarliest] = createSignal(addDays(todayInParis(new Date()), 1));
  // Each opening starts from tomorrow, as of now (the page may have stayed open overnight).
  createEffect(
    on(
      () => props.alert?.id,
      (id) => {
        if (!id) return;
        const tomorrow = addDays(todayInParis(new Date()), 1);
        setEarliest(tomorrow);
        setUntil(tomorrow);
      },
    ),
  );
  const isValid = () => isIsoDate(until()) && until() >= earliest();

  return (
    <Dialog open={props.alert !== null} title="Reporter l’alerte" onClose={props.onClose}>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.alert || !isValid()) return;
          props.onSnooze(props.alert, until());
          props.onClose();
        }}
      >
        <Field
          label="Jusqu’au"
          for="snooze-until"
          hint={`Elle quitte « À traiter » et y revient le ${formatDateFr(isValid() ? until() : earliest())}.`}
        >
          <input
            id="snooze-until"
            type="date"
            min={earliest()}
            value={until()}
            onInput={(event) => setUntil(event.currentTarget.value)}
          />
        </Field>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" disabled={!isValid()}>
            Reporter
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
