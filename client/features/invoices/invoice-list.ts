import type { Invoice } from '../../../domain/schemas/invoice';
import { createLiveList, type Page } from '../../lib/live-list';
import type { InvoiceFilters } from './invoice-filters';
import { isInvoiceListed } from './invoice-filters';
import { getInvoicesPage } from './invoices.api';

/** The server's order: newest first (created at, then id). */
function compareInvoices(a: Invoice, b: Invoice) {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** A live page of invoices (the invoices screen, a client's invoices). */
export function createInvoiceList(
  filters: () => InvoiceFilters,
  firstPage: () => Page<Invoice> | undefined,
) {
  return createLiveList({
    entity: 'invoice',
    firstPage,
    fetchPage: (cursor) =>
      cursor ? getInvoicesPage(filters(), cursor) : getInvoicesPage(filters()),
    compare: compareInvoices,
    place: (change) => ({
      item: change.data,
      // A draft thrown away leaves every list.
      isListed: change.action !== 'deleted' && isInvoiceListed(change.data, filters()),
    }),
    placeItem: (item) => isInvoiceListed(item, filters()),
  });
}
