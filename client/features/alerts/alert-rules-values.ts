import {
  AlertRulesInputSchema,
  type AlertRulesPatch,
  type AlertRulesRecord,
  type ServicePolicy,
} from '../../../domain/alerts/rules';
import { createRecordMerge } from '../../lib/merge-outcome';
import { type FieldErrors, toCheckedPatch, validateAll } from '../../lib/validate';

/** The number fields, as typed (a box emptied stays empty, it does not turn into 0). */
export const NUMBER_FIELDS = [
  ['openDaysBefore', 'Ouvrir l’alerte (jours avant l’échéance)'],
  ['urgentDaysBefore', 'Urgente (jours avant l’échéance)'],
  ['serviceIntervalMonths', 'Entretien : tous les (mois)'],
  ['serviceIntervalKm', 'Entretien : tous les (km)'],
  ['quoteFollowUpDays', 'Relancer un devis envoyé après (jours)'],
  ['quoteExpiryWarningDays', 'Prévenir avant l’expiration d’un devis (jours)'],
  ['declinedWorkReminderDays', 'Reproposer les travaux refusés après (jours)'],
  ['overdueUrgentDays', 'Facture impayée urgente après (jours de retard)'],
] as const;

export type NumberField = (typeof NUMBER_FIELDS)[number][0];

export const POLICY_LABELS: Record<ServicePolicy, string> = {
  restart: 'Un entretien fait en avance redémarre l’intervalle',
  keep_schedule: 'Un entretien fait en avance garde le calendrier prévu',
};

export type AlertRulesFormValues = Record<NumberField, string> & {
  servicePolicy: ServicePolicy;
  schedule: string;
};

export function toAlertRulesValues(rules: AlertRulesRecord): AlertRulesFormValues {
  return {
    openDaysBefore: String(rules.openDaysBefore),
    urgentDaysBefore: String(rules.urgentDaysBefore),
    serviceIntervalMonths: String(rules.serviceIntervalMonths),
    serviceIntervalKm: String(rules.serviceIntervalKm),
    quoteFollowUpDays: String(rules.quoteFollowUpDays),
    quoteExpiryWarningDays: String(rules.quoteExpiryWarningDays),
    declinedWorkReminderDays: String(rules.declinedWorkReminderDays),
    overdueUrgentDays: String(rules.overdueUrgentDays),
    servicePolicy: rules.servicePolicy,
    schedule: rules.schedule,
  };
}

/** "15 000" → 15000; anything but a whole number is NaN, which the schema refuses in words. */
function toWholeNumber(text: string): number {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

function toAlertRulesInput(values: AlertRulesFormValues) {
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map(([field]) => [field, toWholeNumber(values[field])]),
  );
  return { ...numbers, servicePolicy: values.servicePolicy, schedule: values.schedule };
}

/**
 * The form checked with `AlertRulesInputSchema`, the server's own: its refinement says when
 * urgency would come before the opening, with its message (no rule of the form's own).
 */
export function parseAlertRulesValues(values: AlertRulesFormValues) {
  return validateAll(AlertRulesInputSchema, toAlertRulesInput(values));
}

export function validateAlertRulesValues(values: AlertRulesFormValues): FieldErrors | null {
  const parsed = parseAlertRulesValues(values);
  return parsed.success ? null : parsed.errors;
}

/** The PATCH body: the fields whose checked value changed since the form's base, and its version. */
export function toAlertRulesPatch(
  base: AlertRulesFormValues,
  values: AlertRulesFormValues,
  version: number,
): AlertRulesPatch {
  return { ...toCheckedPatch(parseAlertRulesValues, base, values), version };
}

const trimmed = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;

/** The rules' three-way merge: every field on its own, with the form's labels. */
export const mergeAlertRulesValues = createRecordMerge<AlertRulesFormValues>(
  {
    ...Object.fromEntries(NUMBER_FIELDS.map(([field, label]) => [field, { label }])),
    servicePolicy: {
      label: 'Entretien fait en avance',
      show: (policy) => POLICY_LABELS[policy],
    },
    schedule: { label: 'Planification' },
  },
  (_field, a, b) => trimmed(a) === trimmed(b),
);
