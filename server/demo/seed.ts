import { todayInParis } from '../../domain/dates';
import { SettingsUpdateSchema } from '../../domain/schemas/settings';
import type { Actor, Deps } from '../deps';
import { createClient, hasClients } from '../features/clients/clients.service';
import { createQuote, transitionQuote } from '../features/quotes/quotes.service';
import { getSettings, updateSettings } from '../features/settings/settings.service';
import {
  createVehicle,
  recordInspection,
  recordMileage,
  recordService,
} from '../features/vehicles/vehicles.service';
import { buildDemoClients, createRandom } from './demo-clients';
import { seedInvoicesAndPayments } from './payments';
import { seedRepairOrders } from './repair-orders';

const MODELS = [
  ['Renault', 'Clio IV', 'petrol'],
  ['Peugeot', '208', 'petrol'],
  ['Peugeot', '3008', 'diesel'],
  ['Citroën', 'C3', 'petrol'],
  ['Volkswagen', 'Golf VII', 'diesel'],
  ['Dacia', 'Sandero', 'lpg'],
  ['Toyota', 'Yaris', 'hybrid'],
  ['Renault', 'Zoé', 'electric'],
  ['Citroën', 'Berlingo', 'diesel'],
  ['Renault', 'Kangoo', 'diesel'],
  ['Yamaha', 'MT-07', 'petrol'],
  ['Tesla', 'Model 3', 'electric'],
] as const;

const SIV_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';

const DEMO_SETTINGS = {
  company: {
    name: 'Garage du Parc',
    legalForm: 'SARL',
    capital: '20 000 €',
    address: { street: '14 avenue Jean-Jaurès', postalCode: '69007', city: 'Lyon', country: 'FR' },
    siret: '73282932000074',
    registry: 'RCS Lyon 732 829 320',
    vatNumber: 'FR44732829320',
    phone: '04 78 12 34 56',
    email: 'contact@garage-du-parc.fr',
    website: null,
    logo: null,
    legalFooter:
      'Garage du Parc — SARL au capital de 20 000 € — RCS Lyon 732 829 320 — TVA FR44732829320',
  },
  vatExempt: false,
  defaultVatRateBp: 2000,
  quoteValidityDays: 30,
  paymentTerms: 'Paiement à la restitution du véhicule, par carte, chèque ou virement.',
  warrantyTerms: 'Pièces et main-d’œuvre garanties 1 an ou 20 000 km.',
  labourRates: [
    {
      id: 'mechanics',
      name: 'Mécanique',
      hourlyRateCents: 6800,
      method: 'time_spent',
      vatRateBp: 2000,
    },
    {
      id: 'bodywork',
      name: 'Carrosserie',
      hourlyRateCents: 7400,
      method: 'manufacturer_schedule',
      vatRateBp: 2000,
    },
  ],
  packages: [
    {
      id: 'oil-service',
      name: 'Vidange + filtre à huile',
      lines: [
        {
          kind: 'labour',
          description: 'Vidange moteur',
          reference: null,
          quantity: 0.5,
          unit: 'h',
          unitPriceCents: 6800,
          vatRateBp: 2000,
          discountBp: 0,
        },
        {
          kind: 'part',
          description: 'Huile moteur 5W30',
          reference: 'CAS-5W30-5L',
          quantity: 5,
          unit: 'L',
          unitPriceCents: 1290,
          vatRateBp: 2000,
          discountBp: 0,
        },
        {
          kind: 'part',
          description: 'Filtre à huile',
          reference: 'PUR-L358',
          quantity: 1,
          unit: 'pièce',
          unitPriceCents: 1450,
          vatRateBp: 2000,
          discountBp: 0,
        },
      ],
    },
    {
      id: 'front-brakes',
      name: 'Freins avant (disques + plaquettes)',
      lines: [
        {
          kind: 'labour',
          description: 'Remplacement disques et plaquettes avant',
          reference: null,
          quantity: 1.5,
          unit: 'h',
          unitPriceCents: 6800,
          vatRateBp: 2000,
          discountBp: 0,
        },
        {
          kind: 'part',
          description: 'Disques de frein avant (paire)',
          reference: 'BRE-09.A727',
          quantity: 1,
          unit: 'pièce',
          unitPriceCents: 8900,
          vatRateBp: 2000,
          discountBp: 0,
        },
        {
          kind: 'part',
          description: 'Plaquettes de frein avant',
          reference: 'BOS-0986494',
          quantity: 1,
          unit: 'pièce',
          unitPriceCents: 4990,
          vatRateBp: 2000,
          discountBp: 0,
        },
      ],
    },
  ],
} as const;

/** The demo data's author in the change log and on quotes. */
const DEMO_ACTOR: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  email: 'demo@gestionpro.invalid',
  name: 'Démonstration',
  role: 'admin',
  sessionId: 'demo',
};

/** Days before `now`, so the demo always looks current. */
function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 3600 * 1000);
}

/** Returns the accepted quotes' ids, the most recent first (the demo's ORs come from them). */
async function seedVehiclesAndQuotes(deps: Deps, clientIds: string[]): Promise<string[]> {
  const accepted: Array<{ id: string; age: number }> = [];
  const random = createRandom(7);
  const now = deps.now();
  const at = (days: number): Deps => ({ ...deps, now: () => daysAgo(now, days) });
  const { packages } = await getSettings(deps, DEMO_ACTOR);
  let quoteIndex = 0;
  for (const [index, clientId] of clientIds.entries()) {
    if (index % 5 === 4) continue;
    const [make, model, fuel] = MODELS[random(MODELS.length)]!;
    const letter = () => SIV_LETTERS[random(SIV_LETTERS.length)]!;
    const year = 2012 + random(13);
    const vehicle = await createVehicle(at(400), DEMO_ACTOR, {
      clientId,
      category: make === 'Yamaha' ? 'motorbike' : 'car',
      plate: `${letter()}${letter()}-${100 + random(900)}-${letter()}${letter()}`,
      vin: null,
      make,
      model,
      fuel,
      firstRegistrationDate: `${year}-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`,
      notes: null,
    });
    const km = 15_000 + random(150_000);
    // Cars the garage services: a service about a year ago, so some are due again.
    if (index % 2 === 0) {
      const ago = 320 + random(60);
      await recordService(at(ago), DEMO_ACTOR, vehicle.id, {
        date: todayInParis(daysAgo(now, ago)),
        km: km - 14_000,
        notes: 'Vidange et filtres',
      });
    }
    await recordMileage(at(200), DEMO_ACTOR, vehicle.id, {
      date: todayInParis(daysAgo(now, 200)),
      km: km - 8000,
      confirmLower: false,
    });
    if (year < 2022) {
      await recordInspection(at(300), DEMO_ACTOR, vehicle.id, {
        date: todayInParis(daysAgo(now, 300 + random(400))),
        result: random(5) === 0 ? 'major' : 'pass',
        notes: null,
      });
    }
    if (index % 3 === 2) continue;
    const age = 1 + random(60);
    const chosen = packages[quoteIndex % packages.length]!;
    const draft = await createQuote(at(age), DEMO_ACTOR, {
      clientId,
      vehicleId: vehicle.id,
      mileageKm: km,
      jobs: [{ title: chosen.name, lines: [...chosen.lines] }],
      notes: null,
      validUntil: undefined,
    });
    quoteIndex += 1;
    const fate = quoteIndex % 6;
    if (fate === 0) continue; // stays a draft
    const sent = await transitionQuote(at(age), DEMO_ACTOR, draft.id, {
      to: 'sent',
      version: draft.version,
      signerName: null,
      reason: null,
      keepDeclinedWork: false,
    });
    if (fate === 1 || age < 3) continue; // waiting for an answer
    const decision = (['accepted', 'refused', 'accepted', 'partially_accepted'] as const)[
      fate - 2
    ]!;
    const lineIds = sent.jobs.flatMap((job) => job.lines.map((line) => line.id));
    await transitionQuote(at(Math.max(0, age - 2)), DEMO_ACTOR, sent.id, {
      to: decision,
      version: sent.version,
      channel: decision === 'refused' ? 'phone' : 'in_person',
      signerName: decision === 'refused' ? null : 'Le client',
      reason: decision === 'refused' ? 'Trop cher, reviendra plus tard' : null,
      acceptedLineIds: decision === 'partially_accepted' ? lineIds.slice(0, 1) : undefined,
      keepDeclinedWork: decision !== 'accepted',
    });
    if (decision !== 'refused') accepted.push({ id: sent.id, age });
  }
  return accepted.sort((a, b) => a.age - b.age).map((quote) => quote.id);
}

/**
 * A demo garage in an empty database: company settings, a few dozen clients with French names
 * and addresses, their vehicles with CT and mileage history, quotes at every stage and repair
 * orders in every column of the workshop board. It is
 * made through the features' services, as a counter would make it: above the features, never
 * inside server/db (docs/decisions/0010-feature-boundaries.md).
 */
export async function seedDemoData(deps: Deps): Promise<boolean> {
  if (await hasClients(deps.db)) return false;
  const { version } = await getSettings(deps, DEMO_ACTOR);
  await updateSettings(deps, null, SettingsUpdateSchema.parse({ ...DEMO_SETTINGS, version }));
  const clientIds: string[] = [];
  for (const values of buildDemoClients(48)) {
    clientIds.push((await createClient(deps, DEMO_ACTOR, values)).id);
  }
  const acceptedQuoteIds = await seedVehiclesAndQuotes(deps, clientIds);
  const { handedBackIds } = await seedRepairOrders(deps, DEMO_ACTOR, acceptedQuoteIds);
  await seedInvoicesAndPayments(deps, DEMO_ACTOR, handedBackIds);
  return true;
}
