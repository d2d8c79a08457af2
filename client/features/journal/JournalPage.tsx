import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { SettingsNav } from '../settings/SettingsNav';
import { JournalVerifyCard } from './JournalVerifyCard';
import { getJournalKey } from './journal.api';
import './journal.css';

/** Paramètres → Journal: verification, closures and exports (admins; decision 0018). */
export default function JournalPage() {
  const key = createAsync(() => getJournalKey());
  return (
    <div class="page page-narrow">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1>Journal et clôtures</h1>
          <p class="page-lead">
            Le journal inaltérable des ventes et des encaissements : vérification, clôtures et
            exports pour le comptable et l’administration fiscale.
          </p>
        </div>
      </header>
      <JournalVerifyCard />
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
    </div>
  );
}
