import type { Invoice, InvoiceKind, InvoiceStatus } from '../../../domain/schemas/invoice';

export type InvoiceFilters = {
  status?: InvoiceStatus;
  kind?: InvoiceKind;
  clientId?: string;
  repairOrderId?: string;
  /** The period, on the issue date (Paris days, both included): drafts are outside any. */
  issuedFrom?: string;
  issuedTo?: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date typed in the URL, kept only when it is one (the server would refuse the list). */
export function readDateParam(value: string | undefined): string | undefined {
  return value && DATE.test(value) ? value : undefined;
}

/** Whether an invoice belongs to a list with these filters (all of them are on the record). */
export function isInvoiceListed(invoice: Invoice, filters: InvoiceFilters): boolean {
  return (
    (!filters.status || invoice.status === filters.status) &&
    (!filters.kind || invoice.kind === filters.kind) &&
    (!filters.clientId || invoice.buyer.clientId === filters.clientId) &&
    (!filters.repairOrderId || invoice.origin.repairOrderId === filters.repairOrderId) &&
    (!filters.issuedFrom ||
      (invoice.issueDate !== null && invoice.issueDate >= filters.issuedFrom)) &&
    (!filters.issuedTo || (invoice.issueDate !== null && invoice.issueDate <= filters.issuedTo))
  );
}
