import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { SettingsEditor } from './SettingsEditor';
import { SettingsNav } from './SettingsNav';
import { getSettings } from './settings.api';
import './settings.css';

/** The garage's settings: what prints on the quotes, the rates and the packages. */
export default function SettingsPage() {
  const settings = createAsync(() => getSettings());
  return (
    <div class="page">
      <SettingsNav />
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des paramètres…" />}>
          <Show when={settings()}>
            {/* One editor for the page's life: later versions reach it as live changes. */}
            {(loaded) => <SettingsEditor initial={untrack(loaded)} />}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
