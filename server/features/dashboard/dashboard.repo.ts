import { sql } from 'drizzle-orm';
import type { DashboardMoney } from '../../../domain/schemas/dashboard';
import type { QuoteStatus } from '../../../domain/schemas/quote';
import type { Executor } from '../../db/client';
import { owedInvoicesSql } from '../../db/invoice-balance';
import { dashboardStats } from '../../db/schema';

type Row = Record<string, unknown>;

async function rows<T extends Row>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

const toInt = (value: unknown): number => Number(value ?? 0);

/**
 * Sent, decided and activity figures from the counters (`dashboard_stats`, kept by triggers):
 * a few hundred rows whatever the number of quotes. Bounds are Paris calendar days.
 */
export async function selectCounterFigures(
  db: Executor,
  days: { monthStart: string; since30d: string; today: string },
) {
  const from = days.monthStart < days.since30d ? days.monthStart : days.since30d;
  const [row] = await rows(
    db,
    sql`SELECT
      sum(count) FILTER (WHERE metric = 'sent' AND day >= ${days.monthStart}) AS sent_this_month,
      sum(value_cents) FILTER (WHERE metric = 'decided' AND day >= ${days.monthStart}) AS accepted_value_month,
      sum(count) FILTER (WHERE metric = 'decided' AND day >= ${days.since30d}
        AND key IN ('accepted', 'partially_accepted')) AS accepted_30d,
      sum(count) FILTER (WHERE metric = 'decided' AND day >= ${days.since30d}
        AND key IN ('accepted', 'partially_accepted', 'refused')) AS decided_30d,
      sum(count) FILTER (WHERE metric = 'activity' AND day = ${days.today}) AS activity_today
    FROM ${dashboardStats}
    WHERE metric IN ('sent', 'decided', 'activity') AND day >= ${from}`,
  );
  return {
    sentThisMonth: toInt(row?.sent_this_month),
    acceptedValueThisMonthCents: toInt(row?.accepted_value_month),
    accepted30d: toInt(row?.accepted_30d),
    decided30d: toInt(row?.decided_30d),
    activityToday: toInt(row?.activity_today),
  };
}

/** The quotes waiting for an answer (few, by the status index): how many, their value, expiring. */
export async function selectOpenQuoteFigures(
  db: Executor,
  days: { today: string; weekEnd: string },
) {
  const [row] = await rows(
    db,
    sql`SELECT count(*) AS open_count, coalesce(sum(excl_vat_cents), 0) AS open_value,
        count(*) FILTER (WHERE valid_until BETWEEN ${days.today} AND ${days.weekEnd}) AS expiring_week
      FROM quotes WHERE status = 'sent' AND archived_at IS NULL`,
  );
  return {
    openCount: toInt(row?.open_count),
    openValueCents: toInt(row?.open_value),
    expiringThisWeek: toInt(row?.expiring_week),
  };
}

/** Quotes created per Paris week (Monday), by their current status. */
export async function selectQuotesPerWeek(db: Executor, firstMonday: string) {
  const result = await rows<{ week: string; status: QuoteStatus; count: unknown }>(
    db,
    sql`SELECT (day - (extract(isodow FROM day)::int - 1))::text AS week, key AS status,
        sum(count) AS count
      FROM ${dashboardStats} WHERE metric = 'created' AND day >= ${firstMonday}
      GROUP BY 1, 2`,
  );
  return result.map((row) => ({ week: row.week, status: row.status, count: toInt(row.count) }));
}

/** What clients agreed to, per Paris month, excl. VAT. */
export async function selectAcceptedValuePerMonth(db: Executor, firstDay: string) {
  const result = await rows<{ month: string; value: unknown }>(
    db,
    sql`SELECT to_char(day, 'YYYY-MM') AS month, sum(value_cents) AS value
      FROM ${dashboardStats} WHERE metric = 'decided' AND day >= ${firstDay}
      GROUP BY 1`,
  );
  return result.map((row) => ({ month: row.month, valueCents: toInt(row.value) }));
}

/**
 * Folds the counters' delta rows into one row per metric, key and day (the nightly job). Rows a
 * concurrent write appends meanwhile are not seen by the DELETE and stay as they are.
 */
export async function compactDashboardStats(db: Executor): Promise<void> {
  await db.execute(
    sql`WITH gone AS (DELETE FROM ${dashboardStats} RETURNING *)
      INSERT INTO ${dashboardStats} (metric, key, day, count, value_cents)
      SELECT metric, key, day, sum(count), sum(value_cents) FROM gone
      GROUP BY 1, 2, 3 HAVING sum(count) <> 0 OR sum(value_cents) <> 0`,
  );
}

/** Active alerts by severity and by kind, and CT due within the window, from the counters. */
export async function selectAlertFigures(db: Executor, ctHorizon: string) {
  const result = await rows<{ key: string; count: unknown; ct_soon: unknown }>(
    db,
    sql`SELECT key, sum(count) AS count,
        sum(count) FILTER (WHERE split_part(key, ':', 1) = 'ct_due' AND day <= ${ctHorizon}) AS ct_soon
      FROM ${dashboardStats} WHERE metric = 'alert' GROUP BY key`,
  );
  const bySeverity = { soon: 0, urgent: 0, overdue: 0 };
  const byKind = new Map<string, number>();
  let ctDue = 0;
  for (const row of result) {
    const count = toInt(row.count);
    if (count === 0) continue;
    const [kind = '', severity = ''] = row.key.split(':');
    if (severity in bySeverity) bySeverity[severity as keyof typeof bySeverity] += count;
    byKind.set(kind, (byKind.get(kind) ?? 0) + count);
    ctDue += toInt(row.ct_soon);
  }
  return { bySeverity, byKind: [...byKind].map(([kind, count]) => ({ kind, count })), ctDue };
}

/**
 * The counter's money figures: balances of the issued invoices still owed (read straight from
 * invoices, credit notes and allocations: one pass over the issued invoices), today's payments
 * by their recording instant, and today's invoices by their Paris issue date.
 */
export async function selectMoneyFigures(
  db: Executor,
  today: { date: string; from: Date; to: Date },
): Promise<DashboardMoney> {
  const [row] = await rows(
    db,
    sql`WITH owed AS (
        SELECT balance_cents AS balance, due_on FROM ${owedInvoicesSql()} AS owed_invoices
      ), paid AS (
        SELECT amount_cents, method FROM payments
        WHERE created_at >= ${today.from} AND created_at < ${today.to}
      )
      SELECT
        (SELECT coalesce(sum(balance), 0) FROM owed) AS outstanding,
        (SELECT coalesce(sum(balance), 0) FROM owed WHERE due_on < ${today.date}) AS overdue,
        (SELECT coalesce(sum(amount_cents), 0) FROM paid) AS collected,
        (SELECT coalesce(sum(amount_cents), 0) FROM paid WHERE method = 'cash') AS cash,
        (SELECT coalesce(sum(CASE WHEN kind = 'credit_note' THEN -grand_total_cents ELSE grand_total_cents END), 0)
          FROM invoices WHERE status = 'issued' AND issue_date = ${today.date}) AS invoiced`,
  );
  return {
    outstandingCents: toInt(row?.outstanding),
    overdueCents: toInt(row?.overdue),
    collectedTodayCents: toInt(row?.collected),
    collectedTodayCashCents: toInt(row?.cash),
    invoicedTodayCents: toInt(row?.invoiced),
  };
}
