import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatEurosForPdf } from '../../../../domain/money';
import { computeAcceptedTotals, computeQuoteTotals } from '../../../../domain/quote/totals';
import type { Client } from '../../../../domain/schemas/client';
import type { Quote } from '../../../../domain/schemas/quote';
import { DEFAULT_SETTINGS, type SettingsValues } from '../../../../domain/schemas/settings';
import type { Vehicle } from '../../../../domain/schemas/vehicle';
import { buildQuotePdf, quotePdfFileName } from './build-quote-pdf';

const dir = mkdtempSync(join(tmpdir(), 'gp-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings: SettingsValues = {
  ...DEFAULT_SETTINGS,
  company: {
    ...DEFAULT_SETTINGS.company,
    name: 'Garage du Parc',
    legalForm: 'SARL',
    capital: '20 000 €',
    address: { street: '14 avenue Jean-Jaurès', postalCode: '69007', city: 'Lyon', country: 'FR' },
    siret: '73282932000074',
    registry: 'RCS Lyon 732 829 320',
    vatNumber: 'FR44732829320',
    phone: '04 78 12 34 56',
    email: 'contact@garage-du-parc.fr',
    legalFooter: 'Garage du Parc — SARL au capital de 20 000 € — RCS Lyon 732 829 320',
  },
};

const client: Client = {
  id: '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
  version: 1,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  archivedAt: null,
  kind: 'person',
  civility: 'mrs',
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  companyName: null,
  siret: null,
  vatNumber: null,
  email: null,
  phones: [],
  address: { street: '3 rue de l’Église', postalCode: '69130', city: 'Écully', country: 'FR' },
  notes: null,
  consentReminders: true,
};

const vehicle = {
  id: '8b1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
  plate: 'AB-123-CD',
  make: 'Citroën',
  model: 'C3',
  vin: 'VF7SXHMZ6JT512345',
  firstRegistrationDate: '2018-03-15',
  fuel: 'diesel',
} as Vehicle;

function buildQuote(lineCount: number, overrides: Partial<Quote> = {}): Quote {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    kind: i === 0 ? ('labour' as const) : ('part' as const),
    description:
      i === 0
        ? 'Main-d’œuvre : remplacement des plaquettes'
        : `Pièce détachée n° ${i} — garniture spéciale`,
    reference: i === 0 ? null : `REF-${i}`,
    quantity: i === 0 ? 1.5 : 1 + (i % 3),
    unit: i === 0 ? ('h' as const) : ('pièce' as const),
    unitPriceCents: i === 0 ? 6800 : 1234 + i * 100,
    vatRateBp: i % 10 === 9 ? (1000 as const) : (2000 as const),
    discountBp: i % 7 === 3 ? 1000 : 0,
    totalExclVatCents: 0,
    accepted: null as boolean | null,
  }));
  const jobs = [
    {
      id: '9c1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
      title: 'Freinage avant',
      totalExclVatCents: 0,
      lines,
    },
  ];
  const totals = computeQuoteTotals({ jobs, vatExempt: false });
  for (const [index, line] of lines.entries())
    line.totalExclVatCents = totals.lines[index]!.lineTotalCents;
  jobs[0]!.totalExclVatCents = totals.jobs[0]!.totalExclVatCents;
  return {
    id: '1d1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
    version: 3,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    archivedAt: null,
    clientId: client.id,
    clientName: 'Mme Hélène Lefèvre',
    vehicleId: vehicle.id,
    vehiclePlate: vehicle.plate,
    mileageKm: 123_456,
    status: 'sent',
    number: 'DEV-2026-00042',
    revision: 2,
    validUntil: '2026-12-20',
    notes: null,
    vatExempt: false,
    jobs,
    totals: {
      exclVatCents: totals.exclVatCents,
      vatCents: totals.vatCents,
      inclVatCents: totals.inclVatCents,
      byRate: totals.byRate,
    },
    acceptedTotals: null,
    sentAt: '2026-11-20T09:30:00.000Z',
    decision: null,
    createdBy: null,
    ...overrides,
  };
}

/** The PDF as text, through poppler's pdftotext, and its page count through pdfinfo. */
function readPdf(name: string, bytes: ArrayBuffer): { text: string; pages: number } {
  // PDF_OUT_DIR keeps the files, to look at them (pdftoppm -png).
  const file = join(process.env.PDF_OUT_DIR ?? dir, name);
  writeFileSync(file, Buffer.from(bytes));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

const compact = (text: string) => text.replace(/\s+/g, ' ');

describe('the quote PDF', () => {
  it('prints every mandatory mention of a short quote, with accents, € and French amounts', () => {
    const quote = buildQuote(3);
    const { text, pages } = readPdf(
      'short.pdf',
      buildQuotePdf({ quote, settings, client, vehicle, today: '2026-11-24' }).output(
        'arraybuffer',
      ),
    );
    const flat = compact(text);
    expect(pages).toBe(1);
    for (const mention of [
      'Garage du Parc',
      'SARL au capital de 20 000 €',
      '14 avenue Jean-Jaurès',
      '69007 Lyon',
      'SIRET 732 829 320 00074',
      'RCS Lyon 732 829 320',
      'N° TVA intracommunautaire FR44732829320',
      'DEVIS',
      'DEV-2026-00042',
      'Révision 2',
      'Valable jusqu’au 20/12/2026',
      'Mme Hélène Lefèvre',
      '3 rue de l’Église',
      '69130 Écully',
      'Immatriculation : AB-123-CD',
      'VIN : VF7SXHMZ6JT512345',
      'Kilométrage : 123 456 km',
      'Main-d’œuvre : remplacement des',
      'Taux horaire de main-d’œuvre : Mécanique 65,00 € HT/h (au temps passé)',
      'Bon pour accord',
      'Page 1 / 1',
    ]) {
      expect(flat).toContain(mention);
    }
    const totals = quote.totals;
    const amount = (cents: number) =>
      `${Math.floor(cents / 100)
        .toLocaleString('fr-FR')
        .replace(/\s/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;
    expect(flat).toContain(`Total TTC ${amount(totals.inclVatCents)}`);
    expect(flat).toContain(
      `TVA 20 % sur ${amount(totals.byRate[0]!.baseCents)} ${amount(totals.byRate[0]!.vatCents)}`,
    );
    // No character the standard fonts cannot draw slipped through.
    expect(text).not.toMatch(/[\u202f\u00a0]/);
  });

  it('flows a 120-line quote over pages, repeating the table header, numbering "Page n / N"', () => {
    const quote = buildQuote(120);
    const { text, pages } = readPdf(
      'long.pdf',
      buildQuotePdf({ quote, settings, client, vehicle, today: '2026-11-24' }).output(
        'arraybuffer',
      ),
    );
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} / ${pages}`);
    const headers = text
      .split('\f')
      .filter((pageText) => /Désignation\s+Réf\.\s+Qté/.test(pageText));
    expect(headers.length).toBeGreaterThanOrEqual(pages - 1);
    expect(text).toContain('Pièce détachée n° 119');
    expect(compact(text)).toContain('TVA 10 %');
  });

  it('prints the art. 293 B mention and no VAT under the franchise', () => {
    const quote = buildQuote(3, { vatExempt: true });
    const exempt = { ...settings, vatExempt: true };
    const { text } = readPdf(
      'exempt.pdf',
      buildQuotePdf({ quote, settings: exempt, client, vehicle, today: '2026-11-24' }).output(
        'arraybuffer',
      ),
    );
    const flat = compact(text);
    expect(flat).toContain('TVA non applicable, art. 293 B du CGI');
    expect(flat).toContain('Net à payer');
    expect(flat).not.toMatch(/TVA 20 %/);
    expect(flat).not.toContain('Total TTC');
  });

  it('prints the acceptance record of an accepted quote', () => {
    const quote = buildQuote(2, {
      status: 'accepted',
      decision: {
        channel: 'signature',
        signerName: 'Hélène Lefèvre',
        reason: null,
        decidedAt: '2026-11-22T14:00:00.000Z',
        decidedBy: { id: 'x', name: 'Marie' },
      },
    });
    const { text } = readPdf(
      'accepted.pdf',
      buildQuotePdf({ quote, settings, client, vehicle, today: '2026-11-24' }).output(
        'arraybuffer',
      ),
    );
    expect(compact(text)).toContain(
      'Accepté le 22/11/2026 par Hélène Lefèvre (signature du devis)',
    );
  });

  it('prints what a partial agreement accepted, from the accepted lines only', () => {
    const draft = buildQuote(3);
    const jobs = draft.jobs.map((job) => ({
      ...job,
      lines: job.lines.map((line, index) => ({ ...line, accepted: index !== 1 })),
    }));
    const quote = buildQuote(3, {
      status: 'partially_accepted',
      jobs,
      acceptedTotals: computeAcceptedTotals({
        status: 'partially_accepted',
        vatExempt: false,
        jobs,
      }),
    });
    const accepted = quote.acceptedTotals!;
    const refusedLine = jobs[0]!.lines[1]!;
    expect(accepted.exclVatCents).toBe(quote.totals.exclVatCents - refusedLine.totalExclVatCents);
    const { text } = readPdf(
      'partially-accepted.pdf',
      buildQuotePdf({ quote, settings, client, vehicle, today: '2026-11-24' }).output(
        'arraybuffer',
      ),
    );
    const flat = compact(text);
    expect(flat).toContain(`Montant accepté HT ${formatEurosForPdf(accepted.exclVatCents)}`);
    expect(flat).toContain(`Montant accepté TTC ${formatEurosForPdf(accepted.inclVatCents)}`);
    expect(flat).toContain(`Total TTC ${formatEurosForPdf(quote.totals.inclVatCents)}`);
    expect(flat).toContain('(non retenu)');
  });

  it('names the file after the quote number, or marks a draft', () => {
    expect(quotePdfFileName({ number: 'DEV-2026-00042', id: 'x' })).toBe('DEV-2026-00042.pdf');
    expect(quotePdfFileName({ number: null, id: '1d1c3d1e-9a4b' })).toBe(
      'devis-brouillon-1d1c3d1e.pdf',
    );
  });
});
