import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { INVOICE_KIND_LABELS, type Invoice } from '../../../domain/schemas/invoice';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { Badge } from '../../ui/Feedback';
import { STATUS_LABELS, STATUS_TONES } from './invoice-labels';

/** The number (or « Brouillon »), the kind, the client, where it comes from, what it corrects. */
export function InvoiceHeader(props: {
  invoice: Invoice;
  children: import('solid-js').JSX.Element;
}) {
  const invoice = () => props.invoice;
  return (
    <header class="page-header invoice-header">
      <div>
        <p class="breadcrumb">
          <A href="/invoices">Factures</A>
        </p>
        <h1>
          {INVOICE_KIND_LABELS[invoice().kind]}{' '}
          <span data-testid="invoice-number">{invoice().number ?? 'brouillon'}</span>{' '}
          <Badge tone={STATUS_TONES[invoice().status]}>{STATUS_LABELS[invoice().status]}</Badge>
        </h1>
        <p class="page-lead">
          <Show when={invoice().buyer.clientId} fallback={invoice().buyer.name}>
            {(clientId) => <A href={`/clients/${clientId()}`}>{invoice().buyer.name}</A>}
          </Show>
          <Show when={invoice().vehicle}>{(vehicle) => <> · {vehicle().plate}</>}</Show>
          <Show when={invoice().origin.repairOrderId}>
            {(id) => (
              <>
                {' · '}
                <A href={`/repair-orders/${id()}`}>{invoice().origin.repairOrderNumber ?? 'OR'}</A>
              </>
            )}
          </Show>
          <Show when={invoice().origin.quoteId}>
            {(id) => (
              <>
                {' · '}
                <A href={`/quotes/${id()}`}>{invoice().origin.quoteNumber ?? 'devis'}</A>
              </>
            )}
          </Show>
        </p>
        <Show when={invoice().corrects}>
          {(corrected) => (
            <p class="invoice-corrects">
              Avoir sur la facture{' '}
              <A href={`/invoices/${corrected().invoiceId}`}>{corrected().number}</A> du{' '}
              {formatCalendarDate(corrected().issueDate)}
            </p>
          )}
        </Show>
        <p class="muted">
          <Show
            when={invoice().issuedAt}
            fallback={
              <>
                Brouillon créé le {formatDateTime(invoice().createdAt)} : non numéroté, modifiable.
              </>
            }
          >
            {(issuedAt) => (
              <>
                Émise le {formatDateTime(issuedAt())} : numérotée et verrouillée. Une erreur se
                corrige par un avoir.
              </>
            )}
          </Show>
        </p>
      </div>
      <div class="header-actions">{props.children}</div>
    </header>
  );
}
