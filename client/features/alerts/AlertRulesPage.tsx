import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { SettingsNav } from '../settings/SettingsNav';
import { AlertRulesEditor } from './AlertRulesEditor';
import { getAlertRules } from './alert-rules.api';

/** When an alert opens, turns urgent, and when the check runs. */
export default function AlertRulesPage() {
  const rules = createAsync(() => getAlertRules());
  return (
    <div class="page page-narrow">
      <SettingsNav />
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des règles…" />}>
          <Show when={rules()}>
            {/* One editor for the page's life: later versions reach it as live changes. */}
            {(loaded) => <AlertRulesEditor initial={untrack(loaded)} />}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
