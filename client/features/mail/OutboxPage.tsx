import { createAsync, revalidate } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { Button } from '../../ui/Button';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { SettingsNav } from '../settings/SettingsNav';
import { getOutbox } from './mail.api';
import { OutboxTable } from './OutboxTable';
import { TestMailForm } from './TestMailForm';

/** Paramètres → Courriels: is e-mail configured, and what the outbox holds (decision 0019). */
export default function OutboxPage() {
  const outbox = createAsync(() => getOutbox());
  const refresh = () => void revalidate(getOutbox.key);

  return (
    <div class="page">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1>Courriels</h1>
          <p class="page-lead">
            Les devis et les rappels partent de cette file d’envoi ; un message refusé par le
            serveur de courriel est réessayé, de plus en plus espacé.
          </p>
        </div>
        <Button onClick={refresh}>Actualiser</Button>
      </header>
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des courriels…" />}>
          <Show when={outbox()}>
            {(loaded) => (
              <>
                <Show
                  when={loaded().isConfigured}
                  fallback={
                    <div class="alert alert-warning" role="status">
                      Le courriel n’est pas configuré (SMTP_URL et MAIL_FROM) : les messages restent
                      dans la file, rien n’est envoyé.
                    </div>
                  }
                >
                  <div class="alert alert-info" role="status">
                    Le courriel est configuré : les messages partent dès leur mise en file.
                  </div>
                </Show>
                <TestMailForm onSent={refresh} />
                <OutboxTable messages={loaded().items} onChanged={refresh} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
