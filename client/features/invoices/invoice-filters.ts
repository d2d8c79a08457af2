import type { Invoice, InvoiceKind, InvoiceStatus } from '../../../domain/schemas/invoice';

export type InvoiceFilters = {
  status?: InvoiceStatus;
  kind?: InvoiceKind;
  clientId?: string;
  repairOrderId?: string;
};

/** Whether an invoice belongs to a list with these filters (all of them are on the record). */
export function isInvoiceListed(invoice: Invoice, filters: InvoiceFilters): boolean {
  return (
    (!filters.status || invoice.status === filters.status) &&
    (!filters.kind || invoice.kind === filters.kind) &&
    (!filters.clientId || invoice.buyer.clientId === filters.clientId) &&
    (!filters.repairOrderId || invoice.origin.repairOrderId === filters.repairOrderId)
  );
}
