import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { ClientRecord } from './ClientRecord';
import { getClient } from './clients.api';

export default function ClientDetailPage() {
  const params = useParams<{ id: string }>();
  const client = createAsync(() => getClient(params.id));
  return (
    <div class="page page-narrow">
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement du client…" />}>
          <Show
            when={client()?.id}
            keyed
            fallback={
              <p>
                <A href="/clients">Clients</A>
              </p>
            }
          >
            {/* Another client opened from the search or the feed: a fresh editor. */}
            <ClientRecord initial={untrack(() => client()!)} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
