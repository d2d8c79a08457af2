import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { AppError } from '../../../domain/errors';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { InvoiceView } from './InvoiceView';
import { getInvoice } from './invoices.api';
import './invoices.css';

export default function InvoicePage() {
  const params = useParams<{ id: string }>();
  const invoice = createAsync(() => getInvoice(params.id));
  return (
    <div class="page page-wide">
      <ErrorBoundary
        fallback={(caught, reset) => (
          <Show
            when={caught instanceof AppError && caught.code === 'not_found'}
            fallback={
              <ErrorMessage
                error={caught}
                retry={() => {
                  void revalidate(getInvoice.keyFor(params.id));
                  reset();
                }}
              />
            }
          >
            <div class="alert alert-warning" role="alert">
              Cette facture n’existe pas ou plus (un brouillon supprimé ?).{' '}
              <A href="/invoices">Retour aux factures</A>
            </div>
          </Show>
        )}
      >
        <Suspense fallback={<Spinner label="Chargement de la facture…" />}>
          <Show when={invoice()?.id} keyed>
            {/* The page follows the invoice live from here on; another one gets a fresh view. */}
            <InvoiceView initial={untrack(() => invoice()!)} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
