import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import {
  DECISION_CHANNEL_LABELS,
  DECISION_CHANNELS,
  type DecisionChannel,
  type Quote,
} from '../../../domain/schemas/quote';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { transitionQuote } from './quotes.api';

export type Decision = 'accepted' | 'partially_accepted' | 'refused';

const TITLES: Record<Decision, string> = {
  accepted: 'Accord du client',
  partially_accepted: 'Accord partiel',
  refused: 'Refus du client',
};

function isChannel(value: string): value is DecisionChannel {
  return DECISION_CHANNELS.some((channel) => channel === value);
}

/** The client's answer: channel, signer or reason, and for a partial agreement the lines. */
export function DecisionDialog(props: {
  quote: Quote;
  decision: Decision | null;
  onClose: () => void;
  onDone: (quote: Quote) => void;
}) {
  const transition = useAction(transitionQuote);
  const [channel, setChannel] = createSignal<DecisionChannel>('in_person');
  const [signer, setSigner] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [accepted, setAccepted] = createSignal<string[]>([]);
  const [keepDeclined, setKeepDeclined] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const lines = () =>
    props.quote.jobs.flatMap((job) => job.lines.map((line) => ({ ...line, job: job.title })));
  const acceptedAmount = () =>
    lines()
      .filter((line) => accepted().includes(line.id))
      .reduce((sum, line) => sum + line.totalExclVatCents, 0);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const decision = props.decision;
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      const quote = await transition(props.quote.id, {
        to: decision,
        version: props.quote.version,
        channel: channel(),
        signerName: signer() || null,
        reason: reason() || null,
        ...(decision === 'partially_accepted' ? { acceptedLineIds: accepted() } : {}),
        keepDeclinedWork:
          decision !== 'accepted' && keepDeclined() && Boolean(props.quote.vehicleId),
      });
      showToast(`${TITLES[decision]} enregistré.`);
      props.onDone(quote);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={props.decision !== null}
      title={props.decision ? TITLES[props.decision] : ''}
      onClose={props.onClose}
    >
      <form class="form" onSubmit={submit}>
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <Field label="Canal" for="decision-channel">
          <select
            id="decision-channel"
            value={channel()}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isChannel(value)) setChannel(value);
            }}
          >
            <For each={DECISION_CHANNELS}>
              {(item) => (
                <option value={item} selected={item === channel()}>
                  {DECISION_CHANNEL_LABELS[item]}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Show when={props.decision !== 'refused'}>
          <Field
            label="Nom du signataire"
            for="decision-signer"
            hint="Obligatoire pour une signature du devis."
          >
            <input
              id="decision-signer"
              value={signer()}
              onInput={(event) => setSigner(event.currentTarget.value)}
            />
          </Field>
        </Show>
        <Show when={props.decision === 'refused'}>
          <Field label="Motif du refus" for="decision-reason">
            <input
              id="decision-reason"
              value={reason()}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          </Field>
        </Show>
        <Show when={props.decision === 'partially_accepted'}>
          <fieldset class="line-picker">
            <legend>Lignes acceptées</legend>
            <For each={lines()}>
              {(line) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={accepted().includes(line.id)}
                    onChange={(event) =>
                      setAccepted((ids) =>
                        event.currentTarget.checked
                          ? [...ids, line.id]
                          : ids.filter((id) => id !== line.id),
                      )
                    }
                  />
                  {line.job} — {line.description} ({formatEuros(line.totalExclVatCents)} HT)
                </label>
              )}
            </For>
            <p class="field-hint" data-testid="decision-accepted-amount">
              Montant accepté : {formatEuros(acceptedAmount())} HT
            </p>
          </fieldset>
        </Show>
        <Show when={props.decision !== 'accepted' && props.quote.vehicleId}>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={keepDeclined()}
              onChange={(event) => setKeepDeclined(event.currentTarget.checked)}
            />
            Garder les travaux refusés en « travaux à prévoir » sur le véhicule
          </label>
        </Show>
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
