import { describe, expect, it } from 'vitest';
import { VAT_EXEMPTION_MENTION } from '../quote/vat';
import {
  BUSINESS_INVOICE,
  CREDIT_NOTE,
  DEPOSIT_INVOICE,
  FINAL_INVOICE,
  FRANCHISE_INVOICE,
  INVOICE_SAMPLES,
  PERSON_INVOICE,
} from '../testing/invoice-samples';
import {
  buildCiiInvoice,
  formatCiiAmount,
  formatCiiDate,
  formatCiiPrice,
  formatCiiRate,
  getBillingFramework,
} from './cii';
import { all, one, parseXml, toCents, type XmlNode } from './xml-reader.test-helpers';

const TRANSACTION = 'rsm:SupplyChainTradeTransaction';
const SETTLEMENT = `${TRANSACTION}/ram:ApplicableHeaderTradeSettlement`;
const SUMMATION = `${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;
const SELLER = `${TRANSACTION}/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty`;
const BUYER = `${TRANSACTION}/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty`;

function read(invoice: Parameters<typeof buildCiiInvoice>[0]): XmlNode {
  return parseXml(buildCiiInvoice(invoice));
}

function notes(root: XmlNode): Array<{ subject: string | null; content: string }> {
  return all(root, 'rsm:ExchangedDocument/ram:IncludedNote').map((note) => ({
    subject: all(note, 'ram:SubjectCode')[0]?.text ?? null,
    content: one(note, 'ram:Content'),
  }));
}

function attribute(root: XmlNode, path: string, name: string): string | undefined {
  const [node] = all(root, path);
  return node?.attributes[name];
}

describe('CII number formats', () => {
  it('writes amounts with a point and two decimals, negatives included', () => {
    expect(formatCiiAmount(0)).toBe('0.00');
    expect(formatCiiAmount(5)).toBe('0.05');
    expect(formatCiiAmount(123456)).toBe('1234.56');
    expect(formatCiiAmount(-5)).toBe('-0.05');
    expect(() => formatCiiAmount(1.5)).toThrow(RangeError);
  });

  it('writes unit prices exactly, with two to six decimals', () => {
    expect(formatCiiPrice(65_000_000)).toBe('65.00');
    expect(formatCiiPrice(198_412_500)).toBe('198.4125');
    expect(formatCiiPrice(1)).toBe('0.000001');
    expect(formatCiiPrice(0)).toBe('0.00');
  });

  it('writes VAT rates in percent and dates in format 102', () => {
    expect(formatCiiRate(2000)).toBe('20.00');
    expect(formatCiiRate(550)).toBe('5.50');
    expect(formatCiiRate(210)).toBe('2.10');
    expect(formatCiiDate('2026-11-30')).toBe('20261130');
    expect(() => formatCiiDate('30/11/2026')).toThrow(RangeError);
  });

  it('derives the billing framework from the category and the deducted deposits', () => {
    expect(getBillingFramework('services', false)).toBe('S1');
    expect(getBillingFramework('goods', false)).toBe('B1');
    expect(getBillingFramework('mixed', true)).toBe('M4');
  });
});

describe('buildCiiInvoice', () => {
  it('gives the same bytes for the same invoice, as the stored SHA-256 needs', () => {
    expect(buildCiiInvoice(BUSINESS_INVOICE)).toBe(
      buildCiiInvoice(structuredClone(BUSINESS_INVOICE)),
    );
  });

  it('writes a well-formed document for every sample', () => {
    for (const invoice of Object.values(INVOICE_SAMPLES)) {
      const root = read(invoice);
      expect(root.name).toBe('rsm:CrossIndustryInvoice');
      expect(root.attributes['xmlns:ram']).toBe(
        'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
      );
      expect(
        one(
          root,
          'rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID',
        ),
      ).toBe('urn:cen.eu:en16931:2017');
    }
  });

  it('writes an invoice to a business with its number, type, dates, parties and totals', () => {
    const root = read(BUSINESS_INVOICE);
    expect(one(root, 'rsm:ExchangedDocument/ram:ID')).toBe('FAC-2026-00101');
    expect(one(root, 'rsm:ExchangedDocument/ram:TypeCode')).toBe('380');
    expect(one(root, 'rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString')).toBe(
      '20261130',
    );
    expect(
      attribute(root, 'rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString', 'format'),
    ).toBe('102');
    expect(
      one(
        root,
        'rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID',
      ),
    ).toBe('M1');

    expect(one(root, `${SELLER}/ram:Name`)).toBe('Garage du Rhône');
    expect(one(root, `${SELLER}/ram:Description`)).toBe(
      'SARL au capital de 20 000 € – RCS Lyon 812 345 676',
    );
    expect(one(root, `${SELLER}/ram:SpecifiedLegalOrganization/ram:ID`)).toBe('812345676');
    expect(attribute(root, `${SELLER}/ram:SpecifiedLegalOrganization/ram:ID`, 'schemeID')).toBe(
      '0002',
    );
    expect(one(root, `${SELLER}/ram:GlobalID`)).toBe('81234567600017');
    expect(attribute(root, `${SELLER}/ram:GlobalID`, 'schemeID')).toBe('0009');
    expect(one(root, `${SELLER}/ram:SpecifiedTaxRegistration/ram:ID`)).toBe('FR19812345676');
    expect(attribute(root, `${SELLER}/ram:SpecifiedTaxRegistration/ram:ID`, 'schemeID')).toBe('VA');
    expect(one(root, `${SELLER}/ram:URIUniversalCommunication/ram:URIID`)).toBe('812345676');
    expect(attribute(root, `${SELLER}/ram:URIUniversalCommunication/ram:URIID`, 'schemeID')).toBe(
      '0225',
    );

    expect(one(root, `${BUYER}/ram:Name`)).toBe('Transports Dupont & Fils');
    expect(one(root, `${BUYER}/ram:SpecifiedLegalOrganization/ram:ID`)).toBe('552443004');
    expect(one(root, `${BUYER}/ram:SpecifiedTaxRegistration/ram:ID`)).toBe('FR22552443004');
    expect(one(root, `${BUYER}/ram:URIUniversalCommunication/ram:URIID`)).toBe('552443004');
    expect(one(root, `${BUYER}/ram:PostalTradeAddress/ram:CityName`)).toBe('Lyon');

    const delivery = `${TRANSACTION}/ram:ApplicableHeaderTradeDelivery`;
    expect(one(root, `${delivery}/ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CityName`)).toBe(
      'Vénissieux',
    );
    expect(
      one(
        root,
        `${delivery}/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString`,
      ),
    ).toBe('20261128');
    expect(
      one(
        root,
        `${TRANSACTION}/ram:ApplicableHeaderTradeAgreement/ram:SellerOrderReferencedDocument/ram:IssuerAssignedID`,
      ),
    ).toBe('OR-2026-00042');

    expect(one(root, `${SETTLEMENT}/ram:InvoiceCurrencyCode`)).toBe('EUR');
    expect(one(root, `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:Description`)).toBe(
      'Paiement à 30 jours par virement.',
    );
    expect(
      one(
        root,
        `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString`,
      ),
    ).toBe('20261230');
    // Worked by hand: 20 % on 227,50 + 260,91 + 198,41 + 45,00 + 32,99 + 4,50 = 769,31 → 153,86;
    // 10 % on 48,75 → 4,875 → 4,88.
    const taxes = all(root, `${SETTLEMENT}/ram:ApplicableTradeTax`).map((tax) => ({
      category: one(tax, 'ram:CategoryCode'),
      rate: one(tax, 'ram:RateApplicablePercent'),
      basis: one(tax, 'ram:BasisAmount'),
      vat: one(tax, 'ram:CalculatedAmount'),
      due: one(tax, 'ram:DueDateTypeCode'),
    }));
    expect(taxes).toEqual([
      { category: 'S', rate: '20.00', basis: '769.31', vat: '153.86', due: '72' },
      { category: 'S', rate: '10.00', basis: '48.75', vat: '4.88', due: '72' },
    ]);
    expect(one(root, `${SUMMATION}/ram:LineTotalAmount`)).toBe('818.06');
    expect(one(root, `${SUMMATION}/ram:TaxBasisTotalAmount`)).toBe('818.06');
    expect(one(root, `${SUMMATION}/ram:TaxTotalAmount`)).toBe('158.74');
    expect(attribute(root, `${SUMMATION}/ram:TaxTotalAmount`, 'currencyID')).toBe('EUR');
    expect(one(root, `${SUMMATION}/ram:GrandTotalAmount`)).toBe('976.80');
    expect(all(root, `${SUMMATION}/ram:TotalPrepaidAmount`)).toHaveLength(0);
    expect(one(root, `${SUMMATION}/ram:DuePayableAmount`)).toBe('976.80');
    expect(all(root, `${SETTLEMENT}/ram:InvoiceReferencedDocument`)).toHaveLength(0);
  });

  it('writes the French mandatory notes once each, with their subject codes', () => {
    const written = notes(read(BUSINESS_INVOICE));
    const bySubject = (subject: string) => written.filter((note) => note.subject === subject);
    expect(bySubject('BAR').map((note) => note.content)).toEqual(['B2B']);
    expect(bySubject('PMT')).toHaveLength(1);
    expect(bySubject('PMT')[0]?.content).toContain('40 €');
    expect(bySubject('PMD')[0]?.content).toContain('12,15 %');
    expect(bySubject('AAB').map((note) => note.content)).toEqual([
      'Pas d’escompte pour paiement anticipé.',
    ]);
    expect(bySubject('TXD')).toHaveLength(0);
    expect(bySubject('AAI').map((note) => note.content)).toEqual([
      'Catégorie de l’opération : Livraison de biens et prestations de services.',
      'Véhicule : AB-123-CD, Renault Clio IV, 84 213 km, ordre de réparation OR-2026-00042',
      'Merci de votre confiance.',
    ]);
  });

  it('writes each line: quantity and unit, net price, gross price and discount, condition, net amount', () => {
    const lines = all(
      read(BUSINESS_INVOICE),
      `${TRANSACTION}/ram:IncludedSupplyChainTradeLineItem`,
    );
    expect(lines).toHaveLength(BUSINESS_INVOICE.lines.length);
    expect(lines.map((line) => one(line, 'ram:AssociatedDocumentLineDocument/ram:LineID'))).toEqual(
      ['1', '2', '3', '4', '5', '6', '7'],
    );
    const alternator = lines[2]!;
    expect(one(alternator, 'ram:SpecifiedTradeProduct/ram:Name')).toBe(
      'Alternateur échange standard',
    );
    expect(one(alternator, 'ram:SpecifiedTradeProduct/ram:SellerAssignedID')).toBe('ALT-0092');
    expect(
      one(alternator, 'ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic/ram:Value'),
    ).toBe('Échange standard');
    const agreement = 'ram:SpecifiedLineTradeAgreement';
    expect(one(alternator, `${agreement}/ram:GrossPriceProductTradePrice/ram:ChargeAmount`)).toBe(
      '214.50',
    );
    expect(
      one(
        alternator,
        `${agreement}/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount`,
      ),
    ).toBe('16.0875');
    expect(one(alternator, `${agreement}/ram:NetPriceProductTradePrice/ram:ChargeAmount`)).toBe(
      '198.4125',
    );
    expect(one(alternator, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity')).toBe('1');
    expect(
      attribute(alternator, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity', 'unitCode'),
    ).toBe('H87');
    expect(
      one(
        alternator,
        'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
      ),
    ).toBe('198.41');

    const coolant = lines[4]!;
    expect(one(coolant, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity')).toBe('4.5');
    expect(
      attribute(coolant, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity', 'unitCode'),
    ).toBe('LTR');
    expect(all(coolant, `${agreement}/ram:GrossPriceProductTradePrice`)).toHaveLength(0);
    const labour = lines[0]!;
    expect(
      all(labour, 'ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic'),
    ).toHaveLength(0);
    expect(attribute(labour, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity', 'unitCode')).toBe(
      'HUR',
    );
  });

  it('escapes the text it is given, and reads it back unchanged', () => {
    const root = read(BUSINESS_INVOICE);
    const part = all(root, `${TRANSACTION}/ram:IncludedSupplyChainTradeLineItem`)[1]!;
    expect(one(part, 'ram:SpecifiedTradeProduct/ram:SellerAssignedID')).toBe('KD-455 <Gates>');
    const xml = buildCiiInvoice({
      ...BUSINESS_INVOICE,
      note: 'A & B <c> "d"\u0001 fin',
    });
    expect(xml).toContain('A &amp; B &lt;c&gt; "d" fin');
    expect(notes(parseXml(xml)).at(-1)?.content).toBe('A & B <c> "d" fin');
  });

  it('leaves out an optional element that would be empty (PEPPOL-EN16931-R008)', () => {
    const [labour] = BUSINESS_INVOICE.lines;
    const root = read({
      ...BUSINESS_INVOICE,
      lines: [{ ...labour!, reference: '  ' }],
      note: ' ',
      payment: { ...BUSINESS_INVOICE.payment, terms: ' ' },
    });
    const line = all(root, `${TRANSACTION}/ram:IncludedSupplyChainTradeLineItem`)[0]!;
    expect(all(line, 'ram:SpecifiedTradeProduct/ram:SellerAssignedID')).toHaveLength(0);
    expect(all(root, `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:Description`)).toHaveLength(
      0,
    );
    expect(notes(root).map((note) => note.content)).not.toContain(' ');
    expect(buildCiiInvoice(BUSINESS_INVOICE)).not.toMatch(/<([\w:]+)[^>]*>\s*<\/\1>/);
  });

  it('writes an invoice to a private person: no SIREN, the e-mail as address, B2C, no 40 €', () => {
    const root = read(PERSON_INVOICE);
    expect(one(root, `${BUYER}/ram:Name`)).toBe('M. Jean Martin');
    expect(all(root, `${BUYER}/ram:SpecifiedLegalOrganization`)).toHaveLength(0);
    expect(all(root, `${BUYER}/ram:SpecifiedTaxRegistration`)).toHaveLength(0);
    expect(one(root, `${BUYER}/ram:URIUniversalCommunication/ram:URIID`)).toBe(
      'jean.martin@exemple.fr',
    );
    expect(attribute(root, `${BUYER}/ram:URIUniversalCommunication/ram:URIID`, 'schemeID')).toBe(
      'EM',
    );
    const written = notes(root);
    expect(written.find((note) => note.subject === 'BAR')?.content).toBe('B2C');
    expect(written.find((note) => note.subject === 'PMT')?.content).toContain('sans objet');
    expect(
      all(root, `${TRANSACTION}/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty`),
    ).toHaveLength(0);
  });

  it('writes the VAT franchise as category E at 0 %, with its VATEX code and mention', () => {
    const root = read(FRANCHISE_INVOICE);
    const [tax, ...others] = all(root, `${SETTLEMENT}/ram:ApplicableTradeTax`);
    expect(others).toHaveLength(0);
    expect(one(tax!, 'ram:CategoryCode')).toBe('E');
    expect(one(tax!, 'ram:RateApplicablePercent')).toBe('0.00');
    expect(one(tax!, 'ram:CalculatedAmount')).toBe('0.00');
    expect(one(tax!, 'ram:ExemptionReasonCode')).toBe('VATEX-FR-FRANCHISE');
    expect(one(tax!, 'ram:ExemptionReason')).toBe(VAT_EXEMPTION_MENTION);
    expect(all(tax!, 'ram:DueDateTypeCode')).toHaveLength(0);
    for (const line of all(root, `${TRANSACTION}/ram:IncludedSupplyChainTradeLineItem`)) {
      expect(
        one(line, 'ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode'),
      ).toBe('E');
    }
    expect(one(root, `${SUMMATION}/ram:TaxTotalAmount`)).toBe('0.00');
    expect(one(root, `${SUMMATION}/ram:GrandTotalAmount`)).toBe(
      one(root, `${SUMMATION}/ram:TaxBasisTotalAmount`),
    );
    expect(notes(root).find((note) => note.subject === 'TXD')?.content).toBe(VAT_EXEMPTION_MENTION);
    expect(notes(root).find((note) => note.subject === 'AAB')?.content).toBe(
      'Escompte de 2 % pour paiement sous 8 jours.',
    );
    expect(
      one(
        root,
        'rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID',
      ),
    ).toBe('S1');
  });

  it('writes the option for VAT on debits as due date code 5 and its mention', () => {
    const root = read({
      ...PERSON_INVOICE,
      seller: { ...PERSON_INVOICE.seller, vatOnDebits: true },
    });
    expect(
      all(root, `${SETTLEMENT}/ram:ApplicableTradeTax/ram:DueDateTypeCode`).map(
        (node) => node.text,
      ),
    ).toEqual(['5']);
    expect(notes(root).find((note) => note.subject === 'TXD')?.content).toBe(
      'Option pour le paiement de la taxe d’après les débits',
    );
  });

  it('writes a credit note as type 381, positive amounts, referencing the invoice it corrects', () => {
    const root = read(CREDIT_NOTE);
    expect(one(root, 'rsm:ExchangedDocument/ram:ID')).toBe('AV-2026-00007');
    expect(one(root, 'rsm:ExchangedDocument/ram:TypeCode')).toBe('381');
    const reference = `${SETTLEMENT}/ram:InvoiceReferencedDocument`;
    expect(one(root, `${reference}/ram:IssuerAssignedID`)).toBe('FAC-2026-00101');
    expect(one(root, `${reference}/ram:FormattedIssueDateTime/qdt:DateTimeString`)).toBe(
      '20261130',
    );
    expect(
      attribute(root, `${reference}/ram:FormattedIssueDateTime/qdt:DateTimeString`, 'format'),
    ).toBe('102');
    // 214,50 × 0,925 = 198,41; VAT 39,68.
    expect(one(root, `${SUMMATION}/ram:GrandTotalAmount`)).toBe('238.09');
    expect(one(root, `${SUMMATION}/ram:DuePayableAmount`)).toBe('238.09');
  });

  it('writes a deposit invoice as type 386 without a delivery date', () => {
    const root = read(DEPOSIT_INVOICE);
    expect(one(root, 'rsm:ExchangedDocument/ram:TypeCode')).toBe('386');
    expect(one(root, 'rsm:ExchangedDocument/ram:ID')).toBe('FAC-2026-00095');
    expect(
      all(
        root,
        `${TRANSACTION}/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent`,
      ),
    ).toHaveLength(0);
    expect(one(root, `${SUMMATION}/ram:GrandTotalAmount`)).toBe('252.00');
  });

  it('writes a final invoice with the deposit as prepaid amount, framework M4, and a note naming it', () => {
    const root = read(FINAL_INVOICE);
    expect(one(root, 'rsm:ExchangedDocument/ram:TypeCode')).toBe('380');
    expect(
      one(
        root,
        'rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID',
      ),
    ).toBe('M4');
    expect(one(root, `${SUMMATION}/ram:GrandTotalAmount`)).toBe('976.80');
    expect(one(root, `${SUMMATION}/ram:TotalPrepaidAmount`)).toBe('252.00');
    expect(one(root, `${SUMMATION}/ram:DuePayableAmount`)).toBe('724.80');
    expect(notes(root).some((note) => note.content.includes('FAC-2026-00095 du 20/11/2026'))).toBe(
      true,
    );
    expect(toCents(one(root, `${SUMMATION}/ram:DuePayableAmount`))).toBe(72480);
  });
});
