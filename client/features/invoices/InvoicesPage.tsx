import { createAsync, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import {
  INVOICE_KINDS,
  INVOICE_STATUSES,
  type InvoiceKind,
  type InvoiceStatus,
} from '../../../domain/schemas/invoice';
import { Button } from '../../ui/Button';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { InvoiceTable } from './InvoiceTable';
import { type InvoiceFilters, readDateParam } from './invoice-filters';
import { KIND_SHORT_LABELS, STATUS_LABELS } from './invoice-labels';
import { createInvoiceList } from './invoice-list';
import { getInvoicesPage } from './invoices.api';
import './invoices.css';

/** One row of filter buttons: « Tous » and one per value. */
function FilterButtons<V extends string>(props: {
  label: string;
  values: readonly V[];
  labels: Record<V, string>;
  value: V | undefined;
  onPick: (value: V | undefined) => void;
}) {
  return (
    <fieldset class="invoice-filter" aria-label={props.label}>
      <button
        type="button"
        class={`btn ${!props.value ? 'active' : ''}`}
        aria-pressed={!props.value}
        onClick={() => props.onPick(undefined)}
      >
        Tous
      </button>
      <For each={props.values}>
        {(value) => (
          <button
            type="button"
            class={`btn ${props.value === value ? 'active' : ''}`}
            aria-pressed={props.value === value}
            onClick={() => props.onPick(value)}
          >
            {props.labels[value]}
          </button>
        )}
      </For>
    </fieldset>
  );
}

export default function InvoicesPage() {
  const [params, setParams] = useSearchParams<{
    status?: InvoiceStatus;
    kind?: InvoiceKind;
    from?: string;
    to?: string;
  }>();
  const filters = (): InvoiceFilters => ({
    status: params.status,
    kind: params.kind,
    issuedFrom: readDateParam(params.from),
    issuedTo: readDateParam(params.to),
  });
  const firstPage = createAsync(() => getInvoicesPage(filters()));
  const invoices = createInvoiceList(filters, firstPage);

  return (
    <div class="page">
      <header class="page-header">
        <h1>Factures</h1>
      </header>
      <div class="toolbar">
        <FilterButtons
          label="Filtrer par statut"
          values={INVOICE_STATUSES}
          labels={STATUS_LABELS}
          value={params.status}
          onPick={(status) => setParams({ status })}
        />
        <FilterButtons
          label="Filtrer par type"
          values={INVOICE_KINDS}
          labels={KIND_SHORT_LABELS}
          value={params.kind}
          onPick={(kind) => setParams({ kind })}
        />
        <fieldset class="invoice-period" aria-label="Période d’émission">
          <label>
            Émises du{' '}
            <input
              class="input"
              type="date"
              aria-label="Émises du"
              value={params.from ?? ''}
              onChange={(event) => setParams({ from: event.currentTarget.value || undefined })}
            />
          </label>
          <label>
            au{' '}
            <input
              class="input"
              type="date"
              aria-label="Émises au"
              value={params.to ?? ''}
              onChange={(event) => setParams({ to: event.currentTarget.value || undefined })}
            />
          </label>
        </fieldset>
      </div>
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des factures…" />}>
          <Show
            when={invoices.items().length > 0}
            fallback={
              <EmptyState title="Aucune facture ne correspond.">
                <p class="muted">
                  Une facture se fait depuis un ordre de réparation restitué (« Facturer »).
                </p>
              </EmptyState>
            }
          >
            <InvoiceTable invoices={invoices.items()} changedBy={invoices.changedBy} />
            <Show when={invoices.loadMoreError()}>
              <div class="alert alert-error">{invoices.loadMoreError()}</div>
            </Show>
            <Show when={invoices.hasMore()}>
              <div class="load-more">
                <Button
                  onClick={() => void invoices.loadMore()}
                  isLoading={invoices.isLoadingMore()}
                >
                  Charger plus
                </Button>
              </div>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
