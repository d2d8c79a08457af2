import { describe, expect, it } from 'vitest';
import {
  computeQuoteTotals,
  JobInputSchema,
  QuoteLineInputSchema,
  type QuoteTotalsInput,
  type TotalsLineInput,
} from './totals';

function line(quantity: number, unitPriceCents: number, vatRateBp = 2000, discountBp = 0) {
  return { quantity, unitPriceCents, vatRateBp, discountBp } satisfies TotalsLineInput;
}

function totalsOf(lines: TotalsLineInput[], vatExempt = false) {
  return computeQuoteTotals({ jobs: [{ lines }], vatExempt });
}

describe('computeQuoteTotals line totals', () => {
  it('multiplies 1.005 h by 19,99 € exactly and rounds 20,08995 € up to 20,09 €', () => {
    // In floating point 1.005 * 1999 is 2008.9949999…, which would round down to 2008.
    expect(totalsOf([line(1.005, 1999)]).lines[0]?.lineTotalCents).toBe(2009);
  });

  it.each([
    [0.5, 1, 1],
    [0.5, 3, 2],
    [0.5, 5, 3],
    [1.5, 6500, 9750],
    [0.001, 499, 0],
    [0.001, 500, 1],
    [2.333, 3, 7],
    [0.1, 3, 0],
  ])('rounds %d × %i cents half-up to %i cents', (quantity, price, expected) => {
    expect(totalsOf([line(quantity, price)]).lines[0]?.lineTotalCents).toBe(expected);
  });

  it('applies the discount before the single rounding', () => {
    expect(totalsOf([line(3, 1999, 2000, 1000)]).exclVatCents).toBe(5397); // 5397.3
    expect(totalsOf([line(1, 999, 2000, 1250)]).exclVatCents).toBe(874); // 874.125
    expect(totalsOf([line(1, 3, 2000, 5000)]).exclVatCents).toBe(2); // 1.5
    expect(totalsOf([line(0.7, 1234, 2000, 333)]).exclVatCents).toBe(835); // 835.033…
  });

  it('makes a 100 % discount free of charge and of VAT', () => {
    const totals = totalsOf([line(3, 12_345, 2000, 10_000)]);
    expect(totals).toMatchObject({ exclVatCents: 0, vatCents: 0, inclVatCents: 0 });
    expect(totals.byRate).toEqual([{ vatRateBp: 2000, baseCents: 0, vatCents: 0 }]);
  });

  it('rounds negative amounts half away from zero', () => {
    expect(totalsOf([line(-0.5, 1)]).lines[0]?.lineTotalCents).toBe(-1);
  });

  it('reports each line with its job and line index, in order', () => {
    const totals = computeQuoteTotals({
      jobs: [{ lines: [line(1, 100), line(2, 100)] }, { lines: [] }, { lines: [line(1, 5)] }],
      vatExempt: false,
    });
    expect(totals.lines).toEqual([
      { jobIndex: 0, lineIndex: 0, lineTotalCents: 100 },
      { jobIndex: 0, lineIndex: 1, lineTotalCents: 200 },
      { jobIndex: 2, lineIndex: 0, lineTotalCents: 5 },
    ]);
    expect(totals.jobs).toEqual([
      { totalExclVatCents: 300 },
      { totalExclVatCents: 0 },
      { totalExclVatCents: 5 },
    ]);
  });
});

describe('computeQuoteTotals VAT', () => {
  it('computes VAT on the sum of a rate’s lines, not line by line', () => {
    // Per line: 103 × 20 % = 20.6 → 21, twice = 42. On the sum: 206 × 20 % = 41.2 → 41.
    const totals = totalsOf([line(1, 103), line(1, 103)]);
    expect(totals.vatCents).toBe(41);
    expect(totals.byRate).toEqual([{ vatRateBp: 2000, baseCents: 206, vatCents: 41 }]);
  });

  it('rounds VAT half-up to the cent', () => {
    expect(totalsOf([line(1, 100, 550)]).vatCents).toBe(6); // 5.5
    expect(totalsOf([line(1, 250, 210)]).vatCents).toBe(5); // 5.25
    expect(totalsOf([line(1, 10, 550)]).vatCents).toBe(1); // 0.55
    expect(totalsOf([line(1, 1, 2000)]).vatCents).toBe(0); // 0.2
  });

  it('splits mixed rates and sorts them from the highest rate down', () => {
    const input: QuoteTotalsInput = {
      vatExempt: false,
      jobs: [
        { lines: [line(1.5, 6500, 2000), line(2, 4599, 2000)] },
        {
          lines: [line(1, 1250, 550), line(1, 500, 1000), line(1, 2000, 0), line(1, 1999, 210)],
        },
      ],
    };
    const totals = computeQuoteTotals(input);
    expect(totals.byRate).toEqual([
      { vatRateBp: 2000, baseCents: 18_948, vatCents: 3790 }, // 3789.6
      { vatRateBp: 1000, baseCents: 500, vatCents: 50 },
      { vatRateBp: 550, baseCents: 1250, vatCents: 69 }, // 68.75
      { vatRateBp: 210, baseCents: 1999, vatCents: 42 }, // 41.979
      { vatRateBp: 0, baseCents: 2000, vatCents: 0 },
    ]);
    expect(totals.jobs).toEqual([{ totalExclVatCents: 18_948 }, { totalExclVatCents: 5749 }]);
    expect(totals).toMatchObject({ exclVatCents: 24_697, vatCents: 3951, inclVatCents: 28_648 });
  });

  it('charges nothing on 0 % lines but still lists their base', () => {
    const totals = totalsOf([line(2, 1500, 0)]);
    expect(totals).toMatchObject({ exclVatCents: 3000, vatCents: 0, inclVatCents: 3000 });
    expect(totals.byRate).toEqual([{ vatRateBp: 0, baseCents: 3000, vatCents: 0 }]);
  });

  it('puts every line under 0 % when the company is exempt under art. 293 B', () => {
    const totals = totalsOf([line(1.5, 6500, 2000), line(1, 1250, 550)], true);
    expect(totals).toMatchObject({ exclVatCents: 11_000, vatCents: 0, inclVatCents: 11_000 });
    expect(totals.byRate).toEqual([{ vatRateBp: 0, baseCents: 11_000, vatCents: 0 }]);
  });
});

describe('computeQuoteTotals edge cases', () => {
  it('gives zero totals and no rates for a quote without lines', () => {
    expect(computeQuoteTotals({ jobs: [], vatExempt: false })).toEqual({
      lines: [],
      jobs: [],
      exclVatCents: 0,
      vatCents: 0,
      inclVatCents: 0,
      byRate: [],
    });
  });

  it('stays exact for the largest quantity at the largest unit price', () => {
    const totals = totalsOf([line(100_000, 10_000_000)]);
    expect(totals).toMatchObject({
      exclVatCents: 1_000_000_000_000,
      vatCents: 200_000_000_000,
      inclVatCents: 1_200_000_000_000,
    });
  });

  it('stays exact for large quantities with decimals and discounts', () => {
    // 99 999.999 × 9 999 999 = 999 999 890 000.000 001 cents
    expect(totalsOf([line(99_999.999, 9_999_999)]).exclVatCents).toBe(999_999_890_000);
    // 100 000 × 10 000 000 × 0.6667
    expect(totalsOf([line(100_000, 10_000_000, 2000, 3333)]).exclVatCents).toBe(666_700_000_000);
  });

  it('stays exact for 300 large lines', () => {
    const lines = Array.from({ length: 300 }, () => line(99_999.999, 9_999_999, 2000));
    const totals = totalsOf(lines);
    expect(totals.exclVatCents).toBe(299_999_967_000_000);
    expect(totals.vatCents).toBe(59_999_993_400_000);
    expect(Number.isSafeInteger(totals.inclVatCents)).toBe(true);
  });

  it.each([
    ['a quantity with four decimals', line(1.0005, 100)],
    ['a quantity in exponent notation', line(1e-7, 100)],
    ['a fractional price', line(1, 12.5)],
    ['a discount above 100 %', line(1, 100, 2000, 10_001)],
    ['a negative discount', line(1, 100, 2000, -1)],
    ['a negative VAT rate', line(1, 100, -1)],
    ['an infinite quantity', line(Number.POSITIVE_INFINITY, 100)],
  ])('throws a RangeError for %s', (_case, badLine) => {
    expect(() => totalsOf([badLine])).toThrow(RangeError);
  });
});

describe('QuoteLineInputSchema', () => {
  const valid = {
    kind: 'labour',
    description: 'Remplacement plaquettes avant',
    reference: 'MO-FREIN',
    quantity: 1.5,
    unit: 'h',
    unitPriceCents: 6500,
    vatRateBp: 2000,
    discountBp: 0,
  };

  function messageFor(patch: Record<string, unknown>): string | undefined {
    return QuoteLineInputSchema.safeParse({ ...valid, ...patch }).error?.issues[0]?.message;
  }

  it('accepts a complete labour line and trims its texts', () => {
    expect(QuoteLineInputSchema.parse({ ...valid, description: '  Vidange  ' })).toEqual({
      ...valid,
      description: 'Vidange',
    });
  });

  it('accepts a line without reference', () => {
    const { reference: _reference, ...withoutReference } = valid;
    expect(QuoteLineInputSchema.safeParse(withoutReference).success).toBe(true);
  });

  it.each([
    [{ kind: 'discount' }, 'Type de ligne inconnu (main-d’œuvre, pièce ou frais).'],
    [{ description: '   ' }, 'Saisissez une description.'],
    [{ description: 'x'.repeat(501) }, 'La description ne doit pas dépasser 500 caractères.'],
    [{ reference: 'x'.repeat(61) }, 'La référence ne doit pas dépasser 60 caractères.'],
    [{ quantity: 0 }, 'La quantité doit être supérieure à zéro.'],
    [{ quantity: -1 }, 'La quantité doit être supérieure à zéro.'],
    [{ quantity: 1.0005 }, 'La quantité accepte au plus trois décimales.'],
    [{ quantity: 100_000.001 }, 'La quantité ne doit pas dépasser 100 000.'],
    [{ quantity: '1,5' }, 'Saisissez une quantité.'],
    [{ unit: 'kg' }, 'Unité inconnue (h, pièce, forfait, L ou m).'],
    [{ unitPriceCents: -1 }, 'Le prix unitaire ne peut pas être négatif : utilisez la remise.'],
    [{ unitPriceCents: 12.5 }, 'Le prix unitaire doit être un nombre entier de centimes.'],
    [{ unitPriceCents: 10_000_001 }, 'Le prix unitaire ne doit pas dépasser 100 000 €.'],
    [{ vatRateBp: 1960 }, 'Taux de TVA non autorisé : choisissez 20 %, 10 %, 5,5 %, 2,1 % ou 0 %.'],
    [{ discountBp: 10_001 }, 'La remise ne peut pas dépasser 100 %.'],
    [{ discountBp: -1 }, 'La remise ne peut pas être négative.'],
    [{ discountBp: 12.5 }, 'La remise doit être un nombre entier de points de base.'],
  ])('refuses %j with a French message', (patch, message) => {
    expect(messageFor(patch)).toBe(message);
  });

  it('accepts the boundaries: 0,001 and 100 000 units, free lines, 100 % discount', () => {
    for (const patch of [
      { quantity: 0.001 },
      { quantity: 100_000 },
      { unitPriceCents: 0 },
      { discountBp: 10_000 },
      { unit: 'pièce' },
    ]) {
      expect(messageFor(patch)).toBeUndefined();
    }
  });
});

describe('JobInputSchema', () => {
  it('accepts a titled job, even without lines yet', () => {
    expect(JobInputSchema.parse({ title: ' Freinage ', lines: [] })).toEqual({
      title: 'Freinage',
      lines: [],
    });
  });

  it('refuses a job without title, in French', () => {
    expect(JobInputSchema.safeParse({ title: '', lines: [] }).error?.issues[0]?.message).toBe(
      'Saisissez un intitulé de prestation.',
    );
  });

  it('points at the invalid line by its path', () => {
    const result = JobInputSchema.safeParse({
      title: 'Freinage',
      lines: [{ kind: 'part' }],
    });
    expect(result.error?.issues[0]?.path.slice(0, 2)).toEqual(['lines', 0]);
  });
});
