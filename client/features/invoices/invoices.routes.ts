import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The invoices' screens: the list, and one invoice (a draft's editor, or issued read-only). */
export const invoiceRoutes: RouteDefinition[] = [
  { path: '/invoices', component: lazy(() => import('./InvoicesPage')) },
  { path: '/invoices/:id', component: lazy(() => import('./InvoicePage')) },
];
