import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, Show, Suspense } from 'solid-js';
import type { TillSession } from '../../../domain/schemas/payment';
import { formatDateTime, formatEuros } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { getOpenTill } from './payments.api';
import { createReads } from './payments.live';
import { TillOpenForm } from './TillOpenForm';
import { TillSessionView } from './TillSessionView';
import { differenceLabel } from './till-values';
import './payments.css';

/**
 * « Caisse »: opened in the morning with its float, the cash taken and the movements through
 * the day, counted and closed at night. Live: a cash payment at another counter, a colleague's
 * movement or count shows here as it is made.
 */
export default function TillPage() {
  const [reads, readAgain] = createReads();
  const till = createAsync(() => {
    reads();
    return getOpenTill();
  });
  // The session counted last, here or at another counter: the open-till query no longer has it.
  const [closed, setClosed] = createSignal<TillSession | null>(null);
  useChanges('till', (change) => {
    if (change.data.closedAt) setClosed(change.data);
    readAgain();
  });
  // Cash taken or given back goes through the open session.
  useChanges('payment', (change) => {
    if (change.data.tillSessionId) readAgain();
  });
  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1>Caisse</h1>
          <p class="page-lead">
            Les espèces du comptoir : fond, encaissements, mouvements, comptage.
          </p>
        </div>
      </header>
      <Show when={closed()}>
        {(session) => (
          <div class="alert alert-info" role="status" data-testid="till-closed">
            <span>
              Caisse fermée le {formatDateTime(session().closedAt!)}
              {session().closedByName ? ` par ${session().closedByName}` : ''} : comptée{' '}
              {formatEuros(session().countedCents ?? 0)} pour {formatEuros(session().expectedCents)}{' '}
              attendus, {differenceLabel(session().differenceCents ?? 0)}.
            </span>
          </div>
        )}
      </Show>
      <ErrorBoundary
        fallback={(error, reset) => (
          <ErrorMessage
            error={error}
            retry={() => {
              void revalidate(getOpenTill.keyFor());
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<Spinner label="Chargement de la caisse…" />}>
          <Show when={till()} fallback={<TillOpenForm />}>
            {(session) => <TillSessionView session={session()} onClosed={setClosed} />}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
