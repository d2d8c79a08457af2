import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { parseAmount } from './payment-values';
import { moveCash } from './payments.api';

const TITLES = { in: 'Entrée d’espèces', out: 'Sortie d’espèces' } as const;

/** Cash put in (change brought) or taken out (to the bank, a supplier paid), with its reason. */
export function CashMovementDialog(props: { direction: 'in' | 'out' | null; onClose: () => void }) {
  const move = useAction(moveCash);
  const [amount, setAmount] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  createEffect(
    on(
      () => props.direction,
      () => {
        setAmount('');
        setReason('');
        setErrors({});
        setRefusal(null);
      },
    ),
  );

  async function submit(event: Event) {
    event.preventDefault();
    const direction = props.direction;
    if (!direction) return;
    const parsed = parseAmount(amount());
    const found: Record<string, string> = {};
    if (!parsed.ok) found.amountCents = parsed.message;
    if (reason().trim() === '') found.reason = 'Indiquez le motif.';
    setErrors(found);
    setRefusal(null);
    if (!parsed.ok || found.reason) return;
    setBusy(true);
    try {
      await move({ direction, amountCents: parsed.cents, reason: reason() });
      showToast(`${TITLES[direction]} de ${formatEuros(parsed.cents)} enregistrée.`);
      props.onClose();
    } catch (caught) {
      const fields = fieldErrors(caught);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setRefusal(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={props.direction !== null}
      title={TITLES[props.direction ?? 'in']}
      onClose={props.onClose}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Montant (€)" for="movement-amount" error={errors().amountCents}>
          <Input
            id="movement-amount"
            inputMode="decimal"
            autocomplete="off"
            value={amount()}
            error={errors().amountCents}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </Field>
        <Field label="Motif" for="movement-reason" error={errors().reason}>
          <Input
            id="movement-reason"
            value={reason()}
            error={errors().reason}
            placeholder={props.direction === 'out' ? 'Dépôt en banque' : 'Monnaie apportée'}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </Field>
        {refusal() && (
          <div class="alert alert-error" role="alert">
            {refusal()}
          </div>
        )}
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={isBusy()}>
            Enregistrer
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
