import type { MailTemplate, TemplateKind, TemplateValues } from '../schemas/mail';

/**
 * The templates a new garage starts with; the settings let an admin rewrite each one. The quote's
 * link and the unsubscribe link are the layout's button and footer, so a template cannot lose
 * them (`{{lien}}` in the text is still allowed for those who want it written out).
 */
export const DEFAULT_TEMPLATES: Record<TemplateKind, MailTemplate> = {
  quote_sent: {
    kind: 'quote_sent',
    subject: 'Votre devis {{numero_devis}} — {{garage}}',
    body: [
      'Bonjour {{nom}},',
      '',
      '{{message}}',
      '',
      'Vous trouverez ci-joint le devis {{numero_devis}} pour votre {{vehicule}} ({{immatriculation}}), d’un montant de {{montant_ttc}} TTC, valable jusqu’au {{validite}}.',
      'Vous pouvez le consulter et nous donner votre accord en ligne, en tout ou en partie, depuis le lien ci-dessous.',
      '',
      'Bien cordialement,',
      '{{garage}} — {{telephone_garage}}',
    ].join('\n'),
  },
  ct_reminder: {
    kind: 'ct_reminder',
    subject: 'Contrôle technique de votre {{vehicule}} à prévoir',
    body: [
      'Bonjour {{nom}},',
      '',
      'Le contrôle technique de votre {{vehicule}} ({{immatriculation}}) est à faire avant le {{echeance}}.',
      'Nous pouvons le préparer et vous y accompagner : appelez-nous pour prendre rendez-vous.',
      '',
      '{{garage}} — {{telephone_garage}}',
    ].join('\n'),
  },
  service_reminder: {
    kind: 'service_reminder',
    subject: 'L’entretien de votre {{vehicule}} approche',
    body: [
      'Bonjour {{nom}},',
      '',
      'L’entretien de votre {{vehicule}} ({{immatriculation}}) est prévu vers le {{echeance}}.',
      'Appelez-nous pour convenir d’un rendez-vous.',
      '',
      '{{garage}} — {{telephone_garage}}',
    ].join('\n'),
  },
  declined_work_reminder: {
    kind: 'declined_work_reminder',
    subject: 'Travaux à prévoir sur votre {{vehicule}}',
    body: [
      'Bonjour {{nom}},',
      '',
      'Lors de votre dernier passage, nous avions relevé sur votre {{vehicule}} ({{immatriculation}}) des travaux à prévoir :',
      '{{travaux}}',
      '',
      'Nous vous conseillons de les faire avant le {{echeance}}. Appelez-nous pour un rendez-vous ou un devis à jour.',
      '',
      '{{garage}} — {{telephone_garage}}',
    ].join('\n'),
  },
  quote_followup: {
    kind: 'quote_followup',
    subject: 'Votre devis {{numero_devis}} vous attend',
    body: [
      'Bonjour {{nom}},',
      '',
      'Nous revenons vers vous au sujet du devis {{numero_devis}} pour votre {{vehicule}} ({{immatriculation}}), d’un montant de {{montant_ttc}} TTC, valable jusqu’au {{validite}}.',
      'Vous pouvez le consulter et nous répondre en ligne depuis le lien ci-dessous, ou nous appeler pour en parler.',
      '',
      'Bien cordialement,',
      '{{garage}} — {{telephone_garage}}',
    ].join('\n'),
  },
};

/**
 * Until the online approval page exists (issue 14), a quote leaves without its link: the
 * default template without the sentence that points to it.
 */
export const QUOTE_SENT_WITHOUT_LINK: MailTemplate = {
  ...DEFAULT_TEMPLATES.quote_sent,
  body: DEFAULT_TEMPLATES.quote_sent.body
    .split('\n')
    .filter((line) => !line.includes('lien ci-dessous'))
    .join('\n'),
};

/** What the settings' preview fills the placeholders with. */
export const SAMPLE_VALUES: Required<TemplateValues> = {
  nom: 'Mme Camille Durand',
  vehicule: 'Peugeot 208',
  immatriculation: 'AB-123-CD',
  echeance: '15/01/2027',
  travaux: 'Pneus avant ; balais d’essuie-glace',
  numero_devis: 'DEV-2026-00042',
  montant_ttc: '456,78 €',
  validite: '31/12/2026',
  message: 'Suite à votre passage, voici le devis dont nous avons parlé.',
  lien: 'https://garage.example/devis/exemple',
  garage: 'Garage du Centre',
  telephone_garage: '01 23 45 67 89',
};
