import { ClientInputSchema, type ClientValues } from '../../domain/schemas/client';

/*
 * The demo garage's customers: French names, addresses and companies, drawn from a fixed seed
 * (the demo and the benchmarks get the same clients on every machine).
 */

const FIRST_NAMES = [
  ['mr', 'Jean'],
  ['mrs', 'Marie'],
  ['mr', 'Pierre'],
  ['mrs', 'Nathalie'],
  ['mr', 'Michel'],
  ['mrs', 'Isabelle'],
  ['mr', 'Philippe'],
  ['mrs', 'Sylvie'],
  ['mr', 'Alain'],
  ['mrs', 'Catherine'],
  ['mr', 'Nicolas'],
  ['mrs', 'Françoise'],
  ['mr', 'Stéphane'],
  ['mrs', 'Céline'],
  ['mr', 'Sébastien'],
  ['mrs', 'Hélène'],
  ['mr', 'Jérôme'],
  ['mrs', 'Émilie'],
  ['mr', 'François'],
  ['mrs', 'Chloé'],
  ['mr', 'Loïc'],
  ['mrs', 'Anaïs'],
  ['mr', 'Gaëtan'],
  ['mrs', 'Maëlle'],
] as const;

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  "D'Almeida",
  'Le Gall',
  'Hervé-Bazin',
  'Bélanger',
];

const CITIES = [
  ['69003', 'Lyon'],
  ['69100', 'Villeurbanne'],
  ['69500', 'Bron'],
  ['69200', 'Vénissieux'],
  ['69300', 'Caluire-et-Cuire'],
  ['69800', 'Saint-Priest'],
  ['69130', 'Écully'],
  ['69150', 'Décines-Charpieu'],
  ['38200', 'Vienne'],
  ['01700', 'Miribel'],
] as const;

const STREETS = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'rue Victor-Hugo',
  'boulevard des Belges',
  'chemin des Vignes',
  'rue du Général-de-Gaulle',
  'place Bellecour',
  'allée des Tilleuls',
  'rue Pasteur',
  'route de Genas',
];

const COMPANIES = [
  ['Taxis Lumière', '73282932000074'],
  ['Boulangerie Pâtisserie Fournier', '40483304800022'],
  ['Ambulances du Rhône', '35600000000048'],
  ['Auto-école Bellecour', '55210055400013'],
  ['Plomberie Mercier & Fils', '44306184100047'],
  ['Transports Girard SARL', '78925347300019'],
] as const;

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same on every machine. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 1_000_000) % max;
  };
}

export function buildDemoClients(total: number, seed = 42): ClientValues[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => random(10)).join('');
  const result: ClientValues[] = [];
  for (let i = 0; i < total; i++) {
    const [postalCode, city] = pick(CITIES);
    const address = {
      street: `${1 + random(120)} ${pick(STREETS)}`,
      postalCode,
      city,
      country: 'FR',
    };
    const isBusiness = i % 8 === 7;
    const [civility, firstName] = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const mobile = `0${6 + random(2)}${digits(8)}`;
    const company = COMPANIES[Math.floor(i / 8) % COMPANIES.length]!;
    result.push(
      ClientInputSchema.parse({
        kind: isBusiness ? 'business' : 'person',
        civility: isBusiness ? null : civility,
        firstName,
        lastName,
        companyName: isBusiness ? company[0] : null,
        siret: isBusiness ? company[1] : null,
        email:
          random(4) === 0
            ? null
            : `${firstName}.${lastName}${i}@exemple.fr`
                .normalize('NFD')
                .replace(/[^\w.@-]/g, '')
                .toLowerCase(),
        phones: random(3) === 0 ? [mobile, `04${digits(8)}`] : [mobile],
        address,
        notes: null,
        consentReminders: random(3) !== 0,
      }),
    );
  }
  return result;
}
