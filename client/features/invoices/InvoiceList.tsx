import { createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Feedback';
import { InvoiceTable } from './InvoiceTable';
import type { InvoiceFilters } from './invoice-filters';
import { createInvoiceList } from './invoice-list';
import { getInvoicesPage } from './invoices.api';
import './invoices.css';

/** A client's (or an OR's) invoices, credit notes and deposits, newest first, live. */
export function InvoiceList(props: { filters: InvoiceFilters; empty: string }) {
  const firstPage = createAsync(() => getInvoicesPage(props.filters));
  const invoices = createInvoiceList(() => props.filters, firstPage);
  return (
    <Suspense fallback={<Spinner />}>
      <Show when={invoices.items().length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <InvoiceTable invoices={invoices.items()} changedBy={invoices.changedBy} />
        <Show when={invoices.hasMore()}>
          <Button onClick={() => void invoices.loadMore()} isLoading={invoices.isLoadingMore()}>
            Charger plus
          </Button>
        </Show>
      </Show>
    </Suspense>
  );
}
