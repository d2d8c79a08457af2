import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { useChanges } from '../../lib/live';
import { getOpenTill } from './payments.api';
import { createReads } from './payments.live';

/**
 * Said before a cash payment is tried: the till is closed, so the server would refuse it
 * (`till_not_open`). Only a hint: if the till cannot be read, the server's refusal still says it.
 */
export function TillClosedHint() {
  const [reads, readAgain] = createReads();
  useChanges('till', readAgain);
  const till = createAsync(() => {
    reads();
    return getOpenTill();
  });
  return (
    <ErrorBoundary fallback={null}>
      <Suspense>
        <Show when={till() === null}>
          <p class="alert alert-warning" role="status" data-testid="till-closed-hint">
            <span>
              La caisse est fermée : les espèces ne s’encaissent qu’une fois la caisse ouverte.{' '}
              <A href="/caisse">Ouvrir la caisse</A>
            </span>
          </p>
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
