import { describe, expect, it } from 'vitest';
import {
  formatPercent,
  parsePercentToBp,
  toInvoicePatch,
  validateInvoiceValues,
} from './invoice-values';

const BASE = {
  serviceDate: '2026-11-24',
  operationCategory: 'mixed' as const,
  dueDate: '',
  terms: 'À réception',
  latePenaltyRate: '',
  earlyPaymentDiscount: '',
  mileageKm: '88000',
  note: '',
  lines: [],
};

describe('the invoice draft form', () => {
  it('reads a French percentage as basis points', () => {
    expect(parsePercentToBp('12,15')).toBe(1215);
    expect(parsePercentToBp('10')).toBe(1000);
    expect(parsePercentToBp('3.5')).toBe(350);
    expect(parsePercentToBp('douze')).toBeNull();
    expect(parsePercentToBp('')).toBeNull();
  });

  it('writes basis points back as the French percentage typed', () => {
    expect(formatPercent(1215)).toBe('12,15');
    expect(formatPercent(1000)).toBe('10');
    expect(formatPercent(1250)).toBe('12,5');
    expect(formatPercent(null)).toBe('');
  });

  it('sends only the fields that changed, the payment ones merged under payment', () => {
    const patch = toInvoicePatch(BASE, {
      ...BASE,
      dueDate: '2026-12-24',
      latePenaltyRate: '12,15',
      note: '  Merci  ',
    });
    expect(patch).toEqual({
      payment: { dueDate: '2026-12-24', latePenaltyRateBp: 1215 },
      note: 'Merci',
    });
  });

  it('sends an emptied field as null, and nothing when nothing changed', () => {
    expect(toInvoicePatch(BASE, BASE)).toEqual({});
    expect(toInvoicePatch(BASE, { ...BASE, terms: ' ', mileageKm: '' })).toEqual({
      payment: { terms: null },
      mileageKm: null,
    });
  });

  it('sends the lines whole once a part’s condition is set', () => {
    const part = {
      kind: 'part' as const,
      description: 'Plaquettes',
      reference: null,
      quantity: 1,
      unit: 'pièce' as const,
      unitPriceCents: 4990,
      vatRateBp: 2000 as const,
      discountBp: 0,
      partCondition: null,
    };
    const base = { ...BASE, lines: [part] };
    expect(toInvoicePatch(base, { ...base, lines: [{ ...part }] })).toEqual({});
    expect(
      toInvoicePatch(base, { ...base, lines: [{ ...part, partCondition: 'exchange' }] }),
    ).toEqual({ lines: [{ ...part, partCondition: 'exchange' }] });
  });

  it('refuses a rate or a mileage it cannot read', () => {
    expect(validateInvoiceValues(BASE)).toBeNull();
    expect(
      validateInvoiceValues({ ...BASE, latePenaltyRate: '12 %', mileageKm: '88 000' }),
    ).toEqual({
      latePenaltyRate: 'Un taux en %, par exemple 12,15.',
      mileageKm: 'Un kilométrage en km, sans espace.',
    });
  });
});
