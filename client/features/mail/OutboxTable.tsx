import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  OUTBOX_STATUS_LABELS,
  type OutboxMessage,
  type OutboxStatus,
} from '../../../domain/schemas/outbox';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge, EmptyState } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { showToast } from '../../ui/toast';
import { retryOutboxMessage } from './mail.api';

const STATUS_TONES: Record<OutboxStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  queued: 'info',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  held: 'warning',
};

/** Outgoing messages: when, to whom, what, where it stands; a failed one can be retried. */
export function OutboxTable(props: { messages: OutboxMessage[]; onChanged: () => void }) {
  const retry = useAction(retryOutboxMessage);
  const [error, setError] = createSignal<string | null>(null);

  async function retryMessage(message: OutboxMessage) {
    setError(null);
    try {
      await retry(message.id);
      showToast(`Le message à ${message.to} est de nouveau en attente d’envoi.`);
      props.onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show
        when={props.messages.length > 0}
        fallback={<EmptyState title="Aucun message pour l’instant." />}
      >
        <Table label="Courriels envoyés">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Objet</th>
              <th scope="col">État</th>
              <th scope="col" class="hide-narrow">
                Tentatives
              </th>
              <th scope="col" class="hide-narrow">
                Dernière erreur
              </th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.messages}>
              {(message) => (
                <tr>
                  <td>{formatDateTime(message.sentAt ?? message.createdAt)}</td>
                  <td>{message.to}</td>
                  <td>{message.subject}</td>
                  <td>
                    <Badge tone={STATUS_TONES[message.status]}>
                      {OUTBOX_STATUS_LABELS[message.status]}
                    </Badge>
                  </td>
                  <td class="hide-narrow">{message.attempts}</td>
                  <td class="hide-narrow">{message.lastError ?? '—'}</td>
                  <td>
                    <Show when={message.status === 'failed'}>
                      <Button
                        class="btn-small"
                        aria-label={`Réessayer l’envoi à ${message.to}`}
                        onClick={() => void retryMessage(message)}
                      >
                        Réessayer
                      </Button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </Table>
      </Show>
    </>
  );
}
