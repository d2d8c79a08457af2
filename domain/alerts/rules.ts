import { z } from 'zod';
import { daysBetween } from '../dates';
import { INT4_MAX, text } from '../schemas/common';

export const SERVICE_POLICIES = ['restart', 'keep_schedule'] as const;
export type ServicePolicy = (typeof SERVICE_POLICIES)[number];

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type CronField = {
  min: number;
  max: number;
  /** English short names, the first one standing for `min` (JAN = 1, SUN = 0). */
  names?: readonly string[];
  /** `?` ("no specific value") is allowed in the two day fields, as Croner allows it. */
  allowsQuestionMark?: boolean;
};

/** minute, hour, day of month, month, day of week (0 and 7 are both Sunday). */
const CRON_FIELDS: readonly CronField[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31, allowsQuestionMark: true },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 7, names: DAY_NAMES, allowsQuestionMark: true },
];

function readCronValue(token: string, field: CronField): number | null {
  if (/^\d{1,2}$/.test(token)) {
    const value = Number(token);
    return value >= field.min && value <= field.max ? value : null;
  }
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  return index >= 0 ? field.min + index : null;
}

/** One list item: `*`, `?`, `5`, `1-5`, `MON-FRI`, each optionally `/step`. */
function isValidCronItem(item: string, field: CronField): boolean {
  const [base, step, ...extra] = item.split('/');
  if (extra.length > 0 || !base) return false;
  if (step !== undefined) {
    if (!/^\d{1,2}$/.test(step)) return false;
    const every = Number(step);
    if (every < 1 || every > field.max) return false;
  }
  if (base === '*') return true;
  if (base === '?') return field.allowsQuestionMark === true && step === undefined;
  const bounds = base.split('-');
  if (bounds.length === 1) return readCronValue(base, field) !== null;
  if (bounds.length !== 2) return false;
  const from = readCronValue(bounds[0] ?? '', field);
  const to = readCronValue(bounds[1] ?? '', field);
  return from !== null && to !== null && from <= to;
}

/**
 * A reasonable 5-field check (numbers within each field's range, English names, `*`, ranges,
 * steps, lists) so the rules screen answers at once; the server still builds the schedule with
 * Croner, which has the last word. Seconds, `@hourly`-style nicknames and the `L`/`W`/`#`
 * extensions are refused on purpose: the check schedule never needs them.
 */
export function isValidCronExpression(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS.length) return false;
  return fields.every((value, index) => {
    const field = CRON_FIELDS[index];
    return field !== undefined && value.split(',').every((item) => isValidCronItem(item, field));
  });
}

export const CronSchema = text().trim().max(200).refine(isValidCronExpression, {
  error: 'Planification : une expression cron à 5 champs (ex. « */15 * * * * »).',
});

const days = (label: string, max = 365) =>
  z
    .int({ error: `${label} : un nombre entier de jours.` })
    .min(0)
    .max(max);

/** Thresholds and schedule of the alert check (defaults from the brief). */
export const AlertRulesValuesSchema = z.object({
  /** An alert opens this many days before a CT or service is due… */
  openDaysBefore: days('Ouverture'),
  /** …turns urgent this many days before, and overdue the day after the due date. */
  urgentDaysBefore: days('Urgence'),
  serviceIntervalMonths: z.int().min(1).max(60),
  serviceIntervalKm: z.int().min(1000).max(100_000),
  servicePolicy: z.enum(SERVICE_POLICIES),
  quoteFollowUpDays: days('Relance devis', 90),
  quoteExpiryWarningDays: days('Expiration devis', 60),
  declinedWorkReminderDays: days('Travaux à prévoir'),
  /** An unpaid invoice this many days past its due date turns urgent. */
  overdueUrgentDays: days('Facture en retard'),
  schedule: CronSchema,
});

/**
 * "Urgent" comes after the alert opens. Checked by the form and the server with the same schema,
 * so the form shows the message the server would answer with; it runs even when other fields
 * are invalid, so every error shows at once.
 */
const urgentAfterOpening: [
  (rules: { openDaysBefore: number; urgentDaysBefore: number }) => boolean,
  z.core.$ZodCustomParams,
] = [
  (rules) => rules.urgentDaysBefore <= rules.openDaysBefore,
  {
    path: ['urgentDaysBefore'],
    error: 'Au plus le nombre de jours d’ouverture : l’urgence vient après l’ouverture.',
    // Not on a non-object: the check would read its fields (and throw on null, a 500).
    when: ({ value, issues }) =>
      typeof value === 'object' &&
      value !== null &&
      !issues.some((issue) =>
        ['openDaysBefore', 'urgentDaysBefore'].includes(String(issue.path?.[0])),
      ),
  },
];

export const AlertRulesInputSchema = AlertRulesValuesSchema.refine(...urgentAfterOpening);
export const AlertRulesUpdateSchema = AlertRulesValuesSchema.extend({
  version: z.int().min(0).max(INT4_MAX),
}).refine(...urgentAfterOpening);

/**
 * `PATCH /alert-rules`: the fields that changed and the version they were changed from; the
 * server merges them into the current rules and checks the result with `AlertRulesUpdateSchema`.
 */
export const AlertRulesPatchSchema = AlertRulesValuesSchema.partial().extend({
  version: z.int().min(0).max(INT4_MAX),
});

export type AlertRules = z.output<typeof AlertRulesValuesSchema>;
export type AlertRulesPatch = z.input<typeof AlertRulesPatchSchema>;

/** The saved rules, as `GET /alert-rules` returns them and their change carries them. */
export const AlertRulesSchema = AlertRulesValuesSchema.extend({
  /** 0 until an admin first saves them. */
  version: z.int(),
  updatedAt: z.string(),
}).meta({ id: 'AlertRules' });
export type AlertRulesRecord = z.infer<typeof AlertRulesSchema>;

export const DEFAULT_ALERT_RULES: AlertRules = {
  openDaysBefore: 30,
  urgentDaysBefore: 7,
  serviceIntervalMonths: 12,
  serviceIntervalKm: 15_000,
  servicePolicy: 'restart',
  quoteFollowUpDays: 7,
  quoteExpiryWarningDays: 3,
  declinedWorkReminderDays: 90,
  overdueUrgentDays: 30,
  schedule: '*/15 * * * *',
};

export const ALERT_SEVERITIES = ['soon', 'urgent', 'overdue'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Where a due date stands today: null before the alert opens, then `soon`, `urgent` within
 * `urgentDaysBefore`, `overdue` from the day after the due date.
 */
export function computeSeverity(
  dueDate: string,
  today: string,
  thresholds: { openDaysBefore: number; urgentDaysBefore: number },
): AlertSeverity | null {
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'overdue';
  if (left > thresholds.openDaysBefore) return null;
  return left <= thresholds.urgentDaysBefore ? 'urgent' : 'soon';
}
