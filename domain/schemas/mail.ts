import { z } from 'zod';
import { text } from './common';

/**
 * The e-mails the garage sends (issue 14), each from a template the garage may edit in the
 * settings: a subject and a body in the small placeholder language of domain/mail/templates.ts.
 */
export const TEMPLATE_KINDS = [
  'quote_sent',
  'ct_reminder',
  'service_reminder',
  'declined_work_reminder',
  'quote_followup',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  quote_sent: 'Envoi du devis',
  ct_reminder: 'Rappel de contrôle technique',
  service_reminder: 'Rappel d’entretien',
  declined_work_reminder: 'Rappel de travaux à prévoir',
  quote_followup: 'Relance de devis',
};

/** Every placeholder a template may use, with what the settings form says it becomes. */
export const PLACEHOLDER_LABELS = {
  nom: 'Nom du client',
  vehicule: 'Véhicule (marque et modèle)',
  immatriculation: 'Immatriculation',
  echeance: 'Date d’échéance (JJ/MM/AAAA)',
  travaux: 'Travaux à prévoir',
  numero_devis: 'Numéro du devis',
  montant_ttc: 'Montant TTC du devis',
  validite: 'Date de fin de validité du devis',
  message: 'Message personnalisé',
  lien: 'Lien vers le devis en ligne',
  garage: 'Nom du garage',
  telephone_garage: 'Téléphone du garage',
} as const;
export type Placeholder = keyof typeof PLACEHOLDER_LABELS;

const IDENTITY = ['nom', 'garage', 'telephone_garage'] as const satisfies readonly Placeholder[];
const VEHICLE = ['vehicule', 'immatriculation'] as const satisfies readonly Placeholder[];
const QUOTE = [
  'numero_devis',
  'montant_ttc',
  'validite',
  'lien',
] as const satisfies readonly Placeholder[];

/** What each kind of template knows: a CT reminder has no quote, a quote has no due date. */
export const ALLOWED_PLACEHOLDERS: Record<TemplateKind, readonly Placeholder[]> = {
  quote_sent: [...IDENTITY, ...VEHICLE, ...QUOTE, 'message'],
  ct_reminder: [...IDENTITY, ...VEHICLE, 'echeance'],
  service_reminder: [...IDENTITY, ...VEHICLE, 'echeance'],
  declined_work_reminder: [...IDENTITY, ...VEHICLE, 'echeance', 'travaux'],
  quote_followup: [...IDENTITY, ...VEHICLE, ...QUOTE],
};

/** Reminders carry a one-click unsubscribe link (and `List-Unsubscribe`); a quote does not. */
export const REMINDER_TEMPLATE_KINDS = [
  'ct_reminder',
  'service_reminder',
  'declined_work_reminder',
] as const satisfies readonly TemplateKind[];

export function isReminderTemplate(kind: TemplateKind): boolean {
  return (REMINDER_TEMPLATE_KINDS as readonly TemplateKind[]).includes(kind);
}

export const TEMPLATE_SUBJECT_MAX = 200;
export const TEMPLATE_BODY_MAX = 5000;

export const MailTemplateSchema = z.strictObject({
  kind: z.enum(TEMPLATE_KINDS),
  subject: text()
    .trim()
    .min(1, { error: 'Saisissez l’objet du message.' })
    .max(TEMPLATE_SUBJECT_MAX, { error: `${TEMPLATE_SUBJECT_MAX} caractères au maximum.` })
    .refine((value) => !/[\r\n]/.test(value), { error: 'L’objet tient sur une seule ligne.' }),
  body: text()
    .trim()
    .min(1, { error: 'Saisissez le texte du message.' })
    .max(TEMPLATE_BODY_MAX, { error: `${TEMPLATE_BODY_MAX} caractères au maximum.` }),
});
export type MailTemplate = z.infer<typeof MailTemplateSchema>;

/** The values a template is rendered with: plain text, escaped in the HTML part only. */
export type TemplateValues = Partial<Record<Placeholder, string>>;

/**
 * When reminders may leave (Europe/Paris wall clock): from `startHour` (inclusive) to `endHour`
 * (exclusive), never on `closedWeekdays` (0 = Sunday … 6 = Saturday).
 */
export const ReminderRulesSchema = z
  .strictObject({
    startHour: z.int().min(0).max(23),
    endHour: z.int().min(1).max(24),
    closedWeekdays: z
      .array(z.int().min(0).max(6))
      .max(6, { error: 'Au moins un jour d’envoi par semaine.' }),
  })
  .refine((rules) => rules.startHour < rules.endHour, {
    error: 'L’heure de fin doit suivre l’heure de début.',
    path: ['endHour'],
  })
  .refine((rules) => new Set(rules.closedWeekdays).size < 7, {
    error: 'Au moins un jour d’envoi par semaine.',
    path: ['closedWeekdays'],
  });
export type ReminderRules = z.infer<typeof ReminderRulesSchema>;

/** Never at night, never on Sunday (issue 14). */
export const DEFAULT_REMINDER_RULES: ReminderRules = {
  startHour: 9,
  endHour: 19,
  closedWeekdays: [0],
};
