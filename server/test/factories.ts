import type { z } from 'zod';
import type { ClientInput } from '../../domain/schemas/client';
import type { QuoteCreate } from '../../domain/schemas/quote';
import type { SettingsUpdateSchema } from '../../domain/schemas/settings';
import type { VehicleInput } from '../../domain/schemas/vehicle';

/** What `PUT /settings` takes, without its version. */
export type SettingsInput = Omit<z.input<typeof SettingsUpdateSchema>, 'version'>;

let sequence = 0;

/** Letters only (names refuse digits), unique across calls and runs. */
export function uniqueTag(): string {
  sequence += 1;
  const seed = Date.now() * 1000 + sequence;
  return seed
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))
    .join('');
}

/** A valid person client; unique per call so tests can find their own rows. */
export function buildClientInput(overrides: Partial<ClientInput> = {}): ClientInput {
  const tag = uniqueTag();
  return {
    kind: 'person',
    civility: 'mrs',
    firstName: 'Hélène',
    lastName: `Test${tag}`,
    email: `helene.${tag}@exemple.fr`,
    phones: ['06 12 34 56 78'],
    address: { street: '12 rue Victor-Hugo', postalCode: '69002', city: 'Lyon', country: 'FR' },
    consentReminders: true,
    ...overrides,
  };
}

/** A valid vehicle for that client; the plate is a fresh SIV plate unless given. */
export function buildVehicleInput(
  clientId: string,
  overrides: Partial<VehicleInput> = {},
): VehicleInput {
  sequence += 1;
  const letters = 'ABCDEFGHJKLMNPQRSTVXYZ';
  const pick = (n: number) => letters[n % letters.length]!;
  const n = Date.now() + sequence * 7919;
  const plate = `${pick(n)}${pick(n >> 3)}-${String(100 + (n % 900))}-${pick(n >> 6)}${pick(n >> 9)}`;
  return {
    clientId,
    category: 'car',
    plate,
    vin: null,
    make: 'Renault',
    model: 'Clio IV',
    fuel: 'diesel',
    firstRegistrationDate: '2019-03-15',
    ...overrides,
  };
}

/** Jobs of a labour line (97,50 € HT) and a discounted part (44,91 € HT), all at 20 %. */
export function buildJobs(count = 1): NonNullable<QuoteCreate['jobs']> {
  return Array.from({ length: count }, (_, i) => ({
    title: `Prestation ${i + 1}`,
    lines: [
      {
        kind: 'labour',
        description: 'Main-d’œuvre mécanique',
        quantity: 1.5,
        unit: 'h',
        unitPriceCents: 6500,
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
        discountBp: 1000,
      },
    ],
  }));
}

/** Settings with every mandatory mention filled: quotes can be sent. */
export function buildSettings(overrides: Partial<SettingsInput> = {}): SettingsInput {
  return {
    company: {
      name: 'Garage du Parc',
      legalForm: 'SARL',
      capital: '10 000 €',
      address: {
        street: '14 avenue Jean-Jaurès',
        postalCode: '69007',
        city: 'Lyon',
        country: 'FR',
      },
      siret: '732 829 320 00074',
      registry: 'RCS Lyon 732 829 320',
      vatNumber: 'FR44732829320',
      phone: '04 78 00 00 00',
      email: 'contact@garage-du-parc.fr',
      website: null,
      logo: null,
      legalFooter: 'SARL au capital de 10 000 € — RCS Lyon 732 829 320',
    },
    vatExempt: false,
    defaultVatRateBp: 2000,
    quoteValidityDays: 30,
    paymentTerms: 'Paiement à la restitution du véhicule.',
    warrantyTerms: 'Pièces et main-d’œuvre garanties 1 an.',
    labourRates: [
      {
        id: 'mechanics',
        name: 'Mécanique',
        hourlyRateCents: 6500,
        method: 'time_spent',
        vatRateBp: 2000,
      },
    ],
    packages: [],
    ...overrides,
  };
}
