import type { InvoiceContent } from '../schemas/invoice';
import { getSiren } from './snapshots';
import { computeInvoiceTotals } from './totals';

/**
 * What an invoice still lacks before it can be issued: the French mandatory mentions (CGI,
 * art. 242 nonies A; Code de commerce, L. 441-9 and L. 441-10; arrêté du 27 mars 1987 for the
 * parts' condition; the reform's SIREN and category of the operation) and what the Factur-X and
 * BR-FR rules need to accept the CII (electronic addresses). Same shape as the quote's check:
 * issuing is refused with `compliance_missing` until the list is empty, and the editor shows
 * the same list as you type (decision 0017).
 */
export const INVOICE_COMPLIANCE_CODES = [
  'company_name',
  'company_legal_form',
  'company_capital',
  'company_address',
  'company_siret',
  'company_registry',
  'company_vat_number',
  'company_electronic_address',
  'client_name',
  'client_address',
  'client_siren',
  'client_electronic_address',
  'vehicle_mileage',
  'service_date',
  'due_date',
  'payment_terms',
  'late_penalty_rate',
  'lines',
  'part_condition',
  'corrected_invoice',
  'prepaid_exceeds_total',
] as const;
export type InvoiceComplianceCode = (typeof INVOICE_COMPLIANCE_CODES)[number];

export type InvoiceComplianceIssue = {
  code: InvoiceComplianceCode;
  message: string;
  where: 'settings' | 'client' | 'invoice';
};

/** Companies with a share capital, whose invoices must state it (Code de commerce, R. 123-238). */
const CAPITAL_LEGAL_FORMS = /^(SARL|EURL|SAS|SASU|SA|SCA|SELARL|SELAS|SCOP|SNC)\b/i;

function isComplete(address: {
  street: string | null;
  postalCode: string | null;
  city: string | null;
}): boolean {
  return Boolean(address.street && address.postalCode && address.city);
}

/**
 * `issueDate` is the day it would be issued (today, Paris), against which the due date is
 * checked: a due date before the invoice date is refused (BR-FR-CO-07), except on a deposit.
 */
export function checkInvoiceCompliance(
  invoice: InvoiceContent,
  { issueDate }: { issueDate: string },
): InvoiceComplianceIssue[] {
  const issues: InvoiceComplianceIssue[] = [];
  const missing = (
    code: InvoiceComplianceCode,
    where: InvoiceComplianceIssue['where'],
    message: string,
  ) => issues.push({ code, where, message });
  const { seller, buyer, payment } = invoice;

  if (!seller.name) missing('company_name', 'settings', 'Raison sociale du garage');
  if (!seller.legalForm) {
    missing('company_legal_form', 'settings', 'Forme juridique du garage (SARL, SAS, EI…)');
  } else if (CAPITAL_LEGAL_FORMS.test(seller.legalForm) && !seller.capital) {
    missing('company_capital', 'settings', 'Montant du capital social');
  }
  if (!isComplete(seller.address)) {
    missing('company_address', 'settings', 'Adresse complète du garage');
  }
  if (!seller.siret) missing('company_siret', 'settings', 'SIRET du garage');
  if (!seller.registry) {
    missing('company_registry', 'settings', 'Immatriculation au RCS ou au répertoire des métiers');
  }
  if (!seller.vatNumber) {
    // Also under the franchise: EN 16931 (BR-E-02) wants the seller's VAT identifier with an
    // exempt category, and a franchised garage buying parts in the EU has one.
    missing('company_vat_number', 'settings', 'Numéro de TVA intracommunautaire du garage');
  }
  if (!seller.electronicAddress) {
    missing(
      'company_electronic_address',
      'settings',
      'Adresse de facturation électronique du garage (SIREN dans l’annuaire)',
    );
  }

  if (!buyer.name.trim()) missing('client_name', 'client', 'Nom du client');
  if (!isComplete(buyer.address)) missing('client_address', 'client', 'Adresse du client');
  if (buyer.kind === 'business' && buyer.address.country === 'FR' && !getSiren(buyer.siret)) {
    missing('client_siren', 'client', 'SIREN (ou SIRET) du client professionnel');
  }
  if (!buyer.electronicAddress) {
    missing(
      'client_electronic_address',
      'client',
      buyer.kind === 'business'
        ? 'Adresse de facturation électronique du client (son SIREN)'
        : 'Adresse e-mail du client (adresse de la facture électronique)',
    );
  }

  if (invoice.vehicle && invoice.vehicle.mileageKm === null) {
    missing('vehicle_mileage', 'invoice', 'Kilométrage du véhicule');
  }
  if (invoice.kind !== 'deposit' && !invoice.serviceDate) {
    missing('service_date', 'invoice', 'Date de la prestation ou de la livraison');
  }
  if (!payment.dueDate) {
    missing('due_date', 'invoice', 'Date d’échéance du paiement');
  } else if (invoice.kind !== 'deposit' && payment.dueDate < issueDate) {
    missing('due_date', 'invoice', 'Date d’échéance postérieure ou égale à la date de facture');
  }
  if (!payment.terms) missing('payment_terms', 'invoice', 'Conditions de paiement');
  if (payment.latePenaltyRateBp === null) {
    missing('late_penalty_rate', 'invoice', 'Taux des pénalités de retard');
  }

  if (invoice.lines.length === 0) missing('lines', 'invoice', 'Au moins une ligne');
  if (invoice.lines.some((line) => line.kind === 'part' && line.partCondition === null)) {
    missing(
      'part_condition',
      'invoice',
      'État de chaque pièce : neuve, échange standard ou issue de l’économie circulaire',
    );
  }
  if (invoice.kind === 'credit_note' && !invoice.corrects) {
    missing('corrected_invoice', 'invoice', 'Facture corrigée par l’avoir');
  }
  const totals = computeInvoiceTotals({
    lines: invoice.lines,
    vatExempt: seller.vatExempt,
    deductedDeposits: invoice.deductedDeposits,
  });
  if (totals.prepaidCents > totals.grandTotalCents) {
    missing(
      'prepaid_exceeds_total',
      'invoice',
      'Les acomptes déduits dépassent le total TTC de la facture',
    );
  }
  return issues;
}
