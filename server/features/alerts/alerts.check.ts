import { computeCtDue } from '../../../domain/alerts/ct-rules';
import { buildDedupeKey } from '../../../domain/alerts/dedupe';
import { computeInvoiceOverdue } from '../../../domain/alerts/invoice-overdue';
import {
  computeDeclinedWorkReminder,
  computeExpiryWarning,
  computeFollowUp,
} from '../../../domain/alerts/quote-reminders';
import { type AlertRules, type AlertSeverity, computeSeverity } from '../../../domain/alerts/rules';
import { computeServiceDue, estimateKmOn } from '../../../domain/alerts/service-rules';
import { getClientDisplayName, type NamedClient } from '../../../domain/client/client-name';
import { addDays, formatDateFr, todayInParis } from '../../../domain/dates';
import type {
  AlertKind,
  AlertStatus,
  CheckSummary,
  SubjectType,
} from '../../../domain/schemas/alert';
import type { Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { expireDueQuotes } from '../quotes/quotes.service';
import { readAlertRules } from '../settings/settings.service';
import {
  selectOpenDeclinedWork,
  selectSentQuotes,
  selectUnpaidInvoices,
  selectVehicleFacts,
  type UnpaidInvoiceFacts,
  type VehicleFacts,
} from './alert-sources.repo';
import {
  applyAlertUpdates,
  insertAlerts,
  type NewAlert,
  selectActiveSystemAlerts,
  selectAlertsByIds,
  toAlert,
} from './alerts.repo';

/** Alerts written per transaction: a big first run commits (and broadcasts) as it goes. */
const BATCH = 1000;

/**
 * Up to this many alerts, a batch records one change per alert (the feed names each one);
 * beyond, one `checked` change for the batch: the first check on a large garage would
 * otherwise log tens of thousands of changes, flood every feed and make screens that were
 * offline page through them to catch up. Screens refetch the inbox on any alert change.
 */
const DETAILED_CHANGES = 50;

/** The one change a large batch records: its counts, and the feed's line made from them. */
function batchChange(counts: { created: number } | { updated: number }) {
  const label =
    'created' in counts
      ? `${counts.created.toLocaleString('fr-FR')} nouvelle(s) alerte(s)`
      : `${counts.updated.toLocaleString('fr-FR')} alerte(s) mise(s) à jour`;
  return {
    entity: 'alert_batch' as const,
    action: 'checked' as const,
    id: 'alert-check',
    data: { created: 0, updated: 0, ...counts, label },
  };
}

type Desired = {
  kind: Exclude<AlertKind, 'custom'>;
  subjectType: SubjectType;
  subjectId: string;
  subjectLabel: string;
  clientId: string | null;
  dueDate: string;
  /** The date in the dedupe key: one that moves only when the obligation does (dedupe.ts). */
  keyDate: string;
  severity: AlertSeverity;
  title: string;
  detail: string | null;
};

const nameOf = (row: {
  kind: NamedClient['kind'];
  civility: NamedClient['civility'];
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
}) =>
  getClientDisplayName({
    kind: row.kind,
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    companyName: row.company_name,
  });

function vehicleAlerts(vehicle: VehicleFacts, rules: AlertRules, today: string): Desired[] {
  const desired: Desired[] = [];
  const label = `${vehicle.plate} — ${nameOf(vehicle)}`;
  const base = {
    subjectType: 'vehicle' as const,
    subjectId: vehicle.id,
    subjectLabel: label,
    clientId: vehicle.client_id,
  };
  const ct = computeCtDue({
    category: vehicle.category,
    firstRegistrationDate: vehicle.first_registration_date,
    inspections: vehicle.inspections,
  });
  if (ct) {
    const severity = computeSeverity(ct.dueDate, today, rules);
    if (severity) {
      desired.push({
        ...base,
        kind: 'ct_due',
        dueDate: ct.dueDate,
        keyDate: ct.dueDate,
        severity,
        title:
          ct.reason === 'counter_visit'
            ? 'Contre-visite du contrôle technique'
            : ct.reason === 'first'
              ? 'Premier contrôle technique'
              : 'Contrôle technique',
        detail: `À faire au plus tard le ${formatDateFr(ct.dueDate)}.`,
      });
    }
  }
  // Only vehicles the garage has serviced: without a service on record it cannot tell when one
  // is due, and an alert for every car ever seen would drown the inbox (decision 0007).
  if (!vehicle.last_service) return desired;
  const service = computeServiceDue({
    firstRegistrationDate: vehicle.first_registration_date,
    lastService: {
      date: vehicle.last_service.date,
      // An unknown mileage at the service is estimated from the readings, not taken as 0 km.
      km:
        vehicle.last_service.km ??
        estimateKmOn(vehicle.last_service.date, vehicle.readings, {
          origin: vehicle.first_registration_date
            ? { date: vehicle.first_registration_date, km: 0 }
            : null,
        }) ??
        0,
    },
    intervalMonths: rules.serviceIntervalMonths,
    intervalKm: rules.serviceIntervalKm,
    policy: rules.servicePolicy,
    readings: vehicle.readings,
  });
  if (service) {
    const severity = computeSeverity(service.dueDate, today, rules);
    if (severity) {
      desired.push({
        ...base,
        kind: 'service_due',
        dueDate: service.dueDate,
        // A km-predicted date moves with each reading; the date-based one does not.
        keyDate: service.dateDue,
        severity,
        title: 'Entretien',
        detail:
          service.reason === 'km'
            ? `${service.kmDue.toLocaleString('fr-FR')} km prévus vers le ${formatDateFr(service.dueDate)} (échéance par date : ${formatDateFr(service.dateDue)}).`
            : `Échéance le ${formatDateFr(service.dueDate)} ou à ${service.kmDue.toLocaleString('fr-FR')} km.`,
      });
    }
  }
  return desired;
}

/**
 * One alert per unpaid invoice past due, on the invoice itself (the inbox links to it, and
 * paying it resolves exactly that alert). Its title carries the amount and the days late, so
 * the check rewrites it as they change.
 */
function invoiceAlert(invoice: UnpaidInvoiceFacts, rules: AlertRules, today: string) {
  const overdue = computeInvoiceOverdue(
    {
      number: invoice.number,
      issueDate: invoice.issue_date,
      dueDate: invoice.due_date,
      balanceCents: Number(invoice.balance_cents),
    },
    today,
    rules.overdueUrgentDays,
  );
  if (!overdue) return [];
  const alert: Desired = {
    kind: 'invoice_overdue',
    subjectType: 'invoice',
    subjectId: invoice.id,
    subjectLabel: `${invoice.number} — ${invoice.buyer_name}`,
    clientId: invoice.client_id,
    dueDate: overdue.dueDate,
    keyDate: overdue.dueDate,
    severity: overdue.severity,
    title: overdue.title,
    detail: `Échue le ${formatDateFr(overdue.dueDate)}.`,
  };
  return [alert];
}

/** Everything that should be in the inbox today, computed from the garage's records. */
async function computeDesiredAlerts(deps: Deps, rules: AlertRules, today: string) {
  const [vehicles, quotes, declined, invoices] = await Promise.all([
    selectVehicleFacts(deps.db, addDays(today, -800)),
    selectSentQuotes(deps.db),
    selectOpenDeclinedWork(deps.db),
    selectUnpaidInvoices(deps.db, today),
  ]);
  const desired: Desired[] = vehicles.flatMap((vehicle) => vehicleAlerts(vehicle, rules, today));
  for (const invoice of invoices) desired.push(...invoiceAlert(invoice, rules, today));
  for (const quote of quotes) {
    const label = `${quote.number ?? 'Devis'} — ${nameOf(quote)}${quote.plate ? ` (${quote.plate})` : ''}`;
    const base = {
      subjectType: 'quote' as const,
      subjectId: quote.id,
      subjectLabel: label,
      clientId: quote.client_id,
    };
    const followUp = computeFollowUp(
      todayInParis(new Date(quote.sent_at)),
      today,
      rules.quoteFollowUpDays,
    );
    if (followUp) {
      desired.push({
        ...base,
        kind: 'quote_followup',
        ...followUp,
        keyDate: followUp.dueDate,
        title: 'Relancer le client sur son devis',
        detail: `Envoyé le ${formatDateFr(todayInParis(new Date(quote.sent_at)))}, sans réponse.`,
      });
    }
    const expiry = computeExpiryWarning(quote.valid_until, today, rules.quoteExpiryWarningDays);
    if (expiry) {
      desired.push({
        ...base,
        kind: 'quote_expiring',
        ...expiry,
        keyDate: expiry.dueDate,
        title: 'Devis bientôt expiré',
        detail: `Valable jusqu’au ${formatDateFr(quote.valid_until)}.`,
      });
    }
  }
  for (const work of declined) {
    const reminder = computeDeclinedWorkReminder(
      work.declined_on,
      today,
      rules.declinedWorkReminderDays,
    );
    if (!reminder) continue;
    desired.push({
      kind: 'declined_work',
      subjectType: 'vehicle',
      subjectId: work.vehicle_id,
      subjectLabel: `${work.plate} — ${nameOf(work)}`,
      clientId: work.client_id,
      ...reminder,
      keyDate: reminder.dueDate,
      title: 'Travaux à reproposer',
      detail: work.items.join(' ; '),
    });
  }
  return { desired, vehicles: vehicles.length, quotes: quotes.length };
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * The alert check: expires quotes past validity, then brings the inbox in line with the records.
 * Idempotent (a dedupe key per subject, kind and due date: a second run changes nothing; a
 * resolved alert never comes back for the same due date), set-based, one transaction per batch,
 * each change broadcast.
 */
export async function runAlertCheck(deps: Deps): Promise<CheckSummary> {
  const startedAt = performance.now();
  const queriesBefore = deps.queryCount();
  const expiredQuotes = await expireDueQuotes(deps);
  const now = deps.now();
  const today = todayInParis(now);
  const rules = await readAlertRules(deps.db);
  const { desired, vehicles, quotes } = await computeDesiredAlerts(deps, rules, today);
  const active = await selectActiveSystemAlerts(deps.db);

  const desiredByKey = new Map(
    desired.map((alert) => [buildDedupeKey({ ...alert, dueDate: alert.keyDate }), alert]),
  );
  const activeKeys = new Set(active.map((alert) => alert.dedupeKey));
  const toCreate: NewAlert[] = [];
  for (const [key, alert] of desiredByKey) {
    if (activeKeys.has(key)) continue;
    const { keyDate: _, ...values } = alert;
    toCreate.push({ ...values, dedupeKey: key, status: 'open', createdAt: now, updatedAt: now });
  }
  const toUpdate: Array<{
    id: string;
    severity: AlertSeverity;
    status: AlertStatus;
    dueDate: string;
    title: string;
  }> = [];
  let resolved = 0;
  let reopened = 0;
  for (const alert of active) {
    const wanted = desiredByKey.get(alert.dedupeKey);
    if (!wanted) {
      // Satisfied (a CT or service recorded, the quote answered) or its due date moved.
      toUpdate.push({ ...alert, status: 'resolved' });
      resolved += 1;
      continue;
    }
    const wakesUp =
      alert.status === 'snoozed' && alert.snoozedUntil !== null && alert.snoozedUntil <= today;
    if (wakesUp) reopened += 1;
    // A km-predicted service date moves with each reading: the alert shows the latest.
    // An unpaid invoice's title says how much is left and how late: it changes as they do.
    if (
      wanted.severity !== alert.severity ||
      wanted.dueDate !== alert.dueDate ||
      wanted.title !== alert.title ||
      wakesUp
    ) {
      toUpdate.push({
        id: alert.id,
        severity: wanted.severity,
        status: wakesUp ? 'open' : alert.status,
        dueDate: wanted.dueDate,
        title: wanted.title,
      });
    }
  }

  let created = 0;
  for (const batch of chunks(toCreate, BATCH)) {
    created += await writeWithChanges(deps, null, async (tx, record) => {
      // What the check raises has no assignee yet: the inserted rows are the whole alerts.
      const rows = await insertAlerts(tx, batch);
      if (rows.length > DETAILED_CHANGES) {
        record(batchChange({ created: rows.length }));
      } else {
        for (const row of rows) {
          record({ entity: 'alert', action: 'created', id: row.id, data: toAlert(row, null) });
        }
      }
      return rows.length;
    });
  }
  for (const batch of chunks(toUpdate, BATCH)) {
    await writeWithChanges(deps, null, async (tx, record) => {
      await applyAlertUpdates(tx, batch, now);
      if (batch.length > DETAILED_CHANGES) {
        record(batchChange({ updated: batch.length }));
        return;
      }
      for (const alert of await selectAlertsByIds(
        tx,
        batch.map((update) => update.id),
      )) {
        record({ entity: 'alert', action: 'updated', id: alert.id, data: alert });
      }
    });
  }
  return {
    created,
    updated: toUpdate.length - resolved,
    resolved,
    reopened,
    expiredQuotes,
    vehicles,
    quotes,
    durationMs: Math.round(performance.now() - startedAt),
    queries: deps.queryCount() - queriesBefore,
  };
}
