import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import type { DisplayToken } from '../../../domain/schemas/display-token';
import { createLiveList } from '../../lib/live-list';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { DisplayTokenForm } from './DisplayTokenForm';
import { DisplayTokensTable } from './DisplayTokensTable';
import { SettingsNav } from './SettingsNav';
import { getDisplayTokens } from './settings.api';
import './settings.css';

/** Newest first, as the server lists them. */
const byNewest = (a: DisplayToken, b: DisplayToken) =>
  b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

/**
 * Wall screens: a named token each, its link shown once, revocable (the screen drops at once).
 * The list is live: a token created or revoked on another admin's screen shows here as it is.
 */
export default function DisplaysPage() {
  const tokens = createAsync(() => getDisplayTokens());
  const list = createLiveList({
    entity: 'display_token',
    firstPage: tokens,
    place: (change) => ({ item: change.data, isListed: true }),
    compare: byNewest,
  });

  return (
    <div class="page page-narrow">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1>Écrans d’atelier</h1>
          <p class="page-lead">
            Un écran mural affiche, en lecture seule et avec son propre jeton, le tableau de bord ou
            le tableau de l’atelier (sans clients ni montants).
          </p>
        </div>
      </header>
      <DisplayTokenForm />
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des écrans…" />}>
          <Show when={tokens()}>
            <DisplayTokensTable tokens={list.items()} changedBy={list.changedBy} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
