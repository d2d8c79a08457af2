import { useAction } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { parseAmount } from './payment-values';
import { openTill } from './payments.api';

/** The till closed: « Ouvrir la caisse » with the float counted into the drawer. */
export function TillOpenForm() {
  const open = useAction(openTill);
  const [amount, setAmount] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [isBusy, setBusy] = createSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = parseAmount(amount(), { allowZero: true });
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await open({ openingFloatCents: parsed.cents });
      showToast(`Caisse ouverte avec ${formatEuros(parsed.cents)} de fond.`);
    } catch (caught) {
      setError(fieldErrors(caught).openingFloatCents ?? errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card till-open">
      <h2>La caisse est fermée</h2>
      <p class="muted">
        Comptez le fond de caisse mis dans le tiroir, puis ouvrez la caisse : les règlements en
        espèces ne sont acceptés qu’une fois la caisse ouverte.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Fond de caisse (€)" for="till-float" error={error()}>
          <Input
            id="till-float"
            inputMode="decimal"
            autocomplete="off"
            value={amount()}
            error={error()}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </Field>
        <div class="form-actions">
          <Button type="submit" variant="primary" isLoading={isBusy()}>
            Ouvrir la caisse
          </Button>
        </div>
      </form>
    </section>
  );
}
