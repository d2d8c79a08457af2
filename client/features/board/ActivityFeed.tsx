import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { describeChange } from '../../../domain/feed';
import type { FeedChange } from '../../../domain/schemas/change';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useLive } from '../../lib/live';
import { useSession } from '../../lib/session';
import { EmptyState } from '../../ui/Feedback';

const LINKS: Partial<Record<FeedChange['entity'], (id: string) => string>> = {
  client: (id) => `/clients/${id}`,
  vehicle: (id) => `/vehicles/${id}`,
  quote: (id) => `/quotes/${id}`,
  repair_order: (id) => `/repair-orders/${id}`,
  alert: () => '/alerts',
  alert_batch: () => '/alerts',
};

/** "Marie Dubois a créé…" with the person's name set apart. */
function FeedText(props: { change: FeedChange }) {
  const text = () => describeChange(props.change);
  const actor = () => props.change.actor?.name;
  return (
    <Show when={actor() && text().startsWith(actor()!)} fallback={text()}>
      <strong>{actor()}</strong>
      {text().slice(actor()!.length)}
    </Show>
  );
}

/** The live activity feed: every change anyone makes, newest first. */
export function ActivityFeed(props: { limit?: number }) {
  const live = useLive();
  const session = useSession();
  // The wall screen reads the feed but may not open the records.
  const canOpen = () => canWrite(session.user()?.role);
  // Re-render the relative times every 30 s ("il y a 2 min").
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 30_000);
  onCleanup(() => clearInterval(timer));
  const items = () => live.recent().slice(0, props.limit ?? 30);

  return (
    <Show
      when={items().length > 0}
      fallback={
        <EmptyState title="Aucune activité pour l’instant.">
          Les créations et modifications de l’équipe apparaîtront ici.
        </EmptyState>
      }
    >
      <ol class="feed" aria-live="polite">
        <For each={items()}>
          {(change) => {
            const link = canOpen() ? LINKS[change.entity] : undefined;
            return (
              <li class={`feed-item feed-${change.entity}`}>
                <span class="feed-text">
                  <Show when={link} fallback={<FeedText change={change} />}>
                    <A href={link!(change.id)}>
                      <FeedText change={change} />
                    </A>
                  </Show>
                </span>
                <time class="feed-time" datetime={change.at} title={formatDateTime(change.at)}>
                  {formatRelative(change.at, now())}
                </time>
              </li>
            );
          }}
        </For>
      </ol>
    </Show>
  );
}
