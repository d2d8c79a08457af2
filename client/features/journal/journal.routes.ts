import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getClosures, getJournalKey } from './journal.api';

/** Paramètres → Journal (admins). */
export const journalRoutes: RouteDefinition[] = [
  {
    path: '/settings/journal',
    component: lazy(() => import('./JournalPage')),
    preload: () => {
      void getJournalKey();
      void getClosures();
    },
  },
];
