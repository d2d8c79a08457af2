import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, ErrorBoundary, For, onCleanup, Show, Suspense } from 'solid-js';
import { QUOTE_MESSAGE_STATUS_LABELS } from '../../../domain/schemas/quote-email';
import { formatDateTime } from '../../lib/format';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { getQuoteMessages } from './quotes.api';

const TONES = {
  queued: 'info',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  held: 'warning',
} as const;

/** While a message is on its way, the history reads again: delivery sends no change event. */
const PENDING_POLL_MS = 3000;

export function refreshQuoteMessages(quoteId: string): Promise<void> {
  return revalidate(getQuoteMessages.keyFor(quoteId));
}

/** « Messages envoyés »: the quote's e-mails, newest first, with their delivery state. */
export function QuoteMessages(props: { quoteId: string }) {
  const messages = createAsync(() => getQuoteMessages(props.quoteId));
  createEffect(() => {
    const items = messages()?.items ?? [];
    if (!items.some((item) => item.status === 'queued' || item.status === 'sending')) return;
    const timer = setTimeout(() => void refreshQuoteMessages(props.quoteId), PENDING_POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });

  return (
    <section class="card quote-messages" aria-label="Messages envoyés">
      <h2>Messages envoyés</h2>
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des messages…" />}>
          <Show
            when={(messages()?.items.length ?? 0) > 0}
            fallback={<p class="muted">Aucun message envoyé pour ce devis.</p>}
          >
            <ul class="quote-message-list">
              <For each={messages()?.items}>
                {(item) => (
                  <li class="quote-message" data-testid="quote-message">
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
