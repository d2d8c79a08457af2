import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { TillSession } from '../../../domain/schemas/payment';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { parseAmount } from './payment-values';
import { countTill } from './payments.api';
import { differenceLabel } from './till-values';

/**
 * « Compter et fermer »: the cash counted in the drawer, the difference with what is expected
 * shown before it is confirmed; the count closes the session for good (a journal entry).
 */
export function TillCountDialog(props: {
  open: boolean;
  expectedCents: number;
  onClose: () => void;
  onClosed: (session: TillSession) => void;
}) {
  const count = useAction(countTill);
  const [amount, setAmount] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [isBusy, setBusy] = createSignal(false);
  createEffect(
    on(
      () => props.open,
      () => {
        setAmount('');
        setError(undefined);
      },
    ),
  );
  const counted = () => {
    const parsed = parseAmount(amount(), { allowZero: true });
    return parsed.ok ? parsed.cents : null;
  };
  const difference = () => {
    const cents = counted();
    return cents === null ? null : cents - props.expectedCents;
  };

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
      const closed = await count({ countedCents: parsed.cents });
      showToast(`Caisse fermée : ${differenceLabel(closed.differenceCents ?? 0)}.`);
      props.onClosed(closed);
      props.onClose();
    } catch (caught) {
      setError(fieldErrors(caught).countedCents ?? errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} title="Compter et fermer la caisse" onClose={props.onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p>
          Attendu en caisse : <strong>{formatEuros(props.expectedCents)}</strong>
        </p>
        <Field label="Espèces comptées (€)" for="till-counted" error={error()}>
          <Input
            id="till-counted"
            inputMode="decimal"
            autocomplete="off"
            value={amount()}
            error={error()}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </Field>
        <Show when={difference() !== null}>
          <p aria-live="polite" data-testid="till-difference">
            Écart :{' '}
            <span
              classList={{
                'till-difference-negative': (difference() ?? 0) < 0,
                'till-difference-positive': (difference() ?? 0) > 0,
              }}
            >
              {formatEuros(difference() ?? 0)}
            </span>{' '}
            ({differenceLabel(difference() ?? 0)})
          </p>
        </Show>
        <p class="muted">La fermeture est définitive : le comptage est inscrit au journal.</p>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button
            type="submit"
            variant="primary"
            isLoading={isBusy()}
            disabled={counted() === null}
          >
            Fermer la caisse
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
