import type { Invoice } from '../../../domain/schemas/invoice';
import { createLiveList, type Page } from '../../lib/live-list';
import { getInvoicesPage, type InvoiceFilters } from './invoices.api';

/** The server's order: newest first (created at, then id). */
function compareInvoices(a: Invoice, b: Invoice) {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** Whether an invoice belongs to a list with these filters (all of them are on the record). */
export function isInvoiceListed(invoice: Invoice, filters: InvoiceFilters): boolean {
  return (
    (!filters.status || invoice.status === filters.status) &&
    (!filters.kind || invoice.kind === filters.kind) &&
    (!filters.clientId || invoice.buyer.clientId === filters.clientId) &&
    (!filters.repairOrderId || invoice.origin.repairOrderId === filters.repairOrderId)
  );
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
