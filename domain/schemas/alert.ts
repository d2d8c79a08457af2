import { z } from 'zod';
import { ALERT_SEVERITIES } from '../alerts/rules';
import { IsoDateSchema } from '../dates';
import { IdSchema, optionalText, text, VersionSchema } from './common';

export const ALERT_KINDS = [
  'ct_due',
  'service_due',
  'quote_followup',
  'quote_expiring',
  'declined_work',
  'invoice_overdue',
  'custom',
] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
export const SUBJECT_TYPES = ['vehicle', 'quote', 'client', 'invoice'] as const;
/** What staff may hang a reminder on by hand; invoices get theirs from the check only. */
export const CUSTOM_SUBJECT_TYPES = ['vehicle', 'quote', 'client'] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  ct_due: 'Contrôle technique',
  service_due: 'Entretien',
  quote_followup: 'Relance de devis',
  quote_expiring: 'Devis bientôt expiré',
  declined_work: 'Travaux à prévoir',
  invoice_overdue: 'Facture impayée en retard',
  custom: 'Rappel',
};
export const ALERT_SEVERITY_LABELS = {
  soon: 'bientôt',
  urgent: 'urgent',
  overdue: 'en retard',
} as const;
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  open: 'À traiter',
  acknowledged: 'Pris en compte',
  snoozed: 'Reporté',
  resolved: 'Résolu',
};

export const AlertSchema = z
  .object({
    id: IdSchema,
    version: z.int(),
    kind: z.enum(ALERT_KINDS),
    severity: z.enum(ALERT_SEVERITIES),
    status: z.enum(ALERT_STATUSES),
    dueDate: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    subject: z.object({ type: z.enum(SUBJECT_TYPES), id: IdSchema, label: z.string() }),
    clientId: IdSchema.nullable(),
    assigneeId: IdSchema.nullable(),
    assigneeName: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Alert' });

export type Alert = z.infer<typeof AlertSchema>;

export const AlertListQuerySchema = z.object({
  status: z.enum([...ALERT_STATUSES, 'active']).default('active'),
  kind: z.enum(ALERT_KINDS).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), IdSchema]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});

export const AlertCreateSchema = z.object({
  subjectType: z.enum(CUSTOM_SUBJECT_TYPES),
  subjectId: IdSchema,
  title: text().trim().min(1, { error: 'Saisissez l’objet du rappel.' }).max(200),
  detail: optionalText(1000),
  dueDate: IsoDateSchema,
  assigneeId: IdSchema.nullish().transform((value) => value ?? null),
});

export const AlertActionSchema = z.object({ version: VersionSchema });
export const AlertSnoozeSchema = AlertActionSchema.extend({ until: IsoDateSchema });
export const AlertAssignSchema = AlertActionSchema.extend({
  assigneeId: IdSchema.nullable(),
});

export const CheckSummarySchema = z.object({
  created: z.int(),
  updated: z.int(),
  resolved: z.int(),
  reopened: z.int(),
  expiredQuotes: z.int(),
  vehicles: z.int(),
  quotes: z.int(),
  durationMs: z.number(),
  queries: z.int(),
});
export type CheckSummary = z.infer<typeof CheckSummarySchema>;
