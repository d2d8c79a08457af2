import { createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { getSettings } from '../settings/settings.api';
import { QuoteEditor } from './QuoteEditor';
import { getQuote } from './quotes.api';
import './quotes.css';

export default function QuoteEditorPage() {
  const params = useParams<{ id: string }>();
  const quote = createAsync(() => getQuote(params.id));
  const settings = createAsync(() => getSettings());
  return (
    <div class="page page-wide">
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement du devis…" />}>
          <Show when={settings() && quote()?.id} keyed>
            {/* The editor follows the quote live from here on; another quote gets a fresh one. */}
            <QuoteEditor initial={untrack(() => quote()!)} settings={settings()!} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
