import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { createLiveList } from '../../lib/live-list';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { SettingsNav } from '../settings/SettingsNav';
import { ClosuresSection } from './ClosuresSection';
import { compareClosures } from './closure-view';
import { ExportsSection } from './ExportsSection';
import { JournalKeyCard } from './JournalKeyCard';
import { JournalVerifyCard } from './JournalVerifyCard';
import { getClosures } from './journal.api';
import './journal.css';

/** Paramètres → Journal: verification, closures and exports (admins; decision 0018). */
export default function JournalPage() {
  const closures = createAsync(() => getClosures());
  const list = createLiveList({
    entity: 'closure',
    firstPage: () => {
      const items = closures();
      return items ? { items } : undefined;
    },
    place: (change) => ({ item: change.data, isListed: true }),
    placeItem: () => true,
    compare: compareClosures,
  });

  return (
    <div class="page">
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
        <Suspense fallback={<Spinner label="Chargement des clôtures…" />}>
          <Show when={closures()}>
            <ClosuresSection
              closures={list.items()}
              changedBy={list.changedBy}
              onClosed={list.put}
            />
            <ExportsSection closures={list.items()} />
          </Show>
        </Suspense>
      </ErrorBoundary>
      <JournalKeyCard />
    </div>
  );
}
