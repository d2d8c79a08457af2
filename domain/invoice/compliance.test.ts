import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../schemas/settings';
import {
  BUSINESS_INVOICE,
  CREDIT_NOTE,
  DEPOSIT_INVOICE,
  INVOICE_SAMPLES,
  PERSON_INVOICE,
} from '../testing/invoice-samples';
import { buildClient } from '../testing/records';
import { checkInvoiceCompliance } from './compliance';
import { toInvoiceBuyer, toInvoiceSeller } from './snapshots';

const codes = (invoice: Parameters<typeof checkInvoiceCompliance>[0], issueDate = '2026-11-30') =>
  checkInvoiceCompliance(invoice, { issueDate }).map((issue) => issue.code);

describe('checkInvoiceCompliance', () => {
  it('finds nothing missing on the samples that pass the official validators', () => {
    for (const invoice of Object.values(INVOICE_SAMPLES)) {
      expect(checkInvoiceCompliance(invoice, { issueDate: invoice.issueDate })).toEqual([]);
    }
  });

  it('lists, in French, everything a fresh garage and an empty draft lack', () => {
    const issues = checkInvoiceCompliance(
      {
        ...BUSINESS_INVOICE,
        seller: toInvoiceSeller(DEFAULT_SETTINGS, { vatOnDebits: false }),
        buyer: toInvoiceBuyer(
          buildClient({
            kind: 'business',
            companyName: ' ',
            lastName: null,
            firstName: null,
            civility: null,
            email: null,
            address: { street: null, postalCode: null, city: null, country: 'FR' },
          }),
        ),
        vehicle: { ...BUSINESS_INVOICE.vehicle!, mileageKm: null },
        serviceDate: null,
        payment: {
          dueDate: null,
          terms: null,
          latePenaltyRateBp: null,
          earlyPaymentDiscount: null,
        },
        lines: [],
      },
      { issueDate: '2026-11-30' },
    );
    expect(issues.map((issue) => issue.code)).toEqual([
      'company_name',
      'company_legal_form',
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
    ]);
    expect(issues.find((issue) => issue.code === 'client_siren')).toEqual({
      code: 'client_siren',
      where: 'client',
      message: 'SIREN (ou SIRET) du client professionnel',
    });
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
  });

  it('asks for the share capital of a company that has one', () => {
    const seller = { ...BUSINESS_INVOICE.seller, legalForm: 'SAS', capital: null };
    expect(codes({ ...BUSINESS_INVOICE, seller })).toEqual(['company_capital']);
    expect(codes({ ...BUSINESS_INVOICE, seller: { ...seller, legalForm: 'EI' } })).toEqual([]);
  });

  it('asks a franchised garage for its VAT number too, as EN 16931 does (BR-E-02)', () => {
    const seller = { ...BUSINESS_INVOICE.seller, vatExempt: true, vatNumber: null };
    expect(codes({ ...BUSINESS_INVOICE, seller })).toEqual(['company_vat_number']);
  });

  it('asks a private person for an e-mail, a business for its SIREN, a foreign one for neither SIREN', () => {
    const noEmail = toInvoiceBuyer(buildClient({ email: null }));
    expect(codes({ ...PERSON_INVOICE, buyer: noEmail })).toEqual(['client_electronic_address']);
    const foreign = {
      ...BUSINESS_INVOICE.buyer,
      siret: null,
      address: { street: 'Rue Neuve 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
      electronicAddress: { scheme: 'EM' as const, value: 'factures@exemple.be' },
    };
    expect(codes({ ...BUSINESS_INVOICE, buyer: foreign })).toEqual([]);
  });

  it('wants the condition of every part', () => {
    const lines = BUSINESS_INVOICE.lines.map((line) => ({ ...line, partCondition: null }));
    expect(codes({ ...BUSINESS_INVOICE, lines })).toEqual(['part_condition']);
  });

  it('refuses a due date before the invoice date, except on a deposit', () => {
    const payment = { ...BUSINESS_INVOICE.payment, dueDate: '2026-11-29' };
    expect(codes({ ...BUSINESS_INVOICE, payment })).toEqual(['due_date']);
    expect(codes({ ...DEPOSIT_INVOICE, payment })).toEqual([]);
  });

  it('wants the invoice a credit note corrects, and no service date on a deposit', () => {
    expect(codes({ ...CREDIT_NOTE, corrects: null }, '2026-12-01')).toEqual(['corrected_invoice']);
    expect(codes({ ...DEPOSIT_INVOICE, serviceDate: null })).toEqual([]);
  });

  it('refuses deposits deducted beyond the total', () => {
    const deductedDeposits = [
      {
        invoiceId: DEPOSIT_INVOICE.id,
        number: DEPOSIT_INVOICE.number,
        issueDate: DEPOSIT_INVOICE.issueDate,
        amountInclVatCents: 97681,
      },
    ];
    expect(codes({ ...BUSINESS_INVOICE, deductedDeposits })).toEqual(['prepaid_exceeds_total']);
  });
});
