import { afterAll, describe, expect, it } from 'vitest';
import { formatEurosForPdf } from '../../../../domain/money';
import { computeQuoteTotals } from '../../../../domain/quote/totals';
import {
  type Amendment,
  isJobAuthorised,
  type RepairOrder,
  type RepairOrderJob,
  type RepairOrderLine,
} from '../../../../domain/schemas/repair-order';
import { DEFAULT_SETTINGS, type SettingsValues } from '../../../../domain/schemas/settings';
import {
  AT,
  buildClient,
  buildRepairOrder,
  buildSignature,
  buildVehicle,
  IDS,
  testId,
} from '../../../../domain/testing/records';
import { buildPngDataUrl, createPdfReader } from '../../../lib/pdf/read-pdf.testing';
import { buildRepairOrderPdf, repairOrderPdfFileName } from './build-repair-order-pdf';

const reader = createPdfReader();
afterAll(reader.dispose);

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
const client = buildClient({ civility: 'mrs', firstName: 'Hélène', lastName: 'Lefèvre' });
const vehicle = buildVehicle({ make: 'Citroën', model: 'C3', vin: 'VF7SXHMZ6JT512345' });

type LineSpec = Partial<RepairOrderLine> & Pick<RepairOrderLine, 'description'>;

/** A job with its lines' and its own totals computed, as the server stores them. */
function job(n: number, title: string, specs: LineSpec[], amendmentId: string | null = null) {
  const lines: RepairOrderLine[] = specs.map((spec, index) => ({
    id: testId(n * 10 + index),
    kind: 'part',
    reference: null,
    quantity: 1,
    unit: 'pièce',
    unitPriceCents: 10_000,
    vatRateBp: 2000,
    discountBp: 0,
    totalExclVatCents: 0,
    piecCategory: null,
    piecChoice: null,
    partCondition: spec.kind === 'labour' ? null : 'new',
    ...spec,
  }));
  const totals = computeQuoteTotals({ jobs: [{ lines }], vatExempt: false });
  for (const line of totals.lines) lines[line.lineIndex]!.totalExclVatCents = line.lineTotalCents;
  return {
    id: testId(n),
    title,
    amendmentId,
    technicianId: null,
    technicianName: null,
    lines,
    totalExclVatCents: totals.exclVatCents,
    soldMinutes: 0,
    clockedMinutes: 0,
    clockedOn: [],
  } satisfies RepairOrderJob;
}

const labour = (hours: number, description = 'Main-d’œuvre mécanique'): LineSpec => ({
  kind: 'labour',
  description,
  quantity: hours,
  unit: 'h',
  unitPriceCents: 6500,
});

/** The OR as the server returns it: its totals those of the authorised work. */
function withTotals(order: RepairOrder): RepairOrder {
  const authorised = order.jobs.filter((candidate) => isJobAuthorised(order, candidate));
  const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals({
    jobs: authorised,
    vatExempt: order.vatExempt,
  });
  return { ...order, totals: { exclVatCents, vatCents, inclVatCents, byRate } };
}

const checkInSignature = buildSignature({
  id: testId(30),
  kind: 'check_in',
  signedAt: '2026-11-24T09:05:00.000Z',
  versionHash: `a1b2c3d4e5f6${'0'.repeat(52)}`,
  version: 2,
});
const handBackSignature = buildSignature({
  id: testId(31),
  kind: 'hand_back',
  signedAt: '2026-11-24T16:32:00.000Z',
  versionHash: `f6e5d4c3b2a1${'9'.repeat(52)}`,
  version: 7,
});
/** Two different scribbles, so a test can tell the images apart if it wants to. */
const signatureImages = {
  [checkInSignature.id]: buildPngDataUrl(
    240,
    80,
    (x, y) => Math.abs(y - 40 - 25 * Math.sin(x / 18)) < 2,
  ),
  [handBackSignature.id]: buildPngDataUrl(240, 80, (x, y) => Math.abs(y - 20 - x / 4) < 2),
};

const amendmentByPhone: Amendment = {
  id: testId(40),
  status: 'authorised',
  note: 'Rétroviseur droit fendu',
  createdAt: '2026-11-24T10:20:00.000Z',
  createdBy: { id: testId(5), name: 'Paul Bernard' },
  jobIds: [testId(4)],
  totalExclVatCents: 0,
  decision: {
    decision: 'authorised',
    channel: 'phone',
    decidedAt: '2026-11-24T10:45:00.000Z',
    recordedBy: { id: IDS.staff, name: 'Marie Dubois' },
    call: {
      caller: 'Marie Dubois',
      callee: 'Hélène Lefèvre',
      calledAt: '2026-11-24T10:40:00.000Z',
    },
    signatureId: null,
    reason: null,
  },
};

/** From quote DEV-2026-00042: an oil change, a headlamp (PIEC refused), a mirror by phone. */
function orderFromQuote(overrides: Partial<RepairOrder> = {}): RepairOrder {
  const mirror = job(
    4,
    'Rétroviseur droit',
    [
      {
        description: 'Rétroviseur extérieur droit',
        reference: 'RET-D-118',
        unitPriceCents: 8900,
        piecCategory: 'body',
        piecChoice: 'accepted',
        partCondition: 'circular',
      },
      labour(0.5),
    ],
    amendmentByPhone.id,
  );
  return withTotals(
    buildRepairOrder({
      number: 'OR-2026-00042',
      status: 'in_progress',
      checkIn: {
        mileageKm: 123_456,
        fuelLevel: 'quarter',
        damage: 'Rayure sur le pare-chocs arrière',
        notes: null,
        keysTag: 'B12',
        checkedInAt: AT,
      },
      technicianName: 'Paul Bernard',
      jobs: [
        job(2, 'Vidange', [
          labour(1.5),
          { description: 'Filtre à huile', reference: 'FH-204', unitPriceCents: 1290 },
          { description: 'Huile moteur 5W30', quantity: 4.5, unit: 'L', unitPriceCents: 1150 },
        ]),
        job(3, 'Optique avant gauche', [
          {
            description: 'Phare avant gauche',
            reference: 'PH-G-3321',
            unitPriceCents: 21_500,
            piecCategory: 'optics',
            piecChoice: 'refused',
          },
          labour(0.8),
        ]),
        mirror,
      ],
      amendments: [{ ...amendmentByPhone, totalExclVatCents: mirror.totalExclVatCents }],
      signatures: [checkInSignature],
      ...overrides,
    }),
  );
}

function render(order: RepairOrder, name: string, images = signatureImages) {
  return reader.read(
    name,
    buildRepairOrderPdf({
      order,
      settings,
      client,
      vehicle,
      signatureImages: images,
      today: '2026-11-24',
    }).output('arraybuffer'),
  );
}

describe('the repair order PDF', () => {
  it('prints the garage, the OR, the customer, the vehicle and its check-in', () => {
    const { flat, pages, text } = render(orderFromQuote(), 'from-quote.pdf');
    expect(pages).toBeLessThanOrEqual(2);
    for (const mention of [
      'Garage du Parc',
      'SARL au capital de 20 000 €',
      '14 avenue Jean-Jaurès',
      '69007 Lyon',
      'SIRET 732 829 320 00074',
      'RCS Lyon 732 829 320',
      'N° TVA intracommunautaire FR44732829320',
      'ORDRE DE RÉPARATION',
      'OR-2026-00042',
      'Ouvert le 24/11/2026 à 10:00',
      'D’après le devis DEV-2026-00042',
      'Mme Hélène Lefèvre',
      '12 rue Victor-Hugo',
      'Immatriculation : AB-123-CD',
      'Citroën C3',
      'VIN : VF7SXHMZ6JT512345',
      'Kilométrage à l’arrivée : 123 456 km',
      'Reçu le 24/11/2026 à 10:00',
      'Niveau de carburant : 1/4',
      'Dégâts visibles : Rayure sur le pare-chocs arrière',
      'Clés : étiquette B12',
      'Restitution promise le 24/11/2026 à 17:00',
      'Technicien : Paul Bernard',
      'Page 1 / ',
    ]) {
      expect(flat).toContain(mention);
    }
    expect(text).not.toMatch(/[\u202f\u00a0]/);
  });

  it('prints the work ordered with prices, the labour rates, each part’s condition and PIEC answer', () => {
    const order = orderFromQuote();
    const { flat, text } = render(order, 'work.pdf');
    expect(flat).toContain('Travaux commandés');
    expect(flat).toContain(`Vidange ${formatEurosForPdf(order.jobs[0]!.totalExclVatCents)}`);
    expect(flat).toContain('Optique avant gauche');
    expect(text).toMatch(/Filtre à huile\s+FH-204\s+1 pièce\s+12,90 €\s+20 %\s+Neuve\s+12,90 €/);
    expect(text).toMatch(/Huile moteur 5W30\s+4,5 L\s+11,50 €\s+20 %\s+Neuve\s+51,75 €/);
    expect(text).toMatch(/Main-d’œuvre mécanique\s+1,5 h\s+65,00 €\s+20 %\s+97,50 €/);
    // The headlamp, of a PIEC category, with the customer's refusal.
    expect(text).toMatch(/Phare avant gauche\s+PH-G-3321\s+1 pièce\s+215,00 €\s+20 %\s+Neuve/);
    expect(flat).toContain('PIEC refusée (pièce neuve)');
    // The mirror, reused, PIEC accepted.
    expect(flat).toContain('Issue de l’économie');
    expect(flat).toContain('PIEC acceptée');
    expect(flat).toContain('art. R. 224-23 du Code de la consommation');
    expect(flat).toContain('pièce optique, pièce de carrosserie amovible');
    expect(flat).toContain(
      'Taux horaire de main-d’œuvre : Mécanique 65,00 € HT/h, soit 78,00 € TTC/h (au temps passé) ; Carrosserie 72,00 € HT/h, soit 86,40 € TTC/h (au temps passé).',
    );
  });

  it('prints an amendment authorised by phone: who called whom and when, in its totals', () => {
    const order = orderFromQuote();
    const { flat } = render(order, 'amendment-phone.pdf');
    expect(flat).toContain('Travaux supplémentaires n° 1 — Autorisés');
    expect(flat).toContain('Constat : Rétroviseur droit fendu');
    expect(flat).toContain('Proposés le 24/11/2026 à 11:20 par Paul Bernard');
    expect(flat).toContain(
      'Autorisés par téléphone : appel de Marie Dubois à Hélène Lefèvre le 24/11/2026 à 11:40, noté par Marie Dubois',
    );
    // The totals are those of the authorised work, the mirror included.
    const withoutMirror = order.jobs
      .filter((candidate) => candidate.amendmentId === null)
      .reduce((sum, candidate) => sum + candidate.totalExclVatCents, 0);
    expect(order.totals.exclVatCents).toBe(withoutMirror + order.jobs[2]!.totalExclVatCents);
    expect(flat).toContain('Montant des travaux autorisés');
    expect(flat).toContain(`Total HT ${formatEurosForPdf(order.totals.exclVatCents)}`);
    const rate = order.totals.byRate[0]!;
    expect(flat).toContain(
      `TVA 20 % sur ${formatEurosForPdf(rate.baseCents)} ${formatEurosForPdf(rate.vatCents)}`,
    );
    expect(flat).toContain(`Total TTC ${formatEurosForPdf(order.totals.inclVatCents)}`);
  });

  it('prints the check-in signature with its signer, time and the start of the hash signed', () => {
    const { flat, imagePages } = render(orderFromQuote(), 'check-in-signed.pdf');
    expect(flat).toContain('Réception : accord du client');
    expect(flat).toContain('Hélène Lefèvre, le 24/11/2026 à 10:05');
    expect(flat).toContain('Version 2 signée, empreinte a1b2c3d4e5f6');
    expect(flat).toContain('Recueillie par Marie Dubois');
    expect(flat).not.toContain('a1b2c3d4e5f60');
    // Not handed back yet: its box waits for a signature on paper.
    expect(flat).toContain('Restitution du véhicule');
    expect(flat).toContain('Date et signature du client :');
    expect(imagePages).toHaveLength(1);
  });

  it('prints a handed-back OR: the checklist, the declined work, both signatures as images', () => {
    const refused: Amendment = {
      id: testId(41),
      status: 'refused',
      note: 'Pneus arrière usés à 2 mm',
      createdAt: '2026-11-24T11:00:00.000Z',
      createdBy: { id: testId(5), name: 'Paul Bernard' },
      jobIds: [testId(6)],
      totalExclVatCents: 0,
      decision: {
        decision: 'refused',
        channel: 'phone',
        decidedAt: '2026-11-24T11:30:00.000Z',
        recordedBy: { id: IDS.staff, name: 'Marie Dubois' },
        call: {
          caller: 'Hélène Lefèvre',
          callee: 'Marie Dubois',
          calledAt: '2026-11-24T11:25:00.000Z',
        },
        signatureId: null,
        reason: 'Le client les fera changer le mois prochain',
      },
    };
    const base = orderFromQuote();
    const tyres = job(
      6,
      'Pneus arrière',
      [{ description: 'Pneu 185/65 R15', quantity: 2, unitPriceCents: 8900 }],
      refused.id,
    );
    refused.totalExclVatCents = tyres.totalExclVatCents;
    const order = withTotals({
      ...base,
      status: 'handed_back',
      jobs: [...base.jobs, tyres],
      amendments: [...base.amendments, refused],
      signatures: [checkInSignature, handBackSignature],
      handBack: {
        checklist: { workDone: true, declinedWorkReminded: true, nextDueReminded: true },
        handedBackAt: '2026-11-24T16:35:00.000Z',
        handedBackBy: { id: IDS.staff, name: 'Marie Dubois' },
        signatureId: handBackSignature.id,
      },
      closedAt: '2026-11-24T16:35:00.000Z',
    });
    const { flat, pages, imagePages } = render(order, 'handed-back.pdf');
    expect(pages).toBeLessThanOrEqual(2);
    for (const mention of [
      'Travaux supplémentaires n° 2 — Refusés : travaux à prévoir',
      'Refusés par téléphone : appel de Hélène Lefèvre à Marie Dubois le 24/11/2026 à 12:25',
      'motif : Le client les fera changer le mois prochain',
      'il exclut ceux en attente d’accord ou refusés',
      'Véhicule restitué le 24/11/2026 à 17:35 par Marie Dubois',
      'Travaux réalisés et vérifiés : oui',
      'Travaux refusés rappelés au client : oui (travaux à prévoir : Pneus arrière)',
      'Prochaines échéances rappelées (contrôle technique, entretien) : oui',
      'Hélène Lefèvre, le 24/11/2026 à 10:05',
      'Version 2 signée, empreinte a1b2c3d4e5f6',
      'Hélène Lefèvre, le 24/11/2026 à 17:32',
      'Version 7 signée, empreinte f6e5d4c3b2a1',
    ]) {
      expect(flat).toContain(mention);
    }
    // The refused tyres are printed, not counted.
    expect(flat).toContain(`Total TTC ${formatEurosForPdf(order.totals.inclVatCents)}`);
    expect(order.totals.exclVatCents).toBe(base.totals.exclVatCents);
    expect(flat).not.toContain('Date et signature du client');
    expect(imagePages).toHaveLength(2);
  });

  it('prints the signer and hash even without the image, and says the image is missing', () => {
    const { flat, imagePages } = render(orderFromQuote(), 'no-image.pdf', {});
    expect(flat).toContain('(image de la signature non jointe)');
    expect(flat).toContain('Version 2 signée, empreinte a1b2c3d4e5f6');
    expect(imagePages).toEqual([]);
  });

  it('prints an amendment signed at the counter with its own signature box', () => {
    const base = orderFromQuote();
    const signed = buildSignature({
      id: testId(32),
      kind: 'amendment',
      signedAt: '2026-11-24T11:10:00.000Z',
      versionHash: `0badc0ffee42${'1'.repeat(52)}`,
      version: 4,
    });
    const amendment: Amendment = {
      ...base.amendments[0]!,
      decision: {
        ...base.amendments[0]!.decision!,
        channel: 'signature',
        call: null,
        signatureId: signed.id,
      },
    };
    const order = { ...base, amendments: [amendment], signatures: [checkInSignature, signed] };
    const { flat, imagePages } = render(order, 'amendment-signed.pdf', {
      ...signatureImages,
      [signed.id]: signatureImages[checkInSignature.id]!,
    });
    expect(flat).toContain('Autorisés par la signature de Hélène Lefèvre le 24/11/2026 à 12:10');
    expect(flat).toContain('Le client autorise ces travaux supplémentaires.');
    expect(flat).toContain('Version 4 signée, empreinte 0badc0ffee42');
    expect(imagePages).toHaveLength(2);
  });

  it('prints a pending amendment as waiting, outside the totals', () => {
    const base = orderFromQuote();
    const pending: Amendment = { ...amendmentByPhone, status: 'pending', decision: null };
    const order = withTotals({ ...base, status: 'waiting_approval', amendments: [pending] });
    const { flat } = render(order, 'pending.pdf');
    expect(flat).toContain('Travaux supplémentaires n° 1 — En attente d’accord');
    expect(flat).toContain('ces travaux ne sont pas commencés sans lui');
    expect(order.totals.exclVatCents).toBeLessThan(base.totals.exclVatCents);
    expect(flat).toContain(`Total HT ${formatEurosForPdf(order.totals.exclVatCents)}`);
  });

  it('prints a direct or warranty OR with its origin, and the franchise mention without VAT', () => {
    const order = withTotals(
      buildRepairOrder({ origin: 'warranty', quoteId: null, quoteNumber: null, vatExempt: true }),
    );
    const { flat } = render(order, 'warranty-exempt.pdf');
    expect(flat).toContain('Origine : Garantie');
    expect(flat).toContain('TVA non applicable, art. 293 B du CGI');
    expect(flat).toContain(`Net à payer ${formatEurosForPdf(order.totals.inclVatCents)}`);
    expect(flat).toContain('Mécanique 65,00 €/h (au temps passé)');
    expect(flat).not.toContain('Total TTC');
    expect(flat).not.toContain('N° TVA intracommunautaire');
    const walkIn = render(
      withTotals(buildRepairOrder({ origin: 'walk_in', quoteId: null, quoteNumber: null })),
      'walk-in.pdf',
    );
    expect(walkIn.flat).toContain('Origine : Intervention directe');
  });

  it('flows a long OR over two pages that stay readable: the table header and the OR repeat', () => {
    const base = orderFromQuote();
    const extra = Array.from({ length: 5 }, (_, index) =>
      job(
        100 + index,
        `Prestation ${index + 1}`,
        Array.from({ length: 5 }, (_, line) => ({
          description: `Pièce ${index + 1}.${line + 1} — fourniture et pose`,
          reference: `P-${index}${line}`,
        })),
      ),
    );
    const order = withTotals({ ...base, jobs: [...extra, ...base.jobs] });
    const { text, pages } = render(order, 'two-pages.pdf');
    expect(pages).toBe(2);
    const [first, second] = text.split('\f');
    for (const page of [first!, second!]) expect(page).toMatch(/Désignation\s+Réf\.\s+Qté/);
    expect(second).toContain('Ordre de réparation OR-2026-00042 — AB-123-CD — Mme Hélène Lefèvre');
    expect(text).toContain('Page 1 / 2');
    expect(text).toContain('Page 2 / 2');
  });

  it('prints a one-job OR on one page, signature boxes included', () => {
    const order = withTotals(buildRepairOrder({ signatures: [checkInSignature] }));
    const { pages, flat, imagePages } = render(order, 'one-job.pdf');
    expect(pages).toBe(1);
    expect(flat).toContain('Page 1 / 1');
    expect(flat).toContain('Restitution du véhicule');
    expect(imagePages).toEqual([1]);
  });

  it('names the file after the OR number', () => {
    expect(repairOrderPdfFileName({ number: 'OR-2026-00042' })).toBe('OR-2026-00042.pdf');
  });
});
