import { Cron } from 'croner';
import type { z } from 'zod';
import {
  type AlertRulesPatchSchema,
  AlertRulesUpdateSchema,
  computeSeverity,
} from '../../../domain/alerts/rules';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { GARAGE_TZ, todayInParis } from '../../../domain/dates';
import { AppError, fromZodError } from '../../../domain/errors';
import type {
  Alert,
  AlertCreateSchema,
  AlertListQuerySchema,
  AlertStatus,
  CheckSummary,
} from '../../../domain/schemas/alert';
import { FEED_READERS, READERS, requireRole, WRITERS } from '../../access';
import type { Executor } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { type RecordChange, staleVersionError, writeWithChanges } from '../changes/changes.service';
import { readClient } from '../clients/clients.service';
import { readQuote } from '../quotes/quotes.service';
import { readAlertRules, saveAlertRules } from '../settings/settings.service';
import { readStaffMember } from '../staff/staff.service';
import { readVehicle } from '../vehicles/vehicles.service';
import { selectInvoiceBalance } from './alert-sources.repo';
import { runAlertCheck } from './alerts.check';
import {
  countActiveAlerts,
  insertAlerts,
  recordJobEnd,
  recordJobStart,
  resolveSubjectAlerts,
  selectAlertById,
  selectAlerts,
  selectAlertsByIds,
  selectJobRun,
  updateAlertVersioned,
} from './alerts.repo';

export const ALERT_JOB = 'alert-check';
const NOT_FOUND = 'Cette alerte est introuvable.';

export type Schedule = {
  lastRun: {
    startedAt: string;
    finishedAt: string | null;
    summary: unknown;
    error: string | null;
  } | null;
  nextRuns: string[];
};

async function getSchedule(deps: Deps): Promise<Schedule> {
  const run = await selectJobRun(deps.db, ALERT_JOB);
  return {
    lastRun: run
      ? {
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          summary: run.summary,
          error: run.error,
        }
      : null,
    nextRuns: deps.jobs.nextRuns(ALERT_JOB, 3).map((date) => date.toISOString()),
  };
}

export async function listAlerts(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof AlertListQuerySchema>,
) {
  requireRole(actor, FEED_READERS);
  const statuses: AlertStatus[] =
    query.status === 'active' ? ['open', 'acknowledged', 'snoozed'] : [query.status];
  const [items, counts, schedule] = await Promise.all([
    selectAlerts(deps.db, {
      statuses,
      kind: query.kind,
      assigneeId:
        query.assignee === 'me' ? actor.id : query.assignee === 'none' ? null : query.assignee,
      limit: query.limit,
    }),
    countActiveAlerts(deps.db),
    getSchedule(deps),
  ]);
  return { items, counts, schedule };
}

async function subjectOf(db: Executor, type: 'vehicle' | 'quote' | 'client', id: string) {
  if (type === 'client') {
    const client = await readClient(db, id);
    return client && { label: getClientDisplayName(client), clientId: client.id };
  }
  if (type === 'vehicle') {
    const vehicle = await readVehicle(db, id);
    return (
      vehicle && { label: `${vehicle.plate} — ${vehicle.clientName}`, clientId: vehicle.clientId }
    );
  }
  const quote = await readQuote(db, id);
  return (
    quote && {
      label: `${quote.number ?? 'Devis brouillon'} — ${quote.clientName}`,
      clientId: quote.clientId,
    }
  );
}

/** A reminder a staff member adds by hand, on a client, a vehicle or a quote. */
export async function createCustomAlert(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof AlertCreateSchema>,
): Promise<Alert> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const subject = await subjectOf(tx, input.subjectType, input.subjectId);
    if (!subject) {
      throw new AppError('validation_failed', 'Ce client, véhicule ou devis est introuvable.', [
        { path: ['subjectId'], code: 'custom', message: 'Introuvable.' },
      ]);
    }
    if (input.assigneeId && !(await readStaffMember(tx, input.assigneeId))) {
      throw new AppError('validation_failed', 'Ce membre du personnel est introuvable.', [
        { path: ['assigneeId'], code: 'custom', message: 'Introuvable.' },
      ]);
    }
    const now = deps.now();
    const severity = computeSeverity(input.dueDate, todayInParis(now), {
      openDaysBefore: 100_000,
      urgentDaysBefore: 7,
    })!;
    const [inserted] = await insertAlerts(tx, [
      {
        kind: 'custom',
        severity,
        status: 'open',
        dueDate: input.dueDate,
        title: input.title,
        detail: input.detail,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        subjectLabel: subject.label,
        clientId: subject.clientId,
        assigneeId: input.assigneeId,
        dedupeKey: `custom:${crypto.randomUUID()}`,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const [alert] = await selectAlertsByIds(tx, [inserted!.id]);
    record({ entity: 'alert', action: 'created', id: alert!.id, data: alert! });
    return alert!;
  });
}

type AlertChange =
  | { action: 'ack' }
  | { action: 'snooze'; until: string }
  | { action: 'assign'; assigneeId: string | null }
  | { action: 'resolve' };

/** Acknowledge, snooze until a date, assign to a colleague, resolve. */
export async function actOnAlert(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  change: AlertChange,
): Promise<Alert> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const current = await selectAlertById(tx, id);
    if (!current) throw new AppError('not_found', NOT_FOUND);
    if (current.version !== version)
      throw await staleVersionError(tx, 'alert', current.id, current);
    if (current.status === 'resolved' && change.action !== 'assign') {
      throw new AppError('alert_resolved', undefined, { current });
    }
    const now = deps.now();
    const today = todayInParis(now);
    let values: Parameters<typeof updateAlertVersioned>[3];
    switch (change.action) {
      case 'ack':
        values = { status: 'acknowledged', snoozedUntil: null };
        break;
      case 'snooze':
        if (change.until <= today) {
          throw new AppError('validation_failed', 'Reportez à une date future.', [
            { path: ['until'], code: 'custom', message: 'Choisissez une date après aujourd’hui.' },
          ]);
        }
        values = { status: 'snoozed', snoozedUntil: change.until };
        break;
      case 'assign':
        if (change.assigneeId && !(await readStaffMember(tx, change.assigneeId))) {
          throw new AppError('validation_failed', 'Ce membre du personnel est introuvable.', [
            { path: ['assigneeId'], code: 'custom', message: 'Introuvable.' },
          ]);
        }
        values = { assigneeId: change.assigneeId };
        break;
      case 'resolve':
        values = { status: 'resolved', resolvedAt: now, snoozedUntil: null };
        break;
    }
    if (!(await updateAlertVersioned(tx, id, version, values, now))) {
      throw await staleVersionError(tx, 'alert', current.id, current);
    }
    const alert = (await selectAlertById(tx, id))!;
    record({
      entity: 'alert',
      action: change.action === 'resolve' ? 'archived' : 'updated',
      id,
      data: alert,
    });
    return alert;
  });
}

/**
 * A CT or service recorded on a vehicle satisfies its open alert of that kind at once. The
 * vehicles feature calls it through `deps.hooks.upkeepRecorded` (wired in server.ts): it sits
 * below this one and does not import it.
 */
export async function resolveSatisfiedAlerts(
  tx: Executor,
  record: RecordChange,
  upkeep: { kind: 'ct_due' | 'service_due'; vehicleId: string; at: Date },
): Promise<void> {
  const ids = await resolveSubjectAlerts(tx, upkeep.kind, upkeep.vehicleId, upkeep.at);
  for (const alert of await selectAlertsByIds(tx, ids)) {
    record({ entity: 'alert', action: 'updated', id: alert.id, data: alert });
  }
}

/**
 * A payment (or a credit note) was allocated to an invoice: once nothing is left to pay, its
 * overdue alert is resolved in the same transaction, before the next check. The payments
 * feature calls it through `deps.hooks.invoicePaid` after writing its allocations; calling it
 * for an invoice still owed does nothing (the check keeps its alert and rewrites its amount).
 */
export async function resolvePaidInvoiceAlerts(
  tx: Executor,
  record: RecordChange,
  paid: { invoiceId: string; at: Date },
): Promise<void> {
  const balance = await selectInvoiceBalance(tx, paid.invoiceId);
  if (balance === undefined || balance > 0) return;
  const ids = await resolveSubjectAlerts(tx, 'invoice_overdue', paid.invoiceId, paid.at);
  for (const alert of await selectAlertsByIds(tx, ids)) {
    record({ entity: 'alert', action: 'updated', id: alert.id, data: alert });
  }
}

/** The scheduled check, on one instance at a time; the start and outcome are kept for the inbox. */
export async function runScheduledCheck(
  deps: Deps,
): Promise<{ ran: true; summary: CheckSummary } | { ran: false }> {
  const outcome = await deps.jobs.withLock(ALERT_JOB, async () => {
    await recordJobStart(deps.db, ALERT_JOB, deps.now());
    try {
      const summary = await runAlertCheck(deps);
      await recordJobEnd(deps.db, ALERT_JOB, deps.now(), { summary });
      deps.log.info(
        `vérification des alertes : ${summary.created} créée(s), ${summary.resolved} résolue(s), ${summary.expiredQuotes} devis expiré(s) en ${summary.durationMs} ms`,
      );
      return summary;
    } catch (error) {
      await recordJobEnd(deps.db, ALERT_JOB, deps.now(), { error: String(error) }).catch(
        () => undefined,
      );
      throw error;
    }
  });
  return outcome.ran ? { ran: true, summary: outcome.result } : { ran: false };
}

/** The check's cron pattern, for the scheduler at start-up. */
export async function readAlertSchedule(deps: Pick<Deps, 'db'>): Promise<string> {
  return (await readAlertRules(deps.db)).schedule;
}

/** "Vérifier maintenant", for admins. */
export async function runCheckNow(
  deps: Deps,
  actor: Actor,
): Promise<{ ran: boolean; summary: CheckSummary | null }> {
  requireRole(actor, ['admin']);
  const outcome = await runScheduledCheck(deps);
  return outcome.ran ? { ran: true, summary: outcome.summary } : { ran: false, summary: null };
}

export async function getAlertRules(deps: Deps, actor: Actor) {
  requireRole(actor, READERS);
  const [rules, schedule] = await Promise.all([readAlertRules(deps.db), getSchedule(deps)]);
  return { ...rules, ...schedule };
}

/** Croner is the judge of a cron expression: what it cannot schedule is refused. */
export function validateSchedule(pattern: string): void {
  try {
    new Cron(pattern, { paused: true, timezone: GARAGE_TZ }).stop();
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `Planification invalide : ${(error as Error).message}`,
      [{ path: ['schedule'], code: 'custom', message: 'Expression cron invalide.' }],
    );
  }
}

export async function updateAlertRules(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof AlertRulesUpdateSchema>,
) {
  requireRole(actor, ['admin']);
  const { version, ...rules } = input;
  validateSchedule(rules.schedule);
  const saved = await writeWithChanges(deps, actor, async (tx, record) => {
    if (!(await saveAlertRules(tx, version, rules, deps.now()))) {
      throw await staleVersionError(tx, 'alert_rules', 'alert-rules', await readAlertRules(tx));
    }
    const current = await readAlertRules(tx);
    record({ entity: 'alert_rules', action: 'updated', id: 'alert-rules', data: current });
    return current;
  });
  deps.jobs.reschedule(ALERT_JOB, saved.schedule);
  return { ...saved, ...(await getSchedule(deps)) };
}

/**
 * The fields sent, merged into the current rules and checked whole as a full save is (the
 * urgent-after-opening refinement included); `stale_version` with `current` on an old version.
 */
export async function patchAlertRules(
  deps: Deps,
  actor: Actor,
  patch: z.output<typeof AlertRulesPatchSchema>,
) {
  requireRole(actor, ['admin']);
  const { version, ...changes } = patch;
  const current = await readAlertRules(deps.db);
  if (current.version !== version) {
    throw await staleVersionError(deps.db, 'alert_rules', 'alert-rules', current);
  }
  const { version: _, updatedAt: __, ...rules } = current;
  const merged = AlertRulesUpdateSchema.safeParse({ ...rules, ...changes, version });
  if (!merged.success) throw fromZodError(merged.error);
  return updateAlertRules(deps, actor, merged.data);
}

export { AlertRulesUpdateSchema };
