import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The quotes' screens; each preloads its query while its code loads. */
export const quoteRoutes: RouteDefinition[] = [
  { path: '/quotes', component: lazy(() => import('./QuotesPage')) },
  { path: '/quotes/:id', component: lazy(() => import('./QuoteEditorPage')) },
  { path: '/quotes/:id/revisions/:revision', component: lazy(() => import('./QuoteRevisionPage')) },
];
