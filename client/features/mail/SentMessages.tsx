import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, ErrorBoundary, For, onCleanup, Show, Suspense } from 'solid-js';
import {
  QUOTE_MESSAGE_STATUS_LABELS,
  type QuoteMessage,
} from '../../../domain/schemas/quote-email';
import { formatDateTime } from '../../lib/format';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import './mail.css';

const TONES = {
  queued: 'info',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  held: 'warning',
} as const;

/** While a message is on its way, the history reads again: delivery sends no change event. */
const PENDING_POLL_MS = 3000;

/** A query of one record's messages (a quote's, a client's), as `staleOnQuery` builds it. */
export type MessagesQuery = ((id: string) => Promise<{ items: QuoteMessage[] }>) & {
  keyFor: (id: string) => string;
};

/** « Messages envoyés »: one record's e-mails, newest first, with their delivery state. */
export function SentMessages(props: { query: MessagesQuery; id: string; empty: string }) {
  const messages = createAsync(() => props.query(props.id));
  createEffect(() => {
    const items = messages()?.items ?? [];
    if (!items.some((item) => item.status === 'queued' || item.status === 'sending')) return;
    const key = props.query.keyFor(props.id);
    const timer = setTimeout(() => void revalidate(key), PENDING_POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });

  return (
    <section class="card sent-messages" aria-label="Messages envoyés">
      <h2>Messages envoyés</h2>
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des messages…" />}>
          <Show
            when={(messages()?.items.length ?? 0) > 0}
            fallback={<p class="muted">{props.empty}</p>}
          >
            <ul class="sent-message-list">
              <For each={messages()?.items}>
                {(item) => (
                  <li class="sent-message" data-testid="sent-message">
                    <div>
                      <strong>{item.to}</strong>{' '}
                      <Badge tone={TONES[item.status]}>
                        {QUOTE_MESSAGE_STATUS_LABELS[item.status]}
                      </Badge>
                    </div>
                    <p class="muted">
                      {formatDateTime(item.createdAt)}
                      <Show when={item.sentAt}>
                        {(sentAt) => (
                          <> · remis au serveur de courriel le {formatDateTime(sentAt())}</>
                        )}
                      </Show>
                    </p>
                    <Show when={item.status === 'failed' && item.lastError}>
                      <p class="field-error">{item.lastError}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
