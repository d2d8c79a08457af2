import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQuoteTotals, QUOTE_LINE_KINDS, QUOTE_UNITS } from '../quote/totals';
import { VAT_RATES_BP } from '../quote/vat';
import type { InvoiceLine, IssuedInvoice } from '../schemas/invoice';
import { BUSINESS_INVOICE } from '../testing/invoice-samples';
import { buildCiiInvoice } from './cii';
import { computeInvoiceTotals } from './totals';
import { all, one, parseXml, toCents, type XmlNode } from './xml-reader.test-helpers';

// EN 16931's arithmetic (BR-CO-10 to BR-CO-17), checked on the XML the validators read, for
// random invoices: any line QuoteLineInputSchema accepts, any French rate, the franchise, deposits.
const runs = { seed: 20_261_203, numRuns: 300 };

const lineArbitrary: fc.Arbitrary<InvoiceLine> = fc.record({
  kind: fc.constantFrom(...QUOTE_LINE_KINDS),
  description: fc.constant('Ligne'),
  reference: fc.constant(null),
  quantity: fc.integer({ min: 1, max: 100_000_000 }).map((thousandths) => thousandths / 1000),
  unit: fc.constantFrom(...QUOTE_UNITS),
  unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
  vatRateBp: fc.constantFrom(...VAT_RATES_BP),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  partCondition: fc.constant(null),
});

const invoiceArbitrary: fc.Arbitrary<IssuedInvoice> = fc
  .record({
    lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 25 }),
    vatExempt: fc.boolean(),
    depositShareBp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  })
  .map(({ lines, vatExempt, depositShareBp }) => {
    const grand = computeInvoiceTotals({ lines, vatExempt, deductedDeposits: [] }).grandTotalCents;
    const deposit = depositShareBp === null ? 0 : Math.floor((grand * depositShareBp) / 10_000);
    return {
      ...BUSINESS_INVOICE,
      seller: { ...BUSINESS_INVOICE.seller, vatExempt },
      lines,
      deductedDeposits:
        deposit > 0
          ? [
              {
                invoiceId: BUSINESS_INVOICE.id,
                number: 'FAC-2026-00001',
                issueDate: '2026-11-01',
                amountInclVatCents: deposit,
              },
            ]
          : [],
    };
  });

const SETTLEMENT = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement';
const SUMMATION = `${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;

function amountAt(root: XmlNode, path: string): number {
  const [node] = all(root, path);
  return node ? toCents(node.text) : 0;
}

/** A CII decimal as an exact fraction: `198.4125` → [1984125n, 10000n]. */
function toFraction(decimal: string): [bigint, bigint] {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return [BigInt(whole + fraction), 10n ** BigInt(fraction.length)];
}

/** round_half_up(quantity × net price) in cents, from the XML's own strings. */
function roundedLineNet(quantity: string, netPrice: string): number {
  const [q, qScale] = toFraction(quantity);
  const [p, pScale] = toFraction(netPrice);
  const numerator = q * p * 100n;
  const denominator = qScale * pScale;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

describe('invoice totals in the CII obey EN 16931 (property)', () => {
  it('BR-CO-10 to BR-CO-17 hold, and the line nets are quantity × net price rounded', () => {
    fc.assert(
      fc.property(invoiceArbitrary, (invoice) => {
        const root = parseXml(buildCiiInvoice(invoice));
        const lines = all(
          root,
          'rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem',
        );
        const lineNets = lines.map((line) =>
          toCents(
            one(
              line,
              'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
            ),
          ),
        );
        for (const [index, line] of lines.entries()) {
          const agreement = 'ram:SpecifiedLineTradeAgreement';
          const net = one(line, `${agreement}/ram:NetPriceProductTradePrice/ram:ChargeAmount`);
          const quantity = one(line, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity');
          expect(lineNets[index]).toBe(roundedLineNet(quantity, net));
          const [gross] = all(line, `${agreement}/ram:GrossPriceProductTradePrice`);
          if (gross) {
            const [g, gScale] = toFraction(one(gross, 'ram:ChargeAmount'));
            const [d, dScale] = toFraction(
              one(gross, 'ram:AppliedTradeAllowanceCharge/ram:ActualAmount'),
            );
            const [n, nScale] = toFraction(net);
            // BT-146 = BT-148 − BT-147, exactly.
            expect(g * dScale * nScale - d * gScale * nScale).toBe(n * gScale * dScale);
          }
        }

        const lineTotal = amountAt(root, `${SUMMATION}/ram:LineTotalAmount`);
        const allowances = amountAt(root, `${SUMMATION}/ram:AllowanceTotalAmount`);
        const charges = amountAt(root, `${SUMMATION}/ram:ChargeTotalAmount`);
        const taxBasis = amountAt(root, `${SUMMATION}/ram:TaxBasisTotalAmount`);
        const taxTotal = amountAt(root, `${SUMMATION}/ram:TaxTotalAmount`);
        const grandTotal = amountAt(root, `${SUMMATION}/ram:GrandTotalAmount`);
        const prepaid = amountAt(root, `${SUMMATION}/ram:TotalPrepaidAmount`);
        const rounding = amountAt(root, `${SUMMATION}/ram:RoundingAmount`);
        const due = amountAt(root, `${SUMMATION}/ram:DuePayableAmount`);
        const breakdown = all(root, `${SETTLEMENT}/ram:ApplicableTradeTax`).map((tax) => ({
          category: one(tax, 'ram:CategoryCode'),
          rate: one(tax, 'ram:RateApplicablePercent'),
          basis: toCents(one(tax, 'ram:BasisAmount')),
          vat: toCents(one(tax, 'ram:CalculatedAmount')),
        }));

        // BR-CO-10: Σ BT-131 = BT-106.
        expect(lineTotal).toBe(lineNets.reduce((sum, net) => sum + net, 0));
        // BR-CO-11, BR-CO-12: no document-level allowances or charges, so none summed.
        expect(allowances).toBe(0);
        expect(charges).toBe(0);
        // BR-CO-13: BT-109 = BT-106 − BT-107 + BT-108.
        expect(taxBasis).toBe(lineTotal - allowances + charges);
        // BR-CO-14: BT-110 = Σ BT-117.
        expect(taxTotal).toBe(breakdown.reduce((sum, group) => sum + group.vat, 0));
        // BR-CO-15: BT-112 = BT-109 + BT-110.
        expect(grandTotal).toBe(taxBasis + taxTotal);
        // BR-CO-16: BT-115 = BT-112 − BT-113 + BT-114.
        expect(due).toBe(grandTotal - prepaid + rounding);
        expect(prepaid).toBe(
          invoice.deductedDeposits.reduce((sum, deposit) => sum + deposit.amountInclVatCents, 0),
        );
        for (const group of breakdown) {
          // BR-CO-17: BT-117 = BT-116 × BT-119 / 100, rounded to the cent (half-up, as the quote).
          const rateBp = Math.round(Number(group.rate) * 100);
          const exact = BigInt(group.basis) * BigInt(rateBp);
          expect(group.vat).toBe(Number((2n * exact + 10_000n) / 20_000n));
          // BR-S-08, BR-E-08, BR-Z-08: BT-116 = Σ BT-131 of the lines of that category and rate.
          const basis = lines
            .map((line, index) => ({ line, net: lineNets[index]! }))
            .filter(({ line }) => {
              const tax = 'ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax';
              return (
                one(line, `${tax}/ram:CategoryCode`) === group.category &&
                one(line, `${tax}/ram:RateApplicablePercent`) === group.rate
              );
            })
            .reduce((sum, { net }) => sum + net, 0);
          expect(group.basis).toBe(basis);
        }
        // And the quote's own totals agree to the cent.
        const quote = computeQuoteTotals({
          vatExempt: invoice.seller.vatExempt,
          jobs: [{ lines: invoice.lines }],
        });
        expect([lineTotal, taxTotal, grandTotal]).toEqual([
          quote.exclVatCents,
          quote.vatCents,
          quote.inclVatCents,
        ]);
      }),
      runs,
    );
  });
});
