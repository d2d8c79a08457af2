import { formatEuros } from '../money';
import type { QUOTE_UNITS } from '../quote/totals';
import {
  INVOICE_TYPE_CODES,
  type InvoiceBuyer,
  type InvoiceSeller,
  type IssuedInvoice,
  type OperationCategory,
  type SnapshotAddress,
} from '../schemas/invoice';
import { PART_CONDITION_LABELS } from '../schemas/repair-order';
import { buildInvoiceMentions } from './mentions';
import { getSiren } from './snapshots';
import {
  computeInvoiceTotals,
  computeNetUnitPriceMicros,
  getVatCategory,
  type VatCategoryCode,
} from './totals';
import { element, leaf, serializeXmlDocument, type XmlElement } from './xml';

/**
 * The EN 16931 data of an issued invoice as UN/CEFACT CII D16B, Factur-X profile EN 16931
 * (guideline `urn:cen.eu:en16931:2017`), with what the French reform's BR-FR rules add: SIREN
 * (scheme 0002), SIRET (0009), electronic addresses, the BAR treatment note and the PMT, PMD,
 * AAB notes, BT-23 billing framework. Pure and deterministic: the server stores the SHA-256 of
 * these bytes at issue, the browser embeds the same bytes as factur-x.xml (decision 0017, which
 * maps each BT to its field and tells how it was validated).
 */

const NAMESPACES = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';

/** UN/ECE Recommendation 20 codes of the quote's units (BT-130). */
export const UNIT_CODES: Record<(typeof QUOTE_UNITS)[number], string> = {
  h: 'HUR',
  pièce: 'H87',
  forfait: 'LS',
  L: 'LTR',
  m: 'MTR',
};

/** VATEX code and text of the franchise en base (BT-121, BT-120). */
export const VAT_FRANCHISE_EXEMPTION = {
  code: 'VATEX-FR-FRANCHISE',
  reason: 'TVA non applicable, art. 293 B du CGI',
} as const;

/**
 * BT-23, the French billing framework: B (goods), S (services), M (both), then 1 for an invoice
 * on its own, 4 for a final invoice after deposits.
 */
export function getBillingFramework(
  category: OperationCategory,
  hasDeductedDeposits: boolean,
): string {
  const letter = category === 'goods' ? 'B' : category === 'services' ? 'S' : 'M';
  return `${letter}${hasDeductedDeposits ? 4 : 1}`;
}

/**
 * BT-8 (UNTDID 2475): VAT is due when the invoice is issued for a garage that opted for the
 * debits, on delivery for goods, on payment for services otherwise.
 */
export function getVatDueDateCode(seller: InvoiceSeller, category: OperationCategory): string {
  if (seller.vatOnDebits) return '5';
  return category === 'goods' ? '29' : '72';
}

/** `12345` cents → `123.45`; `-5` → `-0.05`. */
export function formatCiiAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Expected integer cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Millionths of a euro → at least 2 and at most 6 decimals: `58500000` → `58.50`. */
export function formatCiiPrice(micros: number): string {
  if (!Number.isSafeInteger(micros) || micros < 0) {
    throw new RangeError(`Expected non-negative integer micros, got ${micros}`);
  }
  const fraction = String(micros % 1_000_000)
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${Math.trunc(micros / 1_000_000)}.${fraction}`;
}

/** `550` → `5.50` (BT-119, BT-152). */
export function formatCiiRate(vatRateBp: number): string {
  return formatCiiAmount(vatRateBp);
}

/** `2026-12-01` → `20261201`, format 102. */
export function formatCiiDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected an ISO date, got ${isoDate}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** An element only when there is text to put in it: PEPPOL-EN16931-R008 warns on empty ones. */
function optionalLeaf(name: string, value: string | null | undefined): XmlElement | null {
  const trimmed = value?.trim();
  return trimmed ? leaf(name, trimmed) : null;
}

function udtDate(name: string, isoDate: string): XmlElement {
  return element(name, [leaf('udt:DateTimeString', formatCiiDate(isoDate), { format: '102' })]);
}

function note(content: string, subjectCode: string | null): XmlElement {
  return element('ram:IncludedNote', [
    leaf('ram:Content', content),
    subjectCode ? leaf('ram:SubjectCode', subjectCode) : null,
  ]);
}

function address(value: SnapshotAddress): XmlElement {
  const [lineOne, ...rest] = (value.street ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return element('ram:PostalTradeAddress', [
    optionalLeaf('ram:PostcodeCode', value.postalCode),
    lineOne ? leaf('ram:LineOne', lineOne) : null,
    rest.length > 0 ? leaf('ram:LineTwo', rest.join(', ')) : null,
    optionalLeaf('ram:CityName', value.city),
    leaf('ram:CountryID', value.country),
  ]);
}

function electronicAddress(party: InvoiceSeller | InvoiceBuyer): XmlElement | null {
  if (!party.electronicAddress) return null;
  return element('ram:URIUniversalCommunication', [
    leaf('ram:URIID', party.electronicAddress.value, { schemeID: party.electronicAddress.scheme }),
  ]);
}

function vatRegistration(vatNumber: string | null): XmlElement | null {
  if (!vatNumber) return null;
  return element('ram:SpecifiedTaxRegistration', [leaf('ram:ID', vatNumber, { schemeID: 'VA' })]);
}

/** BT-33: the legal form, the share capital and the registry, as printed under the name. */
export function buildSellerLegalMention(seller: InvoiceSeller): string | null {
  const parts = [
    seller.legalForm && seller.capital
      ? `${seller.legalForm} au capital de ${seller.capital}`
      : seller.legalForm,
    seller.registry,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' – ') : null;
}

function sellerParty(seller: InvoiceSeller): XmlElement {
  const siren = getSiren(seller.siret);
  const legalMention = buildSellerLegalMention(seller);
  return element('ram:SellerTradeParty', [
    seller.siret ? leaf('ram:GlobalID', seller.siret, { schemeID: '0009' }) : null,
    leaf('ram:Name', seller.name ?? ''),
    optionalLeaf('ram:Description', legalMention),
    siren
      ? element('ram:SpecifiedLegalOrganization', [leaf('ram:ID', siren, { schemeID: '0002' })])
      : null,
    address(seller.address),
    electronicAddress(seller),
    vatRegistration(seller.vatNumber),
  ]);
}

function buyerParty(buyer: InvoiceBuyer): XmlElement {
  const siren = getSiren(buyer.siret);
  return element('ram:BuyerTradeParty', [
    buyer.siret ? leaf('ram:GlobalID', buyer.siret, { schemeID: '0009' }) : null,
    leaf('ram:Name', buyer.name),
    siren
      ? element('ram:SpecifiedLegalOrganization', [leaf('ram:ID', siren, { schemeID: '0002' })])
      : null,
    address(buyer.address),
    electronicAddress(buyer),
    vatRegistration(buyer.vatNumber),
  ]);
}

/** BAR note (BT-22 with subject BAR): how the invoice is handled by the reform. */
export function getBuyerTreatment(buyer: InvoiceBuyer): 'B2B' | 'B2BINT' | 'B2C' {
  if (buyer.kind === 'person') return 'B2C';
  return buyer.address.country === 'FR' ? 'B2B' : 'B2BINT';
}

function lineTax(category: VatCategoryCode, vatRateBp: number): XmlElement {
  return element('ram:ApplicableTradeTax', [
    leaf('ram:TypeCode', 'VAT'),
    leaf('ram:CategoryCode', category),
    leaf('ram:RateApplicablePercent', formatCiiRate(vatRateBp)),
  ]);
}

export function buildCiiInvoice(invoice: IssuedInvoice): string {
  const { seller, buyer, payment } = invoice;
  const totals = computeInvoiceTotals({
    lines: invoice.lines,
    vatExempt: seller.vatExempt,
    deductedDeposits: invoice.deductedDeposits,
  });
  const mentions = buildInvoiceMentions(invoice);

  const deposits = invoice.deductedDeposits.map(
    (deposit) =>
      `${deposit.number} du ${deposit.issueDate.split('-').reverse().join('/')} : ${formatEuros(deposit.amountInclVatCents).replace(/\s/gu, ' ')}`,
  );
  const notes = [
    note(getBuyerTreatment(buyer), 'BAR'),
    note(mentions.recoveryIndemnity, 'PMT'),
    mentions.latePenalties ? note(mentions.latePenalties, 'PMD') : null,
    note(mentions.earlyPaymentDiscount, 'AAB'),
    mentions.tax ? note(mentions.tax, 'TXD') : null,
    note(mentions.operation, 'AAI'),
    mentions.vehicle ? note(mentions.vehicle, 'AAI') : null,
    deposits.length > 0 ? note(`Acomptes déduits : ${deposits.join(' ; ')}.`, 'AAI') : null,
    invoice.note?.trim() ? note(invoice.note.trim(), 'AAI') : null,
  ];

  const lines = invoice.lines.map((line, index) => {
    const netMicros = computeNetUnitPriceMicros(line);
    const grossMicros = line.unitPriceCents * 10_000;
    return element('ram:IncludedSupplyChainTradeLineItem', [
      element('ram:AssociatedDocumentLineDocument', [leaf('ram:LineID', String(index + 1))]),
      element('ram:SpecifiedTradeProduct', [
        optionalLeaf('ram:SellerAssignedID', line.reference),
        leaf('ram:Name', line.description),
        line.partCondition
          ? element('ram:ApplicableProductCharacteristic', [
              leaf('ram:Description', 'État de la pièce'),
              leaf('ram:Value', PART_CONDITION_LABELS[line.partCondition]),
            ])
          : null,
      ]),
      element('ram:SpecifiedLineTradeAgreement', [
        line.discountBp > 0
          ? element('ram:GrossPriceProductTradePrice', [
              leaf('ram:ChargeAmount', formatCiiPrice(grossMicros)),
              element('ram:AppliedTradeAllowanceCharge', [
                element('ram:ChargeIndicator', [leaf('udt:Indicator', 'false')]),
                leaf('ram:ActualAmount', formatCiiPrice(grossMicros - netMicros)),
              ]),
            ])
          : null,
        element('ram:NetPriceProductTradePrice', [
          leaf('ram:ChargeAmount', formatCiiPrice(netMicros)),
        ]),
      ]),
      element('ram:SpecifiedLineTradeDelivery', [
        leaf('ram:BilledQuantity', String(line.quantity), { unitCode: UNIT_CODES[line.unit] }),
      ]),
      element('ram:SpecifiedLineTradeSettlement', [
        lineTax(
          getVatCategory(line.vatRateBp, seller.vatExempt),
          seller.vatExempt ? 0 : line.vatRateBp,
        ),
        element('ram:SpecifiedTradeSettlementLineMonetarySummation', [
          leaf('ram:LineTotalAmount', formatCiiAmount(totals.lines[index]?.netCents ?? 0)),
        ]),
      ]),
    ]);
  });

  const breakdown = totals.vatBreakdown.map((group) =>
    element('ram:ApplicableTradeTax', [
      leaf('ram:CalculatedAmount', formatCiiAmount(group.vatCents)),
      leaf('ram:TypeCode', 'VAT'),
      group.categoryCode === 'E'
        ? leaf('ram:ExemptionReason', VAT_FRANCHISE_EXEMPTION.reason)
        : null,
      leaf('ram:BasisAmount', formatCiiAmount(group.basisCents)),
      leaf('ram:CategoryCode', group.categoryCode),
      group.categoryCode === 'E'
        ? leaf('ram:ExemptionReasonCode', VAT_FRANCHISE_EXEMPTION.code)
        : null,
      group.categoryCode === 'E'
        ? null
        : leaf('ram:DueDateTypeCode', getVatDueDateCode(seller, invoice.operationCategory)),
      leaf('ram:RateApplicablePercent', formatCiiRate(group.vatRateBp)),
    ]),
  );

  const delivery = element('ram:ApplicableHeaderTradeDelivery', [
    buyer.deliveryAddress
      ? element('ram:ShipToTradeParty', [
          leaf('ram:Name', buyer.name),
          address(buyer.deliveryAddress),
        ])
      : null,
    invoice.serviceDate
      ? element('ram:ActualDeliverySupplyChainEvent', [
          udtDate('ram:OccurrenceDateTime', invoice.serviceDate),
        ])
      : null,
  ]);

  const root = element(
    'rsm:CrossIndustryInvoice',
    [
      element('rsm:ExchangedDocumentContext', [
        element('ram:BusinessProcessSpecifiedDocumentContextParameter', [
          leaf(
            'ram:ID',
            getBillingFramework(invoice.operationCategory, invoice.deductedDeposits.length > 0),
          ),
        ]),
        element('ram:GuidelineSpecifiedDocumentContextParameter', [
          leaf('ram:ID', EN16931_GUIDELINE),
        ]),
      ]),
      element('rsm:ExchangedDocument', [
        leaf('ram:ID', invoice.number),
        leaf('ram:TypeCode', INVOICE_TYPE_CODES[invoice.kind]),
        udtDate('ram:IssueDateTime', invoice.issueDate),
        ...notes,
      ]),
      element('rsm:SupplyChainTradeTransaction', [
        ...lines,
        element('ram:ApplicableHeaderTradeAgreement', [
          sellerParty(seller),
          buyerParty(buyer),
          invoice.origin.repairOrderNumber
            ? element('ram:SellerOrderReferencedDocument', [
                leaf('ram:IssuerAssignedID', invoice.origin.repairOrderNumber),
              ])
            : null,
        ]),
        delivery,
        element('ram:ApplicableHeaderTradeSettlement', [
          leaf('ram:InvoiceCurrencyCode', 'EUR'),
          ...breakdown,
          payment.terms?.trim() || payment.dueDate
            ? element('ram:SpecifiedTradePaymentTerms', [
                optionalLeaf('ram:Description', payment.terms),
                payment.dueDate ? udtDate('ram:DueDateDateTime', payment.dueDate) : null,
              ])
            : null,
          element('ram:SpecifiedTradeSettlementHeaderMonetarySummation', [
            leaf('ram:LineTotalAmount', formatCiiAmount(totals.lineTotalCents)),
            leaf('ram:TaxBasisTotalAmount', formatCiiAmount(totals.taxBasisTotalCents)),
            leaf('ram:TaxTotalAmount', formatCiiAmount(totals.vatTotalCents), {
              currencyID: 'EUR',
            }),
            leaf('ram:GrandTotalAmount', formatCiiAmount(totals.grandTotalCents)),
            totals.prepaidCents > 0
              ? leaf('ram:TotalPrepaidAmount', formatCiiAmount(totals.prepaidCents))
              : null,
            leaf('ram:DuePayableAmount', formatCiiAmount(totals.duePayableCents)),
          ]),
          invoice.corrects
            ? element('ram:InvoiceReferencedDocument', [
                leaf('ram:IssuerAssignedID', invoice.corrects.number),
                element('ram:FormattedIssueDateTime', [
                  leaf('qdt:DateTimeString', formatCiiDate(invoice.corrects.issueDate), {
                    format: '102',
                  }),
                ]),
              ])
            : null,
        ]),
      ]),
    ],
    NAMESPACES,
  );
  return serializeXmlDocument(root);
}
