import type { SettingsValues } from '../schemas/settings';

/**
 * The mandatory mentions of a garage quote (Code de commerce, arrêté du 2 mars 1990 on vehicle
 * repair quotes, CGI for VAT). Sending is refused until nothing is missing; the editor shows the
 * same list as you type.
 */
export const COMPLIANCE_CODES = [
  'company_name',
  'company_address',
  'company_siret',
  'company_registry',
  'company_vat_number',
  'client_name',
  'client_address',
  'validity',
  'labour_rate',
  'lines',
] as const;
export type ComplianceCode = (typeof COMPLIANCE_CODES)[number];

export type ComplianceIssue = {
  code: ComplianceCode;
  message: string;
  where: 'settings' | 'client' | 'quote';
};

export type ComplianceInput = {
  settings: Pick<SettingsValues, 'company' | 'vatExempt' | 'labourRates'>;
  client: {
    name: string;
    address: { street: string | null; postalCode: string | null; city: string | null };
  };
  quote: {
    validUntil: string | null;
    jobs: ReadonlyArray<{ lines: ReadonlyArray<{ kind: string }> }>;
  };
};

export function checkQuoteCompliance({
  settings,
  client,
  quote,
}: ComplianceInput): ComplianceIssue[] {
  const issues: ComplianceIssue[] = [];
  const missing = (code: ComplianceCode, where: ComplianceIssue['where'], message: string) =>
    issues.push({ code, where, message });
  const { company } = settings;
  const lines = quote.jobs.flatMap((job) => job.lines);

  if (!company.name) missing('company_name', 'settings', 'Raison sociale du garage');
  if (!company.address.street || !company.address.postalCode || !company.address.city) {
    missing('company_address', 'settings', 'Adresse complète du garage');
  }
  if (!company.siret) missing('company_siret', 'settings', 'SIRET du garage');
  if (!company.registry) {
    missing('company_registry', 'settings', 'Immatriculation au RCS ou au répertoire des métiers');
  }
  if (!settings.vatExempt && !company.vatNumber) {
    missing('company_vat_number', 'settings', 'Numéro de TVA intracommunautaire');
  }
  if (!client.name.trim()) missing('client_name', 'client', 'Nom du client');
  if (!client.address.street || !client.address.postalCode || !client.address.city) {
    missing('client_address', 'client', 'Adresse du client');
  }
  if (!quote.validUntil) missing('validity', 'quote', 'Date de validité du devis');
  if (lines.some((line) => line.kind === 'labour') && settings.labourRates.length === 0) {
    missing('labour_rate', 'settings', 'Taux horaire de main-d’œuvre');
  }
  if (lines.length === 0) missing('lines', 'quote', 'Au moins une ligne de travaux');
  return issues;
}
