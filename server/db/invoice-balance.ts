import { type SQL, sql } from 'drizzle-orm';

/**
 * What is left to pay on the `invoices` row aliased `alias` (an issued invoice or deposit
 * invoice): its amount due, less the issued credit notes correcting it (stored positive, as
 * every invoice row), less the payments allocated to it (a refund's allocation is negative).
 * One definition for the alert check and the dashboard, which may not read each other's repos.
 */
export function invoiceBalanceSql(alias: string): SQL {
  const invoice = sql.identifier(alias);
  return sql`(${invoice}.due_payable_cents
    - coalesce((SELECT sum(cn.due_payable_cents) FROM invoices cn
        WHERE cn.corrects_invoice_id = ${invoice}.id AND cn.kind = 'credit_note' AND cn.status = 'issued'), 0)
    - coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = ${invoice}.id), 0))`;
}
