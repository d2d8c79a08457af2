import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { getJournalKey } from './journal.api';

/** The signing key's id and fingerprint: what an auditor checks an archive against. */
export function JournalKeyCard() {
  const key = createAsync(() => getJournalKey());
  return (
    <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
      <Suspense fallback={<Spinner label="Chargement de la clé…" />}>
        <Show when={key()}>
          {(shown) => (
            <section class="card journal-key" aria-labelledby="journal-key-title">
              <h2 id="journal-key-title">Clé de signature</h2>
              <p class="muted">
                Les écritures sont signées avec cette clé ; un contrôleur vérifie une archive avec
                sa clé publique.
              </p>
              <dl class="journal-facts">
                <dt>Identifiant</dt>
                <dd>
                  <code>{shown().keyId}</code>
                </dd>
                <dt>Empreinte (SHA-256)</dt>
                <dd>
                  <code class="journal-fingerprint">{shown().fingerprint}</code>
                </dd>
              </dl>
            </section>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
