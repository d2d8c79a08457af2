// `npm run validate:cii`, step 1: writes the CII of each sample invoice (domain/testing/
// invoice-samples.ts), then of random variations of them (fast-check, fixed seed: any line the
// schema accepts, every rate, deposits), for scripts/validate-cii.mjs to hand to the validators.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildCiiInvoice } from '../domain/invoice/cii';
import { computeInvoiceTotals } from '../domain/invoice/totals';
import { QUOTE_LINE_KINDS, QUOTE_UNITS } from '../domain/quote/totals';
import { VAT_RATES_BP } from '../domain/quote/vat';
import type { InvoiceLine, IssuedInvoice } from '../domain/schemas/invoice';
import { PART_CONDITIONS } from '../domain/schemas/repair-order';
import { INVOICE_SAMPLES } from '../domain/testing/invoice-samples';

const RANDOM_COUNT = 40;
const dir = process.argv[2] ?? join(tmpdir(), 'gestionpro-cii-samples');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

for (const [name, invoice] of Object.entries(INVOICE_SAMPLES)) {
  writeFileSync(join(dir, `${name}.xml`), buildCiiInvoice(invoice));
}

const textArbitrary = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
const lineArbitrary: fc.Arbitrary<InvoiceLine> = fc
  .record({
    kind: fc.constantFrom(...QUOTE_LINE_KINDS),
    description: textArbitrary,
    reference: fc.option(textArbitrary, { nil: null }),
    quantity: fc.integer({ min: 1, max: 100_000_000 }).map((thousandths) => thousandths / 1000),
    unit: fc.constantFrom(...QUOTE_UNITS),
    unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
    vatRateBp: fc.constantFrom(...VAT_RATES_BP),
    discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
    partCondition: fc.constantFrom(...PART_CONDITIONS),
  })
  .map((line) => ({ ...line, partCondition: line.kind === 'part' ? line.partCondition : null }));

const randomArbitrary = fc
  .record({
    base: fc.constantFrom(...Object.values(INVOICE_SAMPLES)),
    lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 40 }),
    depositShareBp: fc.integer({ min: 1, max: 10_000 }),
  })
  .map(({ base, lines, depositShareBp }): IssuedInvoice => {
    const { grandTotalCents } = computeInvoiceTotals({
      lines,
      vatExempt: base.seller.vatExempt,
      deductedDeposits: [],
    });
    const deposit = Math.floor((grandTotalCents * depositShareBp) / 10_000);
    const deductedDeposits = base.deductedDeposits
      .slice(0, deposit > 0 ? 1 : 0)
      .map((reference) => ({ ...reference, amountInclVatCents: deposit }));
    return { ...base, lines, deductedDeposits };
  });

fc.sample(randomArbitrary, { seed: 20_261_204, numRuns: RANDOM_COUNT }).forEach((invoice, i) => {
  writeFileSync(
    join(dir, `random-${String(i + 1).padStart(2, '0')}.xml`),
    buildCiiInvoice(invoice),
  );
});
console.info(
  `${Object.keys(INVOICE_SAMPLES).length} samples and ${RANDOM_COUNT} random invoices written to ${dir}`,
);
