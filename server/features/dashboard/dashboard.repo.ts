import { sql } from 'drizzle-orm';
import type { QuoteStatus } from '../../../domain/schemas/quote';
import type { Executor } from '../../db/client';

type Row = Record<string, unknown>;

async function rows<T extends Row>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

const toInt = (value: unknown): number => Number(value ?? 0);

/** The quote figures in one pass over the quotes the month, the open ones and the last 30 days touch. */
export async function selectQuoteFigures(
  db: Executor,
  bounds: { monthStart: Date; since30d: Date; today: string; weekEnd: string },
) {
  const [row] = await rows(
    db,
    sql`SELECT
      count(*) FILTER (WHERE sent_at >= ${bounds.monthStart}) AS sent_this_month,
      coalesce(sum(accepted_excl_vat_cents) FILTER (WHERE decided_at >= ${bounds.monthStart}), 0) AS accepted_value_month,
      count(*) FILTER (WHERE status = 'sent') AS open_count,
      coalesce(sum(excl_vat_cents) FILTER (WHERE status = 'sent'), 0) AS open_value,
      count(*) FILTER (WHERE status = 'sent' AND valid_until BETWEEN ${bounds.today} AND ${bounds.weekEnd}) AS expiring_week,
      count(*) FILTER (WHERE decided_at >= ${bounds.since30d} AND status IN ('accepted', 'partially_accepted')) AS accepted_30d,
      count(*) FILTER (WHERE decided_at >= ${bounds.since30d} AND status IN ('accepted', 'partially_accepted', 'refused')) AS decided_30d
    FROM quotes
    WHERE archived_at IS NULL
      AND (status = 'sent' OR sent_at >= ${bounds.monthStart} OR decided_at >= ${bounds.since30d})`,
  );
  return {
    sentThisMonth: toInt(row?.sent_this_month),
    acceptedValueThisMonthCents: toInt(row?.accepted_value_month),
    openCount: toInt(row?.open_count),
    openValueCents: toInt(row?.open_value),
    expiringThisWeek: toInt(row?.expiring_week),
    accepted30d: toInt(row?.accepted_30d),
    decided30d: toInt(row?.decided_30d),
  };
}

/** Quotes created per Paris week (Monday), by their current status. */
export async function selectQuotesPerWeek(db: Executor, since: Date) {
  const result = await rows<{ week: string; status: QuoteStatus; count: unknown }>(
    db,
    sql`SELECT date_trunc('week', created_at AT TIME ZONE 'Europe/Paris')::date::text AS week,
        status, count(*) AS count
      FROM quotes WHERE created_at >= ${since} AND archived_at IS NULL
      GROUP BY 1, 2`,
  );
  return result.map((row) => ({ week: row.week, status: row.status, count: toInt(row.count) }));
}

/** What clients agreed to, per Paris month, excl. VAT. */
export async function selectAcceptedValuePerMonth(db: Executor, since: Date) {
  const result = await rows<{ month: string; value: unknown }>(
    db,
    sql`SELECT to_char(decided_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month,
        sum(accepted_excl_vat_cents) AS value
      FROM quotes
      WHERE decided_at >= ${since} AND accepted_excl_vat_cents IS NOT NULL AND archived_at IS NULL
      GROUP BY 1`,
  );
  return result.map((row) => ({ month: row.month, valueCents: toInt(row.value) }));
}

export async function selectActivityCount(db: Executor, since: Date): Promise<number> {
  const [row] = await rows(db, sql`SELECT count(*) AS count FROM changes WHERE at >= ${since}`);
  return toInt(row?.count);
}

/** Active alerts by severity and by kind, and CT due within the window, in one pass. */
export async function selectAlertFigures(db: Executor, ctHorizon: string) {
  const result = await rows<{ kind: string; severity: string; count: unknown; ct_soon: unknown }>(
    db,
    sql`SELECT kind, severity, count(*) AS count,
        count(*) FILTER (WHERE kind = 'ct_due' AND due_date <= ${ctHorizon}) AS ct_soon
      FROM alerts WHERE status <> 'resolved' GROUP BY kind, severity`,
  );
  const bySeverity = { soon: 0, urgent: 0, overdue: 0 };
  const byKind = new Map<string, number>();
  let ctDue = 0;
  for (const row of result) {
    const count = toInt(row.count);
    bySeverity[row.severity as keyof typeof bySeverity] += count;
    byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + count);
    ctDue += toInt(row.ct_soon);
  }
  return { bySeverity, byKind: [...byKind].map(([kind, count]) => ({ kind, count })), ctDue };
}
