import { describe, expect, it } from 'vitest';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import {
  computeDraftTotals,
  type DraftJob,
  emptyLine,
  newKey,
  parseDiscount,
  parseQuantity,
  type QuoteDraft,
  toApiJobs,
  toDraft,
  toQuotePatch,
  validateDraft,
} from './quote-draft';

describe('the quote editor draft', () => {
  it('reads French decimals for quantities and percentages for discounts', () => {
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity('2.25')).toBe(2.25);
    expect(parseQuantity('1,2345')).toBeNull();
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('abc')).toBeNull();
    expect(parseDiscount('10')).toBe(1000);
    expect(parseDiscount('12,5')).toBe(1250);
    expect(parseDiscount('')).toBe(0);
    expect(parseDiscount('120')).toBeNull();
  });

  it('computes the same totals as the server for what was typed', () => {
    const jobs: DraftJob[] = [
      {
        key: 'j',
        title: 'Freinage',
        lines: [
          emptyLine(2000, {
            kind: 'labour',
            description: 'MO',
            quantity: '1,5',
            unit: 'h',
            unitPrice: '65,00',
          }),
          emptyLine(2000, { description: 'Plaquettes', unitPrice: '49,90', discount: '10' }),
          emptyLine(550, { description: 'Produit', unitPrice: '1 234,56' }),
        ],
      },
    ];
    const { jobs: api } = toApiJobs(jobs);
    expect(api).not.toBeNull();
    expect(computeDraftTotals(jobs, false)).toEqual(
      computeQuoteTotals({ jobs: api!, vatExempt: false }),
    );
    expect(computeDraftTotals(jobs, false).exclVatCents).toBe(9750 + 4491 + 123_456);
  });

  it('counts a line that does not parse yet as zero and names the cell to fix', () => {
    const jobs: DraftJob[] = [
      {
        key: 'j',
        title: 'Vidange',
        lines: [emptyLine(2000, { key: 'l1', description: 'Huile', unitPrice: '12,5x' })],
      },
    ];
    expect(computeDraftTotals(jobs, false).exclVatCents).toBe(0);
    const { jobs: api, errors } = toApiJobs(jobs);
    expect(api).toBeNull();
    expect(Object.keys(errors)).toEqual(['l1.unitPrice']);
  });

  it('round-trips a saved quote through the editor unchanged', () => {
    const quote = {
      jobs: [
        {
          id: '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
          title: 'Distribution',
          totalExclVatCents: 0,
          lines: [
            {
              id: '8b1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
              kind: 'part' as const,
              description: 'Kit',
              reference: 'KIT-1',
              quantity: 1234.5,
              unit: 'pièce' as const,
              unitPriceCents: 123_456,
              vatRateBp: 2000 as const,
              discountBp: 1250,
              totalExclVatCents: 0,
              accepted: null,
            },
          ],
        },
      ],
    };
    const { jobs } = toApiJobs(toDraft(quote));
    expect(jobs![0]!.id).toBe('7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f');
    expect(jobs![0]!.lines[0]).toEqual({
      id: '8b1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
      kind: 'part',
      description: 'Kit',
      reference: 'KIT-1',
      quantity: 1234.5,
      unit: 'pièce',
      unitPriceCents: 123_456,
      vatRateBp: 2000,
      discountBp: 1250,
    });
  });

  it('gives a new line an id of its own that the API keeps, so versions line up', () => {
    const [a, b] = [emptyLine(2000), emptyLine(2000)];
    expect(a.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.key).not.toBe(b.key);
    const { jobs } = toApiJobs([
      { key: newKey(), title: 'Vidange', lines: [{ ...a, description: 'Huile' }] },
    ]);
    expect(jobs![0]!.lines[0]!.id).toBe(a.key);
  });
});

describe('the quote PATCH', () => {
  const saved: QuoteDraft = {
    fields: { validUntil: '2026-12-31', mileageKm: '120000', notes: '' },
    jobs: [
      {
        key: 'b5d0a3c8-1f2e-4c3b-9a8d-7e6f5a4b3c2d',
        title: 'Vidange',
        lines: [emptyLine(2000, { description: 'Huile 5W30', unitPrice: '45,00' })],
      },
    ],
  };

  it('sends only what changed, with the version', () => {
    expect(toQuotePatch(saved, structuredClone(saved), 4)).toEqual({ version: 4 });
    const edited = structuredClone(saved);
    edited.fields.notes = 'Client pressé';
    edited.fields.mileageKm = '121 500';
    expect(toQuotePatch(saved, edited, 4)).toEqual({
      version: 4,
      notes: 'Client pressé',
      mileageKm: 121_500,
    });
  });

  it('sends the whole jobs list once any line changed', () => {
    const edited = structuredClone(saved);
    edited.jobs[0]!.lines[0]!.quantity = '2';
    const patch = toQuotePatch(saved, edited, 4);
    expect(patch.jobs?.[0]?.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 4500 });
    expect(patch.validUntil).toBeUndefined();
  });

  it('names every cell to fix before saving', () => {
    const edited = structuredClone(saved);
    edited.fields.mileageKm = '12a';
    edited.jobs[0]!.title = '';
    const key = edited.jobs[0]!.key;
    expect(Object.keys(validateDraft(edited)).sort()).toEqual(
      [`${key}.title`, 'fields.mileageKm'].sort(),
    );
  });
});
