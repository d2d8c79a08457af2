import { describe, expect, it } from 'vitest';
import { BUSINESS_INVOICE, CREDIT_NOTE, DEPOSIT_INVOICE } from '../testing/invoice-samples';
import {
  formatInvoiceNumber,
  INVOICE_NUMBER_PATTERN,
  InvoiceContentCheckedSchema,
  InvoiceSchema,
  isIssuedInvoice,
} from './invoice';

describe('invoice numbers', () => {
  it('numbers invoices and deposits FAC, credit notes AV, on five digits per year', () => {
    expect(formatInvoiceNumber('invoice', 2026, 1)).toBe('FAC-2026-00001');
    expect(formatInvoiceNumber('deposit', 2026, 42)).toBe('FAC-2026-00042');
    expect(formatInvoiceNumber('credit_note', 2027, 7)).toBe('AV-2027-00007');
    expect(formatInvoiceNumber('invoice', 2026, 123_456)).toMatch(INVOICE_NUMBER_PATTERN);
  });
});

describe('InvoiceSchema', () => {
  it('accepts the sample invoices as the API would return them', () => {
    for (const invoice of [BUSINESS_INVOICE, CREDIT_NOTE, DEPOSIT_INVOICE]) {
      expect(InvoiceSchema.parse(invoice)).toEqual(invoice);
      expect(isIssuedInvoice(InvoiceSchema.parse(invoice))).toBe(true);
    }
  });

  it('tells a draft from an issued invoice', () => {
    const draft = InvoiceSchema.parse({
      ...BUSINESS_INVOICE,
      status: 'draft',
      number: null,
      issueDate: null,
      issuedAt: null,
    });
    expect(isIssuedInvoice(draft)).toBe(false);
  });

  it('refuses money that is not integer cents and dates that are not ISO', () => {
    const [line] = BUSINESS_INVOICE.lines;
    expect(
      InvoiceSchema.safeParse({ ...BUSINESS_INVOICE, lines: [{ ...line, unitPriceCents: 12.5 }] })
        .success,
    ).toBe(false);
    expect(
      InvoiceSchema.safeParse({ ...BUSINESS_INVOICE, serviceDate: '28/11/2026' }).success,
    ).toBe(false);
  });
});

describe('InvoiceContentCheckedSchema', () => {
  const paths = (value: unknown) => {
    const result = InvoiceContentCheckedSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('wants a credit note to reference the invoice it corrects, and only a credit note', () => {
    expect(paths(CREDIT_NOTE)).toEqual([]);
    expect(paths({ ...CREDIT_NOTE, corrects: null })).toEqual(['corrects']);
    expect(paths({ ...BUSINESS_INVOICE, corrects: CREDIT_NOTE.corrects })).toEqual(['corrects']);
  });

  it('lets only a final invoice deduct deposits', () => {
    const deductedDeposits = [
      {
        invoiceId: DEPOSIT_INVOICE.id,
        number: DEPOSIT_INVOICE.number,
        issueDate: DEPOSIT_INVOICE.issueDate,
        amountInclVatCents: 25200,
      },
    ];
    expect(paths({ ...BUSINESS_INVOICE, deductedDeposits })).toEqual([]);
    expect(paths({ ...DEPOSIT_INVOICE, deductedDeposits })).toEqual(['deductedDeposits']);
  });

  it('keeps the part condition for parts', () => {
    const [labour] = BUSINESS_INVOICE.lines;
    expect(paths({ ...BUSINESS_INVOICE, lines: [{ ...labour, partCondition: 'new' }] })).toEqual([
      'lines.0.partCondition',
    ]);
  });
});
