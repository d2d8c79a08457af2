import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { toParisDate } from '../../../domain/dates';
import type { Amendment, RepairOrder } from '../../../domain/schemas/repair-order';
import { errorMessage } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { parisToInstant } from './repair-order-form';
import { decideAmendment } from './repair-orders.api';

/** The customer's answer to extra work, given by phone: who called whom, when, and the answer. */
export function PhoneDecisionDialog(props: {
  order: RepairOrder;
  amendment: Amendment | null;
  onDone: (order: RepairOrder) => void;
  onClose: () => void;
}) {
  const session = useSession();
  const decide = useAction(decideAmendment);
  const [decision, setDecision] = createSignal<'authorised' | 'refused'>('authorised');
  const [caller, setCaller] = createSignal('');
  const [callee, setCallee] = createSignal('');
  const [date, setDate] = createSignal('');
  const [time, setTime] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [keepDeclined, setKeepDeclined] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  const [isSending, setSending] = createSignal(false);

  createEffect(
    on(
      () => props.amendment?.id,
      (id) => {
        if (!id) return;
        const now = new Date();
        setDecision('authorised');
        setCaller(session.user()?.name ?? '');
        setCallee(props.order.clientName);
        setDate(toParisDate(now));
        setTime(formatTime(now));
        setReason('');
        setError(null);
      },
    ),
  );

  async function submit(event: Event) {
    event.preventDefault();
    const amendment = props.amendment;
    if (!amendment) return;
    setSending(true);
    setError(null);
    try {
      const order = await decide(props.order.id, amendment.id, {
        version: props.order.version,
        decision: decision(),
        channel: 'phone',
        caller: caller().trim() || null,
        callee: callee().trim() || null,
        calledAt: date() ? parisToInstant(date(), time()) : null,
        reason: reason().trim() || null,
        keepDeclinedWork: keepDeclined(),
      });
      props.onDone(order);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog
      open={props.amendment !== null}
      title="Réponse du client par téléphone"
      onClose={props.onClose}
    >
      <form class="ro-dialog-form" onSubmit={(event) => void submit(event)}>
        <fieldset class="ro-choice">
          <legend>Réponse</legend>
          <label>
            <input
              type="radio"
              name="ro-phone-decision"
              checked={decision() === 'authorised'}
              onChange={() => setDecision('authorised')}
            />{' '}
            Accord
          </label>
          <label>
            <input
              type="radio"
              name="ro-phone-decision"
              checked={decision() === 'refused'}
              onChange={() => setDecision('refused')}
            />{' '}
            Refus
          </label>
        </fieldset>
        <Field label="Appel passé par" for="ro-caller">
          <Input
            id="ro-caller"
            value={caller()}
            onInput={(e) => setCaller(e.currentTarget.value)}
          />
        </Field>
        <Field label="Personne jointe" for="ro-callee">
          <Input
            id="ro-callee"
            value={callee()}
            onInput={(e) => setCallee(e.currentTarget.value)}
          />
        </Field>
        <div class="ro-form-grid">
          <Field label="Le" for="ro-called-date">
            <Input
              id="ro-called-date"
              type="date"
              value={date()}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
          </Field>
          <Field label="à (heure de Paris)" for="ro-called-time">
            <Input
              id="ro-called-time"
              type="time"
              value={time()}
              onInput={(e) => setTime(e.currentTarget.value)}
            />
          </Field>
        </div>
        <Field label="Motif ou précision (facultatif)" for="ro-reason">
          <Input
            id="ro-reason"
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
        <Show when={decision() === 'refused'}>
          <label>
            <input
              type="checkbox"
              checked={keepDeclined()}
              onChange={(e) => setKeepDeclined(e.currentTarget.checked)}
            />{' '}
            Garder en travaux à prévoir sur le véhicule
          </label>
        </Show>
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={isSending()}>
            Enregistrer la réponse
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
