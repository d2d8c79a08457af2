import type {
  CreditNoteCreate,
  InvoiceCreate,
  InvoiceUpdate,
} from '../../../domain/schemas/invoice';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';
import type { InvoiceFilters } from './invoice-filters';

/** The query string of a list: only the filters set. */
function toListQuery(filters: InvoiceFilters, cursor?: string) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.repairOrderId ? { repairOrderId: filters.repairOrderId } : {}),
    ...(filters.issuedFrom ? { issuedFrom: filters.issuedFrom } : {}),
    ...(filters.issuedTo ? { issuedTo: filters.issuedTo } : {}),
    ...(cursor ? { cursor } : {}),
    limit: '50',
  };
}

export const getInvoicesPage = staleOnQuery(
  ['invoice'],
  'invoices',
  (filters: InvoiceFilters, cursor?: string) =>
    call(api.invoices.$get({ query: toListQuery(filters, cursor) })),
);

export const getInvoice = recordQuery('invoice', 'invoice', (id) =>
  call(api.invoices[':id'].$get({ param: { id } })),
);

/**
 * Where the browser downloads an issued invoice's CII XML: a plain link (the session cookie
 * goes with it, the server names the file), as the OR's photos are.
 */
export function ciiXmlUrl(id: string): string {
  return `/api/v1/invoices/${id}/cii.xml`;
}

export const createInvoice = liveAction('invoice-create', (input: InvoiceCreate) =>
  call(api.invoices.$post({ json: input })),
);
export const updateInvoice = liveAction('invoice-update', (id: string, edit: InvoiceUpdate) =>
  call(api.invoices[':id'].$patch({ param: { id }, json: edit })),
);
export const deleteInvoice = liveAction('invoice-delete', (id: string) =>
  call(api.invoices[':id'].$delete({ param: { id } })),
);
export const issueInvoice = liveAction('invoice-issue', (id: string, version: number) =>
  call(api.invoices[':id'].issue.$post({ param: { id }, json: { version } })),
);
export const createCreditNote = liveAction(
  'invoice-credit-note',
  (id: string, input: CreditNoteCreate) =>
    call(api.invoices[':id']['credit-note'].$post({ param: { id }, json: input })),
);
