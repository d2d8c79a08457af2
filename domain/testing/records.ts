import { type AlertRulesRecord, DEFAULT_ALERT_RULES } from '../alerts/rules';
import { computeAcceptedTotals, computeQuoteTotals } from '../quote/totals';
import type { Alert } from '../schemas/alert';
import { type ChangeOf, ChangeSchema, type Entity } from '../schemas/change';
import type { Client } from '../schemas/client';
import type { DisplayToken } from '../schemas/display-token';
import type { Quote, QuoteJob } from '../schemas/quote';
import type { RepairOrder, RepairOrderJob, Signature } from '../schemas/repair-order';
import { DEFAULT_SETTINGS, type Settings } from '../schemas/settings';
import type { Staff } from '../schemas/staff';
import type { Vehicle } from '../schemas/vehicle';

/**
 * Whole records as the API returns them, for domain tests (tests only: nothing in the app
 * imports this). Each builder gives a valid record of a garage in Lyon on 24 November 2026,
 * with fixed ids; a test overrides what it is about.
 */

/** 24 November 2026, 10:00 in Paris. */
export const AT = '2026-11-24T09:00:00.000Z';

/** A fixed, valid UUID: `testId(1)` is …000000000001. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const IDS = {
  client: testId(1),
  vehicle: testId(2),
  quote: testId(3),
  staff: testId(4),
  displayToken: testId(5),
  alert: testId(6),
} as const;

const meta = { version: 1, createdAt: AT, updatedAt: AT };

export function buildClient(overrides: Partial<Client> = {}): Client {
  return {
    id: IDS.client,
    ...meta,
    kind: 'person',
    civility: 'mr',
    firstName: 'Jean',
    lastName: 'Martin',
    companyName: null,
    siret: null,
    vatNumber: null,
    email: 'jean.martin@exemple.fr',
    phones: ['+33612345678'],
    address: { street: '12 rue Victor-Hugo', postalCode: '69002', city: 'Lyon', country: 'FR' },
    notes: null,
    consentReminders: true,
    archivedAt: null,
    ...overrides,
  };
}

export function buildVehicle(overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    id: IDS.vehicle,
    ...meta,
    clientId: IDS.client,
    clientName: 'M. Jean Martin',
    category: 'car',
    plate: 'AB-123-CD',
    plateKind: 'siv',
    vin: null,
    make: 'Renault',
    model: 'Clio IV',
    fuel: 'diesel',
    firstRegistrationDate: '2019-03-15',
    notes: null,
    lastMileage: null,
    lastInspection: null,
    warnings: [],
    archivedAt: null,
    ...overrides,
  };
}

/** An oil change: 1,5 h of labour (97,50 €) and brake pads less 10 % (44,91 €), at 20 %. */
export function buildJob(overrides: Partial<QuoteJob> = {}): QuoteJob {
  const line = {
    reference: null,
    vatRateBp: 2000 as const,
    accepted: null,
  };
  return {
    id: testId(100),
    title: 'Vidange',
    totalExclVatCents: 14_241,
    lines: [
      {
        ...line,
        id: testId(101),
        kind: 'labour',
        description: 'Main-d’œuvre mécanique',
        quantity: 1.5,
        unit: 'h',
        unitPriceCents: 6500,
        discountBp: 0,
        totalExclVatCents: 9750,
      },
      {
        ...line,
        id: testId(102),
        kind: 'part',
        description: 'Plaquettes de frein avant',
        quantity: 1,
        unit: 'pièce',
        unitPriceCents: 4990,
        discountBp: 1000,
        totalExclVatCents: 4491,
      },
    ],
    ...overrides,
  };
}

/** A draft unless told otherwise; its totals are computed from its jobs, as the server does. */
export function buildQuote(overrides: Partial<Quote> = {}): Quote {
  const quote = {
    id: IDS.quote,
    ...meta,
    clientId: IDS.client,
    clientName: 'M. Jean Martin',
    vehicleId: IDS.vehicle,
    vehiclePlate: 'AB-123-CD',
    mileageKm: 72_500,
    status: 'draft' as const,
    number: null,
    revision: 1,
    validUntil: '2026-12-24',
    notes: null,
    vatExempt: false,
    jobs: [buildJob()],
    sentAt: null,
    decision: null,
    createdBy: { id: IDS.staff, name: 'Marie Dubois' },
    archivedAt: null,
    ...overrides,
  };
  const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals(quote);
  return {
    totals: { exclVatCents, vatCents, inclVatCents, byRate },
    acceptedTotals: computeAcceptedTotals(quote),
    ...quote,
  };
}

export function buildStaff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: IDS.staff,
    ...meta,
    email: 'marie.dubois@garage.test',
    name: 'Marie Dubois',
    role: 'staff',
    active: true,
    lastLoginAt: null,
    ...overrides,
  };
}

export function buildDisplayToken(overrides: Partial<DisplayToken> = {}): DisplayToken {
  return {
    id: IDS.displayToken,
    name: 'Atelier',
    mode: 'dashboard',
    createdAt: AT,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** The CT of the default vehicle, due in a fortnight. */
export function buildAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: IDS.alert,
    version: 1,
    kind: 'ct_due',
    severity: 'soon',
    status: 'open',
    dueDate: '2026-12-08',
    title: 'Contrôle technique à faire',
    detail: null,
    subject: { type: 'vehicle', id: IDS.vehicle, label: 'AB-123-CD' },
    clientId: IDS.client,
    assigneeId: null,
    assigneeName: null,
    snoozedUntil: null,
    createdAt: AT,
    updatedAt: AT,
    resolvedAt: null,
    ...overrides,
  };
}

export function buildSettingsRecord(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, version: 1, updatedAt: AT, ...overrides };
}

export function buildAlertRulesRecord(overrides: Partial<AlertRulesRecord> = {}): AlertRulesRecord {
  return { ...DEFAULT_ALERT_RULES, version: 1, updatedAt: AT, ...overrides };
}

type ChangeFields<E extends Entity> = Partial<Omit<ChangeOf<E>, 'entity' | 'data'>>;

/** The id the server logs the records without one under. */
const SINGLETON_IDS: Partial<Record<Entity, string>> = {
  settings: 'settings',
  alert_rules: 'alert-rules',
  alert_batch: 'alert-check',
};

/**
 * A row of the change log about `data`, checked with the log's schema (so a builder that drifts
 * from an entity's schema fails the test that uses it): by Marie Dubois, `updated` unless told.
 */
export function buildChange<E extends Entity>(
  entity: E,
  data: ChangeOf<E>['data'],
  fields: ChangeFields<E> = {},
): ChangeOf<E> {
  const change = ChangeSchema.parse({
    seq: 1,
    entity,
    action: 'updated',
    id: 'id' in data ? data.id : (SINGLETON_IDS[entity] ?? entity),
    data,
    actor: { id: IDS.staff, name: 'Marie Dubois' },
    at: AT,
    ...fields,
  });
  if (change.entity !== entity) throw new Error(`expected a ${entity} change`);
  // The parse kept the entity it was given, checked just above.
  return change as ChangeOf<E>;
}

/** An OR from the quote's work, checked in but not yet signed: 1,5 h sold, pads to fit. */
export function buildRepairOrder(overrides: Partial<RepairOrder> = {}): RepairOrder {
  const job = buildJob();
  const jobs: RepairOrderJob[] = [
    {
      id: job.id,
      title: job.title,
      amendmentId: null,
      technicianId: null,
      technicianName: null,
      totalExclVatCents: job.totalExclVatCents,
      soldMinutes: 90,
      clockedMinutes: 0,
      clockedOn: [],
      lines: job.lines.map((line) => ({
        ...line,
        piecCategory: null,
        piecChoice: null,
        partCondition: line.kind === 'part' ? ('new' as const) : null,
      })),
    },
  ];
  const { exclVatCents, vatCents, inclVatCents, byRate } = computeQuoteTotals({
    jobs,
    vatExempt: false,
  });
  return {
    id: testId(20),
    ...meta,
    number: 'OR-2026-00001',
    status: 'todo',
    origin: 'quote',
    clientId: IDS.client,
    clientName: 'Mme Hélène Lefèvre',
    vehicleId: IDS.vehicle,
    vehiclePlate: 'AB-123-CD',
    vehicleLabel: 'Citroën C3',
    quoteId: IDS.quote,
    quoteNumber: 'DEV-2026-00042',
    technicianId: null,
    technicianName: null,
    promisedAt: '2026-11-24T16:00:00.000Z',
    checkIn: {
      mileageKm: 123_456,
      fuelLevel: 'half',
      damage: null,
      notes: null,
      keysTag: 'B12',
      checkedInAt: AT,
    },
    jobs,
    amendments: [],
    signatures: [],
    photos: [],
    handBack: null,
    vatExempt: false,
    totals: { exclVatCents, vatCents, inclVatCents, byRate },
    notes: null,
    closedAt: null,
    createdBy: { id: IDS.staff, name: 'Marie Dubois' },
    ...overrides,
  };
}

/** The customer's signature of the check-in (or another kind). */
export function buildSignature(overrides: Partial<Signature> = {}): Signature {
  return {
    id: testId(30),
    kind: 'check_in',
    signerName: 'Hélène Lefèvre',
    signedAt: AT,
    recordedBy: { id: IDS.staff, name: 'Marie Dubois' },
    versionHash: '0'.repeat(64),
    version: 1,
    amendmentId: null,
    ...overrides,
  };
}
