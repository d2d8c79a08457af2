import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { AlertSeverity } from '../../../domain/alerts/rules';
import type { Alert, AlertKind, AlertStatus } from '../../../domain/schemas/alert';
import type { Executor } from '../../db/client';
import { alerts, jobRuns, staff } from '../../db/schema';

type AlertRow = typeof alerts.$inferSelect;
export type NewAlert = typeof alerts.$inferInsert;

export function toAlert(row: AlertRow, assigneeName: string | null): Alert {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    dueDate: row.dueDate,
    title: row.title,
    detail: row.detail,
    subject: { type: row.subjectType, id: row.subjectId, label: row.subjectLabel },
    clientId: row.clientId,
    assigneeId: row.assigneeId,
    assigneeName,
    snoozedUntil: row.snoozedUntil,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

const SEVERITY_RANK = sql`CASE ${alerts.severity} WHEN 'overdue' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`;

export async function selectAlerts(
  db: Executor,
  query: { statuses: AlertStatus[]; kind?: AlertKind; assigneeId?: string | null; limit: number },
): Promise<Alert[]> {
  const filters: SQL[] = [inArray(alerts.status, query.statuses)];
  if (query.kind) filters.push(eq(alerts.kind, query.kind));
  if (query.assigneeId === null) filters.push(sql`${alerts.assigneeId} IS NULL`);
  else if (query.assigneeId) filters.push(eq(alerts.assigneeId, query.assigneeId));
  const rows = await db
    .select({ alert: alerts, assigneeName: staff.name })
    .from(alerts)
    .leftJoin(staff, eq(staff.id, alerts.assigneeId))
    .where(and(...filters))
    .orderBy(SEVERITY_RANK, asc(alerts.dueDate), asc(alerts.id))
    .limit(query.limit);
  return rows.map((row) => toAlert(row.alert, row.assigneeName));
}

export async function countActiveAlerts(db: Executor): Promise<Record<AlertSeverity, number>> {
  const rows = await db
    .select({ severity: alerts.severity, count: sql<number>`count(*)`.mapWith(Number) })
    .from(alerts)
    .where(ne(alerts.status, 'resolved'))
    .groupBy(alerts.severity);
  const counts = { soon: 0, urgent: 0, overdue: 0 };
  for (const row of rows) counts[row.severity] = row.count;
  return counts;
}

export async function selectAlertById(db: Executor, id: string): Promise<Alert | undefined> {
  const [row] = await db
    .select({ alert: alerts, assigneeName: staff.name })
    .from(alerts)
    .leftJoin(staff, eq(staff.id, alerts.assigneeId))
    .where(eq(alerts.id, id))
    .limit(1);
  return row ? toAlert(row.alert, row.assigneeName) : undefined;
}

export async function selectAlertsByIds(db: Executor, ids: string[]): Promise<Alert[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ alert: alerts, assigneeName: staff.name })
    .from(alerts)
    .leftJoin(staff, eq(staff.id, alerts.assigneeId))
    .where(inArray(alerts.id, ids));
  return rows.map((row) => toAlert(row.alert, row.assigneeName));
}

/**
 * Inserts what is new, and returns the rows as stored; a dedupe key already used (even by a
 * resolved alert) is skipped.
 */
export async function insertAlerts(db: Executor, rows: NewAlert[]): Promise<AlertRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(alerts)
    .values(rows)
    .onConflictDoNothing({ target: alerts.dedupeKey })
    .returning();
}

export async function updateAlertVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<
    Pick<AlertRow, 'status' | 'assigneeId' | 'snoozedUntil' | 'resolvedAt' | 'severity'>
  >,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(alerts)
    .set({ ...values, version: sql`${alerts.version} + 1`, updatedAt: now })
    .where(and(eq(alerts.id, id), eq(alerts.version, version)))
    .returning({ id: alerts.id });
  return rows.length > 0;
}

/** The check's side of the inbox: every alert it manages that is not resolved. */
export async function selectActiveSystemAlerts(db: Executor) {
  return db
    .select({
      id: alerts.id,
      dedupeKey: alerts.dedupeKey,
      dueDate: alerts.dueDate,
      status: alerts.status,
      severity: alerts.severity,
      title: alerts.title,
      snoozedUntil: alerts.snoozedUntil,
    })
    .from(alerts)
    .where(and(ne(alerts.status, 'resolved'), ne(alerts.kind, 'custom')));
}

/** The check's batched changes: one statement for many alerts. */
export async function applyAlertUpdates(
  db: Executor,
  updates: Array<{
    id: string;
    severity: AlertSeverity;
    status: AlertStatus;
    dueDate: string;
    title: string;
  }>,
  now: Date,
): Promise<void> {
  if (updates.length === 0) return;
  await db.execute(sql`
    UPDATE ${alerts} SET
      severity = d.severity,
      status = d.status,
      due_date = d.due_date::date,
      title = d.title,
      snoozed_until = CASE WHEN d.status = 'open' THEN NULL ELSE ${alerts.snoozedUntil} END,
      resolved_at = CASE WHEN d.status = 'resolved' THEN ${now} ELSE ${alerts.resolvedAt} END,
      version = ${alerts.version} + 1,
      updated_at = ${now}
    FROM (SELECT unnest(${sql.param(updates.map((u) => u.id))}::uuid[]) AS id,
                 unnest(${sql.param(updates.map((u) => u.severity))}::text[]) AS severity,
                 unnest(${sql.param(updates.map((u) => u.status))}::text[]) AS status,
                 unnest(${sql.param(updates.map((u) => u.dueDate))}::text[]) AS due_date,
                 unnest(${sql.param(updates.map((u) => u.title))}::text[]) AS title) AS d
    WHERE ${alerts.id} = d.id`);
}

/** Resolves what a new CT or service record satisfies, at once. */
export async function resolveSubjectAlerts(
  db: Executor,
  kind: AlertKind,
  subjectId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(alerts)
    .set({
      status: 'resolved',
      resolvedAt: now,
      version: sql`${alerts.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(eq(alerts.kind, kind), eq(alerts.subjectId, subjectId), ne(alerts.status, 'resolved')),
    )
    .returning({ id: alerts.id });
  return rows.map((row) => row.id);
}

export async function recordJobStart(db: Executor, name: string, at: Date): Promise<void> {
  await db
    .insert(jobRuns)
    .values({ name, startedAt: at, finishedAt: null, summary: null, error: null })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { startedAt: at, finishedAt: null, error: null },
    });
}

export async function recordJobEnd(
  db: Executor,
  name: string,
  at: Date,
  outcome: { summary: unknown } | { error: string },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      finishedAt: at,
      ...('error' in outcome
        ? { error: outcome.error }
        : { summary: outcome.summary, error: null }),
    })
    .where(eq(jobRuns.name, name));
}

export async function selectJobRun(db: Executor, name: string) {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.name, name)).limit(1);
  return row;
}
