import { daysBetween } from '../dates';
import { formatEuros } from '../money';
import type { AlertSeverity } from './rules';

/** What the check knows of an issued invoice (or deposit invoice) to decide if it is overdue. */
export type InvoiceDueFacts = {
  number: string;
  issueDate: string;
  /** `payment.dueDate` of the invoice; null: payable on receipt, so due on its issue date. */
  dueDate: string | null;
  /**
   * What is left to pay: duePayableCents − issued credit notes correcting it − payments
   * allocated to it (a refund's allocation is negative and raises it again).
   */
  balanceCents: number;
};

export type InvoiceOverdue = {
  /** The date the invoice fell due: fixed once issued, so the dedupe key never moves. */
  dueDate: string;
  daysLate: number;
  severity: AlertSeverity;
  title: string;
};

const daysText = (days: number) => (days === 1 ? '1 jour' : `${days} jours`);

/**
 * An unpaid invoice past its due date (Paris days): an alert from the day after it fell due,
 * `soon` at first (as a quote to follow up), `urgent` from `urgentAfterDays` days late. Nothing
 * when the balance is settled (0) or in the client's favour (negative, e.g. overpaid).
 */
export function computeInvoiceOverdue(
  invoice: InvoiceDueFacts,
  today: string,
  urgentAfterDays: number,
): InvoiceOverdue | null {
  if (invoice.balanceCents <= 0) return null;
  const dueDate = invoice.dueDate ?? invoice.issueDate;
  const daysLate = daysBetween(dueDate, today);
  if (daysLate <= 0) return null;
  return {
    dueDate,
    daysLate,
    severity: daysLate >= urgentAfterDays ? 'urgent' : 'soon',
    title: `Facture ${invoice.number} impayée : ${formatEuros(invoice.balanceCents)} en retard de ${daysText(daysLate)}`,
  };
}
