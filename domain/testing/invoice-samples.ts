import { buildInvoiceDraftFromRepairOrder } from '../invoice/from-repair-order';
import { toInvoiceBuyer, toInvoiceSeller } from '../invoice/snapshots';
import { computeInvoiceTotals } from '../invoice/totals';
import { computeQuoteTotals } from '../quote/totals';
import type { InvoiceLine, IssuedInvoice } from '../schemas/invoice';
import type { RepairOrder, RepairOrderJob } from '../schemas/repair-order';
import { DEFAULT_SETTINGS, type SettingsValues } from '../schemas/settings';
import { AT, buildClient, buildRepairOrder, IDS, testId } from './records';

/**
 * Issued invoices of a garage in Lyon, one per case the CII must handle: for the domain tests
 * and for `npm run validate:cii`, which runs the official validators on them (decision 0017).
 * Tests only: nothing in the app imports this.
 */

export const GARAGE_SETTINGS: SettingsValues = {
  ...DEFAULT_SETTINGS,
  company: {
    ...DEFAULT_SETTINGS.company,
    name: 'Garage du Rhône',
    legalForm: 'SARL',
    capital: '20 000 €',
    address: { street: '8 quai Perrache', postalCode: '69002', city: 'Lyon', country: 'FR' },
    siret: '81234567600017',
    registry: 'RCS Lyon 812 345 676',
    vatNumber: 'FR19812345676',
    phone: '+33478000000',
    email: 'contact@garage-du-rhone.fr',
  },
};

const seller = toInvoiceSeller(GARAGE_SETTINGS, { vatOnDebits: false });

const business = toInvoiceBuyer(
  buildClient({
    id: testId(101),
    kind: 'business',
    civility: null,
    firstName: null,
    lastName: null,
    companyName: 'Transports Dupont & Fils',
    siret: '55244300400015',
    vatNumber: 'FR22552443004',
    email: 'compta@transports-dupont.fr',
    address: {
      street: '42 avenue Jean-Jaurès',
      postalCode: '69007',
      city: 'Lyon',
      country: 'FR',
    },
  }),
  {
    deliveryAddress: {
      street: 'Dépôt, 3 rue de l’Industrie',
      postalCode: '69200',
      city: 'Vénissieux',
      country: 'FR',
    },
  },
);

const person = toInvoiceBuyer(buildClient());

function line(overrides: Partial<InvoiceLine>): InvoiceLine {
  return {
    kind: 'labour',
    description: 'Main-d’œuvre',
    reference: null,
    quantity: 1,
    unit: 'h',
    unitPriceCents: 6500,
    vatRateBp: 2000,
    discountBp: 0,
    partCondition: null,
    ...overrides,
  };
}

const REPAIR_LINES: InvoiceLine[] = [
  line({ description: 'Remplacement kit de distribution', quantity: 3.5 }),
  line({
    kind: 'part',
    description: 'Kit de distribution + pompe à eau',
    reference: 'KD-455 <Gates>',
    unit: 'pièce',
    unitPriceCents: 28990,
    discountBp: 1000,
    partCondition: 'new',
  }),
  line({
    kind: 'part',
    description: 'Alternateur échange standard',
    reference: 'ALT-0092',
    unit: 'pièce',
    unitPriceCents: 21450,
    discountBp: 750,
    partCondition: 'exchange',
  }),
  line({
    kind: 'part',
    description: 'Rétroviseur gauche de réemploi',
    unit: 'pièce',
    unitPriceCents: 4500,
    partCondition: 'circular',
  }),
  line({
    kind: 'part',
    description: 'Liquide de refroidissement',
    quantity: 4.5,
    unit: 'L',
    unitPriceCents: 733,
    partCondition: 'new',
  }),
  line({
    kind: 'fee',
    description: 'Traitement des déchets',
    unit: 'forfait',
    unitPriceCents: 450,
  }),
  line({
    kind: 'labour',
    description: 'Travaux d’amélioration énergétique (taux intermédiaire)',
    quantity: 0.75,
    unitPriceCents: 6500,
    vatRateBp: 1000,
  }),
];

const base = {
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  status: 'issued',
  issuedAt: '2026-11-30T15:00:00.000Z',
  issueDate: '2026-11-30',
  seller,
  vehicle: {
    vehicleId: IDS.vehicle,
    plate: 'AB-123-CD',
    mileageKm: 84213,
    label: 'Renault Clio IV',
  },
  serviceDate: '2026-11-28',
  operationCategory: 'mixed',
  payment: {
    dueDate: '2026-12-30',
    terms: 'Paiement à 30 jours par virement.',
    latePenaltyRateBp: 1215,
    earlyPaymentDiscount: null,
  },
  corrects: null,
  deductedDeposits: [],
  origin: {
    repairOrderId: testId(201),
    repairOrderNumber: 'OR-2026-00042',
    quoteId: IDS.quote,
    quoteNumber: 'DEV-2026-00017',
  },
  note: null,
} satisfies Partial<IssuedInvoice>;

export const BUSINESS_INVOICE: IssuedInvoice = {
  ...base,
  id: testId(301),
  kind: 'invoice',
  number: 'FAC-2026-00101',
  buyer: business,
  lines: REPAIR_LINES,
  note: 'Merci de votre confiance.',
};

export const PERSON_INVOICE: IssuedInvoice = {
  ...base,
  id: testId(302),
  kind: 'invoice',
  number: 'FAC-2026-00102',
  buyer: person,
  lines: REPAIR_LINES.slice(0, 4),
  operationCategory: 'mixed',
  payment: {
    ...base.payment,
    dueDate: '2026-11-30',
    terms: 'Paiement à la restitution du véhicule.',
    earlyPaymentDiscount: null,
  },
};

export const FRANCHISE_INVOICE: IssuedInvoice = {
  ...base,
  id: testId(303),
  kind: 'invoice',
  number: 'FAC-2026-00103',
  seller: toInvoiceSeller(
    {
      vatExempt: true,
      company: {
        ...GARAGE_SETTINGS.company,
        name: 'Garage Martin',
        legalForm: 'EI',
        capital: null,
        siret: '40123456200015',
        registry: 'RM 401 234 562 69',
        vatNumber: 'FR46401234562',
      },
    },
    { vatOnDebits: false },
  ),
  buyer: business,
  lines: REPAIR_LINES.slice(0, 3),
  operationCategory: 'services',
  payment: {
    ...base.payment,
    earlyPaymentDiscount: 'Escompte de 2 % pour paiement sous 8 jours.',
  },
};

export const CREDIT_NOTE: IssuedInvoice = {
  ...base,
  id: testId(304),
  kind: 'credit_note',
  number: 'AV-2026-00007',
  issueDate: '2026-12-01',
  buyer: business,
  lines: [REPAIR_LINES[2]!],
  corrects: { invoiceId: BUSINESS_INVOICE.id, number: 'FAC-2026-00101', issueDate: '2026-11-30' },
  payment: { ...base.payment, dueDate: '2026-12-01', terms: 'Remboursement par virement.' },
  note: 'Alternateur facturé par erreur : la pièce était sous garantie.',
};

export const DEPOSIT_INVOICE: IssuedInvoice = {
  ...base,
  id: testId(305),
  kind: 'deposit',
  number: 'FAC-2026-00095',
  issueDate: '2026-11-20',
  buyer: business,
  serviceDate: null,
  operationCategory: 'mixed',
  lines: [
    line({
      kind: 'fee',
      description: 'Acompte de 30 % sur l’ordre de réparation OR-2026-00042',
      unit: 'forfait',
      unitPriceCents: 21000,
    }),
  ],
  payment: { ...base.payment, dueDate: '2026-11-20', terms: 'Acompte payable à la commande.' },
};

const depositTotal = computeInvoiceTotals({
  lines: DEPOSIT_INVOICE.lines,
  vatExempt: false,
  deductedDeposits: [],
}).grandTotalCents;

export const FINAL_INVOICE: IssuedInvoice = {
  ...base,
  id: testId(306),
  kind: 'invoice',
  number: 'FAC-2026-00104',
  buyer: business,
  lines: REPAIR_LINES,
  deductedDeposits: [
    {
      invoiceId: DEPOSIT_INVOICE.id,
      number: DEPOSIT_INVOICE.number,
      issueDate: DEPOSIT_INVOICE.issueDate,
      amountInclVatCents: depositTotal,
    },
  ],
};

const orderBase = buildRepairOrder();
const [orderedJob] = orderBase.jobs as [RepairOrderJob];

function amendmentJob(n: number, amendmentId: string, description: string): RepairOrderJob {
  return {
    ...orderedJob,
    id: testId(n),
    title: 'Travaux supplémentaires',
    amendmentId,
    lines: [
      {
        ...orderedJob.lines[1]!,
        id: testId(n + 1),
        description,
        reference: 'DSQ-280',
        quantity: 2,
        unitPriceCents: 3875,
        discountBp: 500,
        totalExclVatCents: 7363,
      },
    ],
    totalExclVatCents: 7363,
  };
}

const authorisedJob = amendmentJob(230, testId(221), 'Disques de frein avant');
const pendingJob = amendmentJob(240, testId(222), 'Amortisseurs arrière (en attente)');
const authorisedJobs = [orderedJob, authorisedJob];
const orderTotals = computeQuoteTotals({ jobs: authorisedJobs, vatExempt: false });

/** A handed-back OR with an authorised amendment and one still pending (not invoiced). */
export const HANDED_BACK_ORDER: RepairOrder = {
  ...orderBase,
  status: 'handed_back',
  jobs: [orderedJob, authorisedJob, pendingJob],
  amendments: [221, 222].map((n, index) => ({
    id: testId(n),
    status: index === 0 ? ('authorised' as const) : ('pending' as const),
    note: null,
    createdAt: AT,
    createdBy: null,
    jobIds: [index === 0 ? authorisedJob.id : pendingJob.id],
    totalExclVatCents: 7363,
    decision: null,
  })),
  handBack: {
    checklist: { workDone: true, declinedWorkReminded: true, nextDueReminded: true },
    handedBackAt: '2026-11-29T23:30:00.000Z',
    handedBackBy: null,
    signatureId: testId(250),
  },
  totals: {
    exclVatCents: orderTotals.exclVatCents,
    vatCents: orderTotals.vatCents,
    inclVatCents: orderTotals.inclVatCents,
    byRate: orderTotals.byRate,
  },
  closedAt: '2026-11-29T23:30:00.000Z',
};

export const REPAIR_ORDER_CLIENT = buildClient({
  civility: 'mrs',
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  email: 'helene.lefevre@exemple.fr',
});

export const INVOICE_FROM_REPAIR_ORDER: IssuedInvoice = {
  ...buildInvoiceDraftFromRepairOrder({
    order: HANDED_BACK_ORDER,
    client: REPAIR_ORDER_CLIENT,
    settings: GARAGE_SETTINGS,
    vatOnDebits: false,
    latePenaltyRateBp: 1215,
  }),
  id: testId(307),
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  status: 'issued',
  number: 'FAC-2026-00105',
  issueDate: '2026-11-30',
  issuedAt: '2026-11-30T08:00:00.000Z',
  payment: {
    dueDate: '2026-11-30',
    terms: GARAGE_SETTINGS.paymentTerms,
    latePenaltyRateBp: 1215,
    earlyPaymentDiscount: null,
  },
};

export const INVOICE_SAMPLES = {
  'business-invoice': BUSINESS_INVOICE,
  'person-invoice': PERSON_INVOICE,
  'franchise-invoice': FRANCHISE_INVOICE,
  'credit-note': CREDIT_NOTE,
  'deposit-invoice': DEPOSIT_INVOICE,
  'final-invoice-after-deposit': FINAL_INVOICE,
  'invoice-from-repair-order': INVOICE_FROM_REPAIR_ORDER,
} as const satisfies Record<string, IssuedInvoice>;
