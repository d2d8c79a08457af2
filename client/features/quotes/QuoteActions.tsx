import { useAction, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { availableTransitions, checkTransition } from '../../../domain/quote/transitions';
import type { Quote, QuoteStatus } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { InvoiceOrderButton } from '../invoices/InvoiceOrderButton';
import { OpenRepairOrderButton } from '../repair-orders/OpenRepairOrderButton';
import { type Decision, DecisionDialog } from './DecisionDialog';
import { QuoteEmailDialog } from './QuoteEmailDialog';
import { refreshQuoteMessages } from './QuoteMessages';
import { duplicateQuote, keepDeclinedWork, transitionQuote } from './quotes.api';

const CAN_KEEP_DECLINED: readonly QuoteStatus[] = ['refused', 'expired', 'partially_accepted'];
/** The server's rule (quotes.email.ts): numbered and still on offer. */
const CAN_EMAIL: readonly QuoteStatus[] = ['sent', 'accepted', 'partially_accepted', 'refused'];

/**
 * The status buttons a quote offers at each stage of its life: the ones the domain's state
 * machine allows (`availableTransitions`), disabled with the reason it would give otherwise.
 */
export function QuoteActions(props: {
  quote: Quote;
  settings: Settings;
  isDirty: boolean;
  canSend: boolean;
  onChanged: (quote: Quote) => void;
  onError: (message: string) => void;
}) {
  const navigate = useNavigate();
  const transition = useAction(transitionQuote);
  const duplicate = useAction(duplicateQuote);
  const keepDeclined = useAction(keepDeclinedWork);
  const [decision, setDecision] = createSignal<Decision | null>(null);
  const [isEmailing, setEmailing] = createSignal(false);
  const [isBusy, setBusy] = createSignal(false);
  const can = (to: QuoteStatus) => availableTransitions(props.quote.status).includes(to);
  /** Why sending is not possible now, in the words the server would use. */
  const sendBlocker = () => {
    if (props.isDirty) return 'Enregistrez d’abord vos modifications.';
    if (!props.canSend) return 'Des mentions obligatoires manquent (voir à droite).';
    return checkTransition(props.quote, 'sent', todayInParis(new Date()))?.message;
  };

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      props.onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const move = (to: 'sent' | 'draft', success: string) =>
    run(async () => {
      props.onChanged(await transition(props.quote.id, { to, version: props.quote.version }));
      showToast(success);
    });

  return (
    <div class="quote-actions">
      <Show when={props.quote.status === 'accepted' || props.quote.status === 'partially_accepted'}>
        <OpenRepairOrderButton quote={props.quote} onError={props.onError} />
        <InvoiceOrderButton origin={{ quoteId: props.quote.id }} label="Facturer au comptoir" />
      </Show>
      <Show when={can('sent')}>
        <Button
          variant="primary"
          isLoading={isBusy()}
          disabled={Boolean(sendBlocker())}
          title={sendBlocker()}
          onClick={() => void move('sent', 'Devis envoyé et numéroté.')}
        >
          Envoyer le devis
        </Button>
      </Show>
      <Show when={CAN_EMAIL.includes(props.quote.status)}>
        <Button
          disabled={props.isDirty}
          title={props.isDirty ? 'Enregistrez ou abandonnez d’abord vos modifications.' : undefined}
          onClick={() => setEmailing(true)}
        >
          Envoyer par e-mail
        </Button>
      </Show>
      <Show when={can('accepted')}>
        <Button variant="primary" onClick={() => setDecision('accepted')}>
          Accord du client
        </Button>
      </Show>
      <Show when={can('partially_accepted')}>
        <Button onClick={() => setDecision('partially_accepted')}>Accord partiel</Button>
      </Show>
      <Show when={can('refused')}>
        <Button onClick={() => setDecision('refused')}>Refus</Button>
      </Show>
      <Show when={can('draft')}>
        <Button
          isLoading={isBusy()}
          onClick={() => void move('draft', 'Nouvelle révision ouverte.')}
        >
          Réviser
        </Button>
      </Show>
      <Show when={props.quote.vehicleId && CAN_KEEP_DECLINED.includes(props.quote.status)}>
        <Button
          isLoading={isBusy()}
          onClick={() =>
            void run(async () => {
              await keepDeclined(props.quote.id);
              showToast('Travaux non acceptés gardés sur le véhicule.');
            })
          }
        >
          Garder en travaux à prévoir
        </Button>
      </Show>
      <Show when={props.quote.status !== 'draft'}>
        <Button
          isLoading={isBusy()}
          onClick={() =>
            void run(async () => {
              const copy = await duplicate(props.quote.id);
              showToast('Copie créée en brouillon.');
              navigate(`/quotes/${copy.id}`);
            })
          }
        >
          Dupliquer
        </Button>
      </Show>
      <QuoteEmailDialog
        quote={props.quote}
        settings={props.settings}
        open={isEmailing()}
        onClose={() => setEmailing(false)}
        onSent={(message) => {
          setEmailing(false);
          showToast(
            message.status === 'held'
              ? 'Devis gardé dans la file d’envoi : le courriel n’est pas configuré.'
              : `Devis envoyé à ${message.to}.`,
          );
          void refreshQuoteMessages(props.quote.id);
        }}
      />
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
