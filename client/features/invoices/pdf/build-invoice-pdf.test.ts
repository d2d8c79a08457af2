import { afterAll, describe, expect, it } from 'vitest';
import { buildInvoiceMentions } from '../../../../domain/invoice/mentions';
import type { Invoice } from '../../../../domain/schemas/invoice';
import {
  BUSINESS_INVOICE,
  CREDIT_NOTE,
  DEPOSIT_INVOICE,
  FINAL_INVOICE,
  FRANCHISE_INVOICE,
  PERSON_INVOICE,
} from '../../../../domain/testing/invoice-samples';
import { createPdfReader, readEmbeddedFonts } from '../../../lib/pdf/read-pdf.testing';
import { buildInvoicePdf, invoicePdfFileName } from './build-invoice-pdf';

const reader = createPdfReader();
afterAll(reader.dispose);
const fonts = readEmbeddedFonts();

function render(name: string, invoice: Invoice) {
  return reader.read(name, buildInvoicePdf({ invoice, fonts }).output('arraybuffer'));
}

function expectAll(flat: string, expected: ReadonlyArray<string>) {
  for (const text of expected) expect(flat, text).toContain(text);
}

describe('the invoice PDF', () => {
  it('prints every mention of an invoice to a business on one page', () => {
    const { flat, drawnFlat, pages } = render('business.pdf', BUSINESS_INVOICE);
    expect(pages).toBe(1);
    // Wrapped in its box beside the delivery address: read in the order it was drawn.
    expect(drawnFlat).toContain(
      'Catégorie de l’opération : Livraison de biens et prestations de services.',
    );
    expectAll(flat, [
      // The seller: name, legal form and capital, address, SIRET (its SIREN), RCS, VAT number.
      'Garage du Rhône',
      'SARL au capital de 20 000 €',
      '8 quai Perrache',
      '69002 Lyon',
      'Tél. 04 78 00 00 00 · contact@garage-du-rhone.fr',
      'SIRET 812 345 676 00017',
      'SIREN 812 345 676',
      'RCS Lyon 812 345 676',
      'N° TVA intracommunautaire FR19812345676',
      // The title, number and dates.
      'FACTURE',
      'FAC-2026-00101',
      'Date : 30/11/2026',
      'Date de la prestation : 28/11/2026',
      'Échéance : 30/12/2026',
      'Ordre de réparation OR-2026-00042',
      // The business customer with its SIREN and VAT number, and where the car was delivered.
      'Transports Dupont & Fils',
      '42 avenue Jean-Jaurès',
      '69007 Lyon',
      'SIREN 552 443 004',
      'N° TVA intracommunautaire FR22552443004',
      'ADRESSE DE LIVRAISON',
      'Dépôt, 3 rue de l’Industrie',
      '69200 Vénissieux',
      // The vehicle.
      'Immatriculation : AB-123-CD',
      'Kilométrage : 84 213 km',
      // Quantities, unit prices excl. VAT, discounts, line totals (worked by hand).
      'Remplacement kit de distribution 3,5 h 65,00 € 20 % 227,50 €',
      'Kit de distribution + pompe à eau KD-455 1 pièce 289,90 € 10 % 20 % Neuve 260,91 €',
      'Alternateur échange standard ALT-0092 1 pièce 214,50 € 7,5 % 20 % Échange 198,41 €',
      'Liquide de refroidissement 4,5 L 7,33 € 20 % Neuve 32,99 €',
      'Traitement des déchets 1 forfait 4,50 € 20 % 4,50 €',
      // VAT per rate and the totals: 20 % of 769,31 is 153,862; 10 % of 48,75 is 4,875.
      'Total HT 818,06 €',
      'TVA 20 % sur 769,31 € 153,86 €',
      'TVA 10 % sur 48,75 € 4,88 €',
      'Total TTC 976,80 €',
      // Payment.
      'Conditions de paiement : Paiement à 30 jours par virement.',
      'Pénalités de retard : 12,15 % par an, exigibles dès le lendemain de la date d’échéance.',
      'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €',
      'Pas d’escompte pour paiement anticipé.',
      'Remarques : Merci de votre confiance.',
    ]);
    // The third condition wraps in its narrow column: each of its words is in the row.
    expect(flat).toMatch(/Rétroviseur gauche de réemploi 1 pièce 45,00 € 20 % Issue de 45,00 €/);
    expect(flat).toMatch(/l’économie circulaire/);
    expect(flat).not.toContain('TVA non applicable');
    expect(flat).not.toContain('Option pour le paiement');
  });

  it('words the mentions as the CII notes do', () => {
    const { drawnFlat } = render('business-mentions.pdf', BUSINESS_INVOICE);
    const mentions = buildInvoiceMentions(BUSINESS_INVOICE);
    expectAll(drawnFlat, [
      mentions.recoveryIndemnity,
      mentions.latePenalties!,
      mentions.earlyPaymentDiscount,
      mentions.operation,
    ]);
  });

  it('prints the option for VAT on debits when the garage took it', () => {
    const invoice: Invoice = {
      ...BUSINESS_INVOICE,
      seller: { ...BUSINESS_INVOICE.seller, vatOnDebits: true },
    };
    expect(render('debits.pdf', invoice).flat).toContain(
      'Option pour le paiement de la taxe d’après les débits',
    );
  });

  it('gives a private person no SIREN, no delivery box and no 40 € indemnity', () => {
    const { flat } = render('person.pdf', PERSON_INVOICE);
    expectAll(flat, [
      PERSON_INVOICE.buyer.name,
      'FAC-2026-00102',
      'Indemnité forfaitaire pour frais de recouvrement : sans objet (client non professionnel).',
      'Conditions de paiement : Paiement à la restitution du véhicule.',
      'Échéance : 30/11/2026',
    ]);
    expect(flat).not.toContain('SIREN 552');
    expect(flat).not.toContain('ADRESSE DE LIVRAISON');
    expect(flat).not.toContain('40 €');
  });

  it('prints the franchise mention and no VAT under the franchise', () => {
    const { flat } = render('franchise.pdf', FRANCHISE_INVOICE);
    expectAll(flat, [
      'Garage Martin',
      'RM 401 234 562 69',
      'SIRET 401 234 562 00015',
      'Catégorie de l’opération : Prestations de services.',
      'Total HT 686,82 €',
      'Net à payer 686,82 €',
      'TVA non applicable, art. 293 B du CGI',
      'Escompte de 2 % pour paiement sous 8 jours.',
    ]);
    expect(flat).not.toMatch(/TVA \d+ %/);
    expect(flat).not.toContain(' 20 % ');
    expect(flat).not.toContain('Total TTC');
    expect(flat).not.toContain('Pas d’escompte');
  });

  it('titles a credit note « Avoir » and names the invoice it corrects', () => {
    const { flat } = render('credit-note.pdf', CREDIT_NOTE);
    expectAll(flat, [
      'AVOIR',
      'AV-2026-00007',
      'Date : 01/12/2026',
      'Sur la facture FAC-2026-00101 du 30/11/2026',
      'Avoir de 238,09 € sur la facture FAC-2026-00101 du 30/11/2026.',
      'Remboursement : 01/12/2026',
      'Lignes de l’avoir',
      'TVA 20 % sur 198,41 € 39,68 €',
      'Total TTC 238,09 €',
      'Remarques : Alternateur facturé par erreur : la pièce était sous garantie.',
    ]);
    expect(flat).not.toContain('FACTURE ');
  });

  it('titles a deposit invoice and prints no service date on it', () => {
    const { flat, drawnFlat } = render('deposit.pdf', DEPOSIT_INVOICE);
    expect(drawnFlat).toContain('Acompte de 30 % sur l’ordre de réparation OR-2026-00042');
    expectAll(flat, [
      'FACTURE D’ACOMPTE',
      'FAC-2026-00095',
      'Date : 20/11/2026',
      'TVA 20 % sur 210,00 € 42,00 €',
      'Total TTC 252,00 €',
      'Facture d’acompte : le montant versé sera déduit de la facture définitive.',
    ]);
    expect(flat).not.toContain('Date de la prestation');
  });

  it('deducts the deposit on the final invoice and prints what is left to pay', () => {
    const { flat } = render('final.pdf', FINAL_INVOICE);
    expectAll(flat, [
      'FAC-2026-00104',
      'Total TTC 976,80 €',
      'Acompte FAC-2026-00095 du 20/11/2026 − 252,00 €',
      'Net à payer 724,80 €',
    ]);
  });

  it('marks a draft as not an invoice yet and names its file after the id', () => {
    const draft: Invoice = {
      ...BUSINESS_INVOICE,
      status: 'draft',
      number: null,
      issueDate: null,
      issuedAt: null,
    };
    const { flat } = render('draft.pdf', draft);
    expectAll(flat, [
      'BROUILLON',
      'Date : à l’émission',
      'Brouillon : ce document n’est pas une facture tant qu’il n’est pas émis.',
    ]);
    expect(invoicePdfFileName(draft)).toBe(`facture-brouillon-${draft.id.slice(0, 8)}.pdf`);
    expect(invoicePdfFileName(CREDIT_NOTE)).toBe('AV-2026-00007.pdf');
  });

  it('runs a long invoice over pages that name it, the totals and mentions whole at the end', () => {
    const lines = Array.from({ length: 60 }, (_, index) => BUSINESS_INVOICE.lines[index % 7]!);
    const { text, pages } = render('long.pdf', { ...BUSINESS_INVOICE, lines });
    expect(pages).toBeGreaterThanOrEqual(2);
    const sheets = text.split('\f').filter((sheet) => sheet.trim());
    expect(sheets).toHaveLength(pages);
    sheets.forEach((sheet, index) => {
      expect(sheet).toContain(`Page ${index + 1} / ${pages}`);
      expect(sheet).toContain('SIREN 812 345 676 — RCS Lyon 812 345 676');
      if (index > 0) {
        expect(sheet).toContain('Facture FAC-2026-00101 — Transports Dupont & Fils');
        expect(sheet).toContain('Désignation');
      }
    });
    const last = sheets.at(-1)!.replace(/\s+/g, ' ');
    expect(last).toContain('Total TTC');
    expect(last).toContain('Pas d’escompte pour paiement anticipé.');
  });

  it('prints names no standard PDF font could (Polish, Romanian, Turkish letters)', () => {
    const buyer = { ...PERSON_INVOICE.buyer, name: 'Łukasz Wiśniewski, Ștefan Öztürk, Ğ' };
    const { flat } = render('unicode.pdf', { ...PERSON_INVOICE, buyer });
    expect(flat).toContain('Łukasz Wiśniewski, Ștefan Öztürk, Ğ');
  });

  it('embeds every font it draws with', () => {
    const { fonts: listed } = render('fonts.pdf', BUSINESS_INVOICE);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((font) => !font.isEmbedded)).toEqual([]);
    expect(listed.every((font) => font.name.endsWith('DejaVuSans'))).toBe(true);
  });

  it('makes the same bytes twice from the same invoice', () => {
    const once = buildInvoicePdf({ invoice: BUSINESS_INVOICE, fonts }).output('arraybuffer');
    const twice = buildInvoicePdf({ invoice: BUSINESS_INVOICE, fonts }).output('arraybuffer');
    expect(Buffer.from(once).equals(Buffer.from(twice))).toBe(true);
  });
});
