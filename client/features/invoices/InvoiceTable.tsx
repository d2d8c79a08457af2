import { A, useNavigate } from '@solidjs/router';
import { For } from 'solid-js';
import type { Invoice } from '../../../domain/schemas/invoice';
import { formatCalendarDate, formatDate, formatEuros } from '../../lib/format';
import { Badge } from '../../ui/Feedback';
import { getInvoiceTotal, KIND_SHORT_LABELS, STATUS_LABELS, STATUS_TONES } from './invoice-labels';

/** Invoices as rows: number, kind, client, date, total incl. VAT, status. */
export function InvoiceTable(props: {
  invoices: Invoice[];
  changedBy?: (id: string) => string | undefined;
}) {
  const navigate = useNavigate();
  return (
    <table class="table invoices-table" aria-label="Factures">
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Type</th>
          <th scope="col">Client</th>
          <th scope="col">Date</th>
          <th scope="col" class="num">
            Total TTC
          </th>
          <th scope="col">Statut</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.invoices}>
          {(invoice) => (
            <tr
              data-invoice-id={invoice.id}
              class={props.changedBy?.(invoice.id) ? 'row-flash' : undefined}
              title={
                props.changedBy?.(invoice.id)
                  ? `modifié par ${props.changedBy(invoice.id)}`
                  : undefined
              }
              onClick={() => navigate(`/invoices/${invoice.id}`)}
            >
              <td class="nowrap">
                <A href={`/invoices/${invoice.id}`}>{invoice.number ?? 'Brouillon'}</A>
              </td>
              <td>{KIND_SHORT_LABELS[invoice.kind]}</td>
              <td>{invoice.buyer.name}</td>
              <td class="nowrap">
                {invoice.issueDate
                  ? formatCalendarDate(invoice.issueDate)
                  : `créé le ${formatDate(invoice.createdAt)}`}
              </td>
              <td class="num">
                {/* A credit note's amounts are positive (type 381 says it credits): shown as such. */}
                {invoice.kind === 'credit_note' ? '− ' : ''}
                {formatEuros(getInvoiceTotal(invoice))}
              </td>
              <td>
                <Badge tone={STATUS_TONES[invoice.status]}>{STATUS_LABELS[invoice.status]}</Badge>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
