import { type SQL, sql } from 'drizzle-orm';

/** What the issued credit notes correcting the `invoices` row aliased `alias` took off it. */
export function creditedCentsSql(alias: string): SQL {
  const invoice = sql.identifier(alias);
  return sql`coalesce((SELECT sum(cn.due_payable_cents) FROM invoices cn
    WHERE cn.corrects_invoice_id = ${invoice}.id AND cn.kind = 'credit_note' AND cn.status = 'issued'), 0)`;
}

/** What payments allocated to the `invoices` row aliased `alias` (a refund's is negative). */
export function paidCentsSql(alias: string): SQL {
  const invoice = sql.identifier(alias);
  return sql`coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = ${invoice}.id), 0)`;
}

/**
 * What is left to pay on the `invoices` row aliased `alias` (an issued invoice or deposit
 * invoice): its amount due, less the issued credit notes correcting it (stored positive, as
 * every invoice row), less the payments allocated to it. One definition for the payments'
 * balances, the alert check and the dashboard, which may not read each other's repos.
 */
export function invoiceBalanceSql(alias: string): SQL {
  const invoice = sql.identifier(alias);
  return sql`(${invoice}.due_payable_cents - ${creditedCentsSql(alias)} - ${paidCentsSql(alias)})`;
}

/**
 * Every issued invoice and deposit invoice still owed (balance > 0), with what is left, the day
 * it falls due (`payment.dueDate`, else its issue date), and what the check's alert names. The
 * balance is looked up per invoice through the two indexes (credit notes by corrected invoice,
 * allocations by invoice) and computed once per row: a plan that stays linear whatever the
 * planner knows. Joining pre-aggregated sums instead ran for minutes on PGlite, which never
 * analyses its tables (docs/decisions/0008-dashboard-counters.md).
 */
export function owedInvoicesSql(): SQL {
  return sql`(SELECT i.id, b.balance_cents,
      coalesce(i.payment->>'dueDate', i.issue_date::text) AS due_on, i.payment->>'dueDate' AS due_date,
      i.number, i.issue_date::text AS issue_date, i.client_id, i.buyer->>'name' AS buyer_name
    FROM invoices i
    CROSS JOIN LATERAL (SELECT ${invoiceBalanceSql('i')} AS balance_cents OFFSET 0) b
    WHERE i.status = 'issued' AND i.kind IN ('invoice', 'deposit') AND b.balance_cents > 0)`;
}
