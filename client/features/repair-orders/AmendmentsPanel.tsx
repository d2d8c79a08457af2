import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import {
  AMENDMENT_STATUS_LABELS,
  type Amendment,
  type RepairOrder,
} from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { JobForm, type NewJob } from './JobForm';
import { PhoneDecisionDialog } from './PhoneDecisionDialog';
import { addAmendment, decideAmendment } from './repair-orders.api';
import { SignatureDialog } from './SignatureDialog';

type Decision = 'authorised' | 'refused';

function describeDecision(amendment: Amendment): string {
  const decision = amendment.decision;
  if (!decision) return 'Travaux en attente : rien n’est commencé avant l’accord du client.';
  const how =
    decision.channel === 'phone' && decision.call
      ? `par téléphone (${decision.call.caller} → ${decision.call.callee}, le ${formatDateTime(decision.call.calledAt)})`
      : 'signé au comptoir';
  return `${decision.decision === 'authorised' ? 'Accord' : 'Refus'} ${how}, enregistré le ${formatDateTime(decision.decidedAt)}${decision.recordedBy ? ` par ${decision.recordedBy.name}` : ''}${decision.reason ? ` — ${decision.reason}` : ''}.`;
}

/**
 * Extra work ("travaux supplémentaires"): proposed once the check-in is signed, never started
 * before the customer answers, at the counter with a signature or by phone. Refused work is
 * kept on the vehicle as "travaux à prévoir".
 */
export function AmendmentsPanel(props: {
  order: RepairOrder;
  settings: Settings;
  mayWrite: boolean;
  onChanged: (order: RepairOrder) => void;
}) {
  const add = useAction(addAmendment);
  const decide = useAction(decideAmendment);
  const [isAdding, setAdding] = createSignal(false);
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [byPhone, setByPhone] = createSignal<Amendment | null>(null);
  const [signing, setSigning] = createSignal<{ amendment: Amendment; decision: Decision } | null>(
    null,
  );
  const jobTitles = (amendment: Amendment) =>
    props.order.jobs
      .filter((job) => job.amendmentId === amendment.id)
      .map((job) => job.title)
      .join(', ');

  async function propose(job: NewJob) {
    setError(null);
    try {
      const order = await add(props.order.id, {
        version: props.order.version,
        note: note().trim() || null,
        jobs: [job],
      });
      props.onChanged(order);
      setAdding(false);
      setNote('');
      showToast('Travaux supplémentaires proposés : en attente de l’accord du client.');
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function decideBySignature(order: RepairOrder, signatureId: string) {
    const pending = signing();
    if (!pending) return;
    try {
      const next = await decide(order.id, pending.amendment.id, {
        version: order.version,
        decision: pending.decision,
        channel: 'signature',
        signatureId,
      });
      props.onChanged(next);
      showToast(pending.decision === 'authorised' ? 'Accord enregistré.' : 'Refus enregistré.');
    } catch (caught) {
      props.onChanged(order);
      setError(errorMessage(caught));
    } finally {
      setSigning(null);
    }
  }

  return (
    <section class="card ro-section" aria-labelledby="ro-amendments-title">
      <h2 id="ro-amendments-title">Travaux supplémentaires</h2>
      <Show when={props.order.amendments.length === 0}>
        <p class="muted">Aucun.</p>
      </Show>
      <For each={props.order.amendments}>
        {(amendment, index) => (
          <article class="ro-amendment" data-testid="ro-amendment">
            <header class="ro-job-header">
              <h3>
                Supplément {index() + 1} : {jobTitles(amendment)}
              </h3>
              <Badge
                tone={
                  amendment.status === 'authorised'
                    ? 'success'
                    : amendment.status === 'refused'
                      ? 'danger'
                      : 'warning'
                }
              >
                {AMENDMENT_STATUS_LABELS[amendment.status]}
              </Badge>
              <span class="ro-job-total">{formatEuros(amendment.totalExclVatCents)} HT</span>
            </header>
            <Show when={amendment.note}>
              <p>{amendment.note}</p>
            </Show>
            <p class="muted" data-testid="ro-amendment-decision">
              {describeDecision(amendment)}
              <Show when={amendment.status === 'refused'}> Gardés en travaux à prévoir.</Show>
            </p>
            <Show when={props.mayWrite && amendment.status === 'pending'}>
              <div class="ro-actions">
                <Button
                  variant="primary"
                  onClick={() => setSigning({ amendment, decision: 'authorised' })}
                >
                  Accord signé au comptoir
                </Button>
                <Button onClick={() => setSigning({ amendment, decision: 'refused' })}>
                  Refus signé
                </Button>
                <Button onClick={() => setByPhone(amendment)}>Réponse par téléphone</Button>
              </div>
            </Show>
          </article>
        )}
      </For>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show when={props.mayWrite}>
        <Show
          when={isAdding()}
          fallback={<Button onClick={() => setAdding(true)}>+ Travaux supplémentaires</Button>}
        >
          <JobForm
            settings={props.settings}
            submitLabel="Proposer au client"
            onSubmit={propose}
            onCancel={() => setAdding(false)}
          >
            <label class="ro-inline-field">
              Constat (ce que le client doit savoir)
              <textarea
                class="input"
                rows={2}
                maxLength={1000}
                value={note()}
                onInput={(event) => setNote(event.currentTarget.value)}
              />
            </label>
          </JobForm>
        </Show>
      </Show>
      <PhoneDecisionDialog
        order={props.order}
        amendment={byPhone()}
        onClose={() => setByPhone(null)}
        onDone={(order) => {
          setByPhone(null);
          props.onChanged(order);
          showToast('Réponse du client enregistrée.');
        }}
      />
      <SignatureDialog
        open={signing() !== null}
        order={props.order}
        kind="amendment"
        amendmentId={signing()?.amendment.id}
        title={
          signing()?.decision === 'refused'
            ? 'Refus des travaux supplémentaires'
            : 'Accord pour les travaux supplémentaires'
        }
        intro={
          signing()?.decision === 'refused'
            ? 'Le client refuse les travaux supplémentaires ci-dessous ; ils restent à prévoir.'
            : 'Le client autorise les travaux supplémentaires ci-dessous, aux prix indiqués.'
        }
        onStale={props.onChanged}
        onClose={() => setSigning(null)}
        onSigned={(order, signatureId) => void decideBySignature(order, signatureId)}
      />
    </section>
  );
}
