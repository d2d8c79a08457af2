import { describe, expect, it } from 'vitest';
import {
  GARAGE_SETTINGS,
  HANDED_BACK_ORDER,
  REPAIR_ORDER_CLIENT,
} from '../testing/invoice-samples';
import { checkInvoiceCompliance } from './compliance';
import {
  buildInvoiceDraftFromRepairOrder,
  getOperationCategory,
  toInvoiceLinesFromRepairOrder,
} from './from-repair-order';
import { computeInvoiceTotals } from './totals';

const draft = buildInvoiceDraftFromRepairOrder({
  order: HANDED_BACK_ORDER,
  client: REPAIR_ORDER_CLIENT,
  settings: GARAGE_SETTINGS,
  vatOnDebits: false,
  latePenaltyRateBp: 1215,
});

describe('buildInvoiceDraftFromRepairOrder', () => {
  it('invoices the authorised work only, to the cent of the OR’s totals', () => {
    expect(draft.lines.map((line) => line.description)).toEqual([
      'Main-d’œuvre mécanique',
      'Plaquettes de frein avant',
      'Disques de frein avant',
    ]);
    const totals = computeInvoiceTotals({
      lines: draft.lines,
      vatExempt: draft.seller.vatExempt,
      deductedDeposits: [],
    });
    expect([totals.lineTotalCents, totals.vatTotalCents, totals.grandTotalCents]).toEqual([
      HANDED_BACK_ORDER.totals.exclVatCents,
      HANDED_BACK_ORDER.totals.vatCents,
      HANDED_BACK_ORDER.totals.inclVatCents,
    ]);
  });

  it('keeps the parts’ condition, the vehicle, the check-in mileage and the Paris day of hand-back', () => {
    expect(draft.lines.map((line) => line.partCondition)).toEqual([null, 'new', 'new']);
    expect(draft.vehicle).toEqual({
      vehicleId: HANDED_BACK_ORDER.vehicleId,
      plate: 'AB-123-CD',
      mileageKm: 123_456,
      label: 'Citroën C3',
    });
    // 23:30 UTC on 29 November is already the 30th in Paris (UTC+1 in winter).
    expect(draft.serviceDate).toBe('2026-11-30');
    expect(draft.origin).toEqual({
      repairOrderId: HANDED_BACK_ORDER.id,
      repairOrderNumber: 'OR-2026-00001',
      quoteId: HANDED_BACK_ORDER.quoteId,
      quoteNumber: 'DEV-2026-00042',
    });
    expect(draft.buyer.name).toBe('Mme Hélène Lefèvre');
    expect(draft.operationCategory).toBe('mixed');
  });

  it('leaves only the due date to fill before issuing', () => {
    expect(
      checkInvoiceCompliance(draft, { issueDate: '2026-11-30' }).map((issue) => issue.code),
    ).toEqual(['due_date']);
  });

  it('keeps the OR’s VAT regime, whatever the settings say now', () => {
    const exemptOrder = { ...HANDED_BACK_ORDER, vatExempt: true };
    const exempt = buildInvoiceDraftFromRepairOrder({
      order: exemptOrder,
      client: REPAIR_ORDER_CLIENT,
      settings: GARAGE_SETTINGS,
      vatOnDebits: true,
      latePenaltyRateBp: null,
    });
    expect(exempt.seller.vatExempt).toBe(true);
    expect(exempt.seller.vatOnDebits).toBe(false);
  });
});

describe('getOperationCategory', () => {
  it('calls parts goods and labour and fees services', () => {
    expect(getOperationCategory([{ kind: 'part' }])).toBe('goods');
    expect(getOperationCategory([{ kind: 'labour' }, { kind: 'fee' }])).toBe('services');
    expect(getOperationCategory([{ kind: 'labour' }, { kind: 'part' }])).toBe('mixed');
    expect(getOperationCategory([])).toBe('services');
  });

  it('drops nothing of an OR without amendments', () => {
    const order = {
      ...HANDED_BACK_ORDER,
      jobs: HANDED_BACK_ORDER.jobs.slice(0, 1),
      amendments: [],
    };
    expect(toInvoiceLinesFromRepairOrder(order)).toHaveLength(2);
  });
});
