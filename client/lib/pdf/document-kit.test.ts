import { jsPDF } from 'jspdf';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../domain/schemas/settings';
import { describeLabourRates, drawFooters, drawRunningHeaders, ensureSpace } from './document-kit';
import { pricedLineColumns } from './lines-table';
import { createPdfReader } from './read-pdf.testing';
import { drawSignatureBox } from './signature-block';

const reader = createPdfReader();
afterAll(reader.dispose);

const rates = DEFAULT_SETTINGS.labourRates;

describe('the document kit', () => {
  it('states the labour rates excluding VAT, with VAT on request, or as is under the franchise', () => {
    expect(describeLabourRates([])).toBeNull();
    expect(describeLabourRates(rates.slice(0, 1))).toBe(
      'Taux horaire de main-d’œuvre : Mécanique 65,00 € HT/h (au temps passé).',
    );
    expect(describeLabourRates(rates, { withInclVat: true })).toBe(
      'Taux horaire de main-d’œuvre : Mécanique 65,00 € HT/h, soit 78,00 € TTC/h (au temps passé) ; Carrosserie 72,00 € HT/h, soit 86,40 € TTC/h (au temps passé).',
    );
    expect(describeLabourRates(rates.slice(0, 1), { withInclVat: true, vatExempt: true })).toBe(
      'Taux horaire de main-d’œuvre : Mécanique 65,00 €/h (au temps passé).',
    );
  });

  it('writes the unit with the quantity in compact columns, plural from 2, extra columns before the total', () => {
    const columns = pricedLineColumns<{
      description: string;
      reference: string | null;
      quantity: number;
      unit: string;
      unitPriceCents: number;
      discountBp: number;
      vatRateBp: number;
      totalExclVatCents: number;
    }>({
      vatExempt: false,
      compact: true,
      extra: [{ header: 'Pièce', width: 30, cell: () => 'Neuve' }],
    });
    expect(columns.map((column) => column.header)).toEqual([
      'Désignation',
      'Réf.',
      'Qté',
      'PU HT',
      'Remise',
      'TVA',
      'Pièce',
      'Total HT',
    ]);
    const line = {
      description: 'Pneu',
      reference: null,
      unit: 'pièce',
      unitPriceCents: 8900,
      discountBp: 0,
      vatRateBp: 2000,
      totalExclVatCents: 17_800,
    };
    const quantity = columns[2]!;
    expect(quantity.cell({ ...line, quantity: 2 })).toBe('2 pièces');
    expect(quantity.cell({ ...line, quantity: 1 })).toBe('1 pièce');
    expect(quantity.cell({ ...line, quantity: 1.5, unit: 'h' })).toBe('1,5 h');
  });

  it('keeps a signature box readable when its image cannot be read', () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4' });
    drawSignatureBox(
      doc,
      { x: 15, y: 20, width: 87, height: 46 },
      {
        title: 'Réception',
        prompts: ['Le client autorise les travaux.'],
        image: 'data:image/png;base64,AAAA',
        signedLines: ['Hélène Lefèvre, le 24/11/2026 à 10:05'],
      },
    );
    const { flat, imagePages } = reader.read('broken-image.pdf', doc.output('arraybuffer'));
    expect(flat).toContain('(image de la signature illisible)');
    expect(flat).toContain('Hélène Lefèvre, le 24/11/2026 à 10:05');
    expect(imagePages).toEqual([]);
  });

  it('names the document from page 2 on and numbers every page', () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4' });
    doc.text('Première page', 15, 30);
    expect(ensureSpace(doc, 200, 50)).toBe(200);
    expect(ensureSpace(doc, 260, 50)).toBe(20);
    drawRunningHeaders(doc, 'Ordre de réparation OR-2026-00042');
    drawFooters(doc, 'Garage du Parc — SARL');
    const { text, pages } = reader.read('running.pdf', doc.output('arraybuffer'));
    const [first, second] = text.split('\f');
    expect(pages).toBe(2);
    expect(first).not.toContain('OR-2026-00042');
    expect(first).toContain('Page 1 / 2');
    expect(second).toContain('Ordre de réparation OR-2026-00042');
    expect(second).toContain('Page 2 / 2');
    expect(second).toContain('Garage du Parc — SARL');
  });
});
