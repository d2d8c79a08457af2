import { useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { AppError } from '../../../domain/errors';
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
import { duplicateQuote, keepDeclinedWork, transitionQuote } from './quotes.api';

type Decision = 'accepted' | 'partially_accepted' | 'refused';

/** The status buttons a quote offers at each stage of its life. */
export function QuoteActions(props: {
  quote: Quote;
  isDirty: boolean;
  canSend: boolean;
  onChanged: (quote: Quote) => void;
  onError: (message: string, details?: unknown) => void;
}) {
  const navigate = useNavigate();
  const [decision, setDecision] = createSignal<Decision | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function move(to: 'sent' | 'draft' | 'expired', success: string) {
    setBusy(true);
    try {
      props.onChanged(await transitionQuote(props.quote.id, { to, version: props.quote.version }));
      showToast(success);
    } catch (error) {
      props.onError(errorMessage(error), error instanceof AppError ? error.details : undefined);
    } finally {
      setBusy(false);
    }
  }

  async function keepDeclined() {
    setBusy(true);
    try {
      await keepDeclinedWork(props.quote.id);
      showToast('Travaux non acceptés gardés sur le véhicule.');
    } catch (error) {
      props.onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function duplicate() {
    setBusy(true);
    try {
      const copy = await duplicateQuote(props.quote.id);
      showToast('Copie créée en brouillon.');
      navigate(`/quotes/${copy.id}`);
    } catch (error) {
      props.onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="quote-actions">
      <Switch>
        <Match when={props.quote.status === 'draft'}>
          <Button
            variant="primary"
            isLoading={isBusy()}
            disabled={props.isDirty || !props.canSend}
            title={props.isDirty ? 'Enregistrez d’abord vos modifications.' : undefined}
            onClick={() => void move('sent', 'Devis envoyé et numéroté.')}
          >
            Envoyer le devis
          </Button>
        </Match>
        <Match when={props.quote.status === 'sent'}>
          <Button variant="primary" onClick={() => setDecision('accepted')}>
            Accord du client
          </Button>
          <Button onClick={() => setDecision('partially_accepted')}>Accord partiel</Button>
          <Button onClick={() => setDecision('refused')}>Refus</Button>
          <Button
            isLoading={isBusy()}
            onClick={() => void move('draft', 'Nouvelle révision ouverte.')}
          >
            Réviser
          </Button>
        </Match>
        <Match when={['refused', 'expired'].includes(props.quote.status)}>
          <Button
            isLoading={isBusy()}
            onClick={() => void move('draft', 'Nouvelle révision ouverte.')}
          >
            Réviser
          </Button>
        </Match>
      </Switch>
      <Show
        when={
          props.quote.vehicleId &&
          ['refused', 'expired', 'partially_accepted'].includes(props.quote.status)
        }
      >
        <Button isLoading={isBusy()} onClick={() => void keepDeclined()}>
          Garder en travaux à prévoir
        </Button>
      </Show>
      <Show when={props.quote.status !== 'draft'}>
        <Button isLoading={isBusy()} onClick={() => void duplicate()}>
          Dupliquer
        </Button>
      </Show>
      <DecisionDialog
        quote={props.quote}
        decision={decision()}
        onClose={() => setDecision(null)}
        onDone={(quote) => {
          setDecision(null);
          props.onChanged(quote);
        }}
      />
    </div>
  );
}

const TITLES: Record<Decision, string> = {
  accepted: 'Accord du client',
  partially_accepted: 'Accord partiel',
  refused: 'Refus du client',
};

function DecisionDialog(props: {
  quote: Quote;
  decision: Decision | null;
  onClose: () => void;
  onDone: (quote: Quote) => void;
}) {
  const [channel, setChannel] = createSignal<DecisionChannel>('in_person');
  const [signer, setSigner] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [accepted, setAccepted] = createSignal<string[]>([]);
  const [keepDeclined, setKeepDeclined] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const lines = () =>
    props.quote.jobs.flatMap((job) => job.lines.map((line) => ({ ...line, job: job.title })));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!props.decision) return;
    setBusy(true);
    setError(null);
    try {
      const quote = await transitionQuote(props.quote.id, {
        to: props.decision,
        version: props.quote.version,
        channel: channel(),
        signerName: signer() || null,
        reason: reason() || null,
        ...(props.decision === 'partially_accepted' ? { acceptedLineIds: accepted() } : {}),
        keepDeclinedWork:
          props.decision !== 'accepted' && keepDeclined() && Boolean(props.quote.vehicleId),
      });
      showToast(`${TITLES[props.decision]} enregistré.`);
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
            onChange={(event) => setChannel(event.currentTarget.value as DecisionChannel)}
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
