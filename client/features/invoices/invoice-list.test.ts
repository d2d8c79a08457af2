import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../domain/schemas/invoice';
import { BUSINESS_INVOICE, CREDIT_NOTE } from '../../../domain/testing/invoice-samples';
import { isInvoiceListed } from './invoice-filters';

const DRAFT: Invoice = { ...BUSINESS_INVOICE, status: 'draft', number: null, issueDate: null };

describe('which invoices a filtered list shows', () => {
  it('shows everything without a filter', () => {
    expect(isInvoiceListed(BUSINESS_INVOICE, {})).toBe(true);
    expect(isInvoiceListed(DRAFT, {})).toBe(true);
  });

  it('keeps to the status and the kind asked', () => {
    expect(isInvoiceListed(DRAFT, { status: 'issued' })).toBe(false);
    expect(isInvoiceListed(DRAFT, { status: 'draft' })).toBe(true);
    expect(isInvoiceListed(CREDIT_NOTE, { kind: 'credit_note' })).toBe(true);
    expect(isInvoiceListed(BUSINESS_INVOICE, { kind: 'credit_note' })).toBe(false);
  });

  it('keeps to the period on the issue date, both days included, and leaves drafts out of it', () => {
    const day = BUSINESS_INVOICE.issueDate;
    expect(isInvoiceListed(BUSINESS_INVOICE, { issuedFrom: day, issuedTo: day })).toBe(true);
    expect(isInvoiceListed(BUSINESS_INVOICE, { issuedFrom: '2999-01-01' })).toBe(false);
    expect(isInvoiceListed(BUSINESS_INVOICE, { issuedTo: '2000-01-01' })).toBe(false);
    expect(isInvoiceListed(DRAFT, { issuedTo: '2999-01-01' })).toBe(false);
  });

  it('keeps to the buyer’s client and the OR asked', () => {
    const clientId = BUSINESS_INVOICE.buyer.clientId;
    expect(isInvoiceListed(BUSINESS_INVOICE, { clientId: clientId ?? 'none' })).toBe(
      clientId !== null,
    );
    expect(
      isInvoiceListed(BUSINESS_INVOICE, { clientId: '00000000-0000-4000-8000-000000000000' }),
    ).toBe(false);
    expect(
      isInvoiceListed(BUSINESS_INVOICE, {
        repairOrderId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toBe(false);
  });
});
