import { z } from 'zod';
import {
  isValidSiret,
  isValidVatNumber,
  normalizeSiret,
  normalizeVatNumber,
} from '../client/siret';
import { QuoteLineInputSchema } from '../quote/totals';
import { DEFAULT_VAT_RATE_BP, VatRateBpSchema } from '../quote/vat';
import { PACKAGE_LINES_MAX, PACKAGES_MAX } from './bounds';
import { AddressSchema } from './client';
import { INT4_MAX, optionalText, text } from './common';

export const PRICING_METHODS = ['time_spent', 'manufacturer_schedule'] as const;
export type PricingMethod = (typeof PRICING_METHODS)[number];
export const PRICING_METHOD_LABELS: Record<PricingMethod, string> = {
  time_spent: 'au temps passé',
  manufacturer_schedule: 'selon le barème du constructeur',
};

/** A logo travels as a data URL; 300 KB of image is plenty for a quote header. */
export const LOGO_MAX_BYTES = 300 * 1024;
const LOGO_PATTERN = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

const LogoSchema = text()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, {
    error: `Le logo doit peser au plus ${LOGO_MAX_BYTES / 1024} Ko.`,
  })
  .regex(LOGO_PATTERN, { error: 'Le logo doit être une image PNG ou JPEG.' })
  .nullable();

export const LabourRateSchema = z.object({
  id: text().min(1).max(40),
  name: text().trim().min(1, { error: 'Nommez le taux horaire.' }).max(80),
  hourlyRateCents: z.int().min(0).max(INT4_MAX).max(100_000_00),
  method: z.enum(PRICING_METHODS),
  vatRateBp: VatRateBpSchema.default(DEFAULT_VAT_RATE_BP),
});

export const PackageSchema = z.object({
  id: text().min(1).max(40),
  name: text().trim().min(1, { error: 'Nommez le forfait.' }).max(120),
  lines: z
    .array(QuoteLineInputSchema)
    .min(1, { error: 'Un forfait contient au moins une ligne.' })
    .max(PACKAGE_LINES_MAX, { error: `Un forfait compte au plus ${PACKAGE_LINES_MAX} lignes.` }),
});

export const CompanySchema = z.object({
  name: optionalText(150),
  legalForm: optionalText(60),
  capital: optionalText(60),
  address: AddressSchema,
  siret: optionalText(20)
    .transform((value) => (value ? normalizeSiret(value) : null))
    .refine((value) => value === null || isValidSiret(value), {
      error: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.',
    }),
  /** "RCS Lyon 123 456 789" or "RM 123 456 789 69" (artisans, répertoire des métiers). */
  registry: optionalText(80),
  vatNumber: optionalText(20)
    .transform((value) => (value ? normalizeVatNumber(value) : null))
    .refine((value) => value === null || isValidVatNumber(value), {
      error: 'Numéro de TVA invalide.',
    }),
  phone: optionalText(30),
  email: optionalText(254),
  website: optionalText(200),
  logo: LogoSchema.default(null),
  legalFooter: optionalText(1000),
});

const AccountNumberSchema = text()
  .trim()
  .regex(/^[1-9][0-9A-Z]{2,19}$/, {
    error:
      'Numéro de compte : 3 à 20 chiffres ou lettres majuscules, commençant par un chiffre de 1 à 9.',
  });
const JournalCodeSchema = text()
  .trim()
  .regex(/^[A-Z0-9]{1,6}$/, { error: 'Code journal : 1 à 6 lettres majuscules ou chiffres.' });

/** The accounts of one VAT rate: what its sales and its VAT are credited to. */
export const RateAccountsSchema = z.object({
  vatRateBp: VatRateBpSchema,
  salesAccount: AccountNumberSchema,
  vatAccount: AccountNumberSchema,
});

/**
 * The chart of accounts the FEC export writes to (PCG numbers, docs/decisions/0018-journal.md):
 * the customers' account, sales and collected VAT per rate, bank and cash, the journals' codes.
 */
export const AccountingSchema = z.object({
  customerAccount: AccountNumberSchema,
  /** A rate not listed in `rates` goes to these. */
  salesAccount: AccountNumberSchema,
  vatAccount: AccountNumberSchema,
  rates: z.array(RateAccountsSchema).max(10),
  bankAccount: AccountNumberSchema,
  cashAccount: AccountNumberSchema,
  // Defaulted one by one: settings saved before these existed keep their other accounts.
  /** 4191: a deposit invoice is credited here, and cleared by the final invoice. */
  depositAccount: AccountNumberSchema.default('419100'),
  /** 58: the other side of cash put in or taken out of the till. */
  internalTransferAccount: AccountNumberSchema.default('580000'),
  /** 658 / 758: what a till count finds missing, or over. */
  tillShortfallAccount: AccountNumberSchema.default('658000'),
  tillSurplusAccount: AccountNumberSchema.default('758000'),
  salesJournal: JournalCodeSchema,
  bankJournal: JournalCodeSchema,
  cashJournal: JournalCodeSchema,
});
export type Accounting = z.infer<typeof AccountingSchema>;

export const DEFAULT_ACCOUNTING: Accounting = {
  customerAccount: '411000',
  salesAccount: '706000',
  vatAccount: '445710',
  rates: [
    { vatRateBp: 2000, salesAccount: '706000', vatAccount: '44571020' },
    { vatRateBp: 1000, salesAccount: '706000', vatAccount: '44571010' },
    { vatRateBp: 550, salesAccount: '706000', vatAccount: '44571055' },
    { vatRateBp: 210, salesAccount: '706000', vatAccount: '44571021' },
  ],
  bankAccount: '512000',
  cashAccount: '530000',
  depositAccount: '419100',
  internalTransferAccount: '580000',
  tillShortfallAccount: '658000',
  tillSurplusAccount: '758000',
  salesJournal: 'VE',
  bankJournal: 'BQ',
  cashJournal: 'CA',
};

/** The accounting fields as the settings editor and the FEC's CompteLib name them. */
export const ACCOUNTING_LABELS = {
  customerAccount: 'Clients',
  salesAccount: 'Ventes',
  vatAccount: 'TVA collectée',
  bankAccount: 'Banque',
  cashAccount: 'Caisse',
  depositAccount: 'Clients – avances et acomptes reçus sur commandes',
  internalTransferAccount: 'Virements internes',
  tillShortfallAccount: 'Charges diverses de gestion courante',
  tillSurplusAccount: 'Produits divers de gestion courante',
  salesJournal: 'Journal des ventes',
  bankJournal: 'Banque',
  cashJournal: 'Caisse',
} as const satisfies Record<Exclude<keyof Accounting, 'rates'>, string>;

export const SettingsValuesSchema = z.object({
  company: CompanySchema,
  /** Franchise en base: "TVA non applicable, art. 293 B du CGI", no VAT on quotes. */
  vatExempt: z.boolean(),
  defaultVatRateBp: VatRateBpSchema,
  quoteValidityDays: z.int().min(1).max(365),
  paymentTerms: optionalText(1000),
  warrantyTerms: optionalText(1000),
  labourRates: z.array(LabourRateSchema).max(20),
  packages: z
    .array(PackageSchema)
    .max(PACKAGES_MAX, { error: `${PACKAGES_MAX} forfaits au maximum.` }),
  /** Settings saved before the FEC export have none: the defaults then. */
  accounting: AccountingSchema.default(DEFAULT_ACCOUNTING),
});

/** `version` is 0 until the settings are first saved. */
export const SettingsUpdateSchema = SettingsValuesSchema.extend({
  version: z.int().min(0).max(INT4_MAX),
});

/**
 * `PATCH /settings`: the top-level fields that changed, with the version they were changed
 * from; the server merges them into the current settings and checks the result whole.
 */
export const SettingsPatchSchema = SettingsValuesSchema.partial().extend({
  version: z.int().min(0).max(INT4_MAX),
});

export const SettingsSchema = SettingsValuesSchema.extend({
  version: z.int(),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'Settings' });

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsValues = z.output<typeof SettingsValuesSchema>;
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;
export type LabourRate = z.infer<typeof LabourRateSchema>;
export type QuotePackage = z.infer<typeof PackageSchema>;

/** A fresh garage: empty identity (the compliance check lists what to fill), sensible rates. */
export const DEFAULT_SETTINGS: SettingsValues = {
  company: {
    name: null,
    legalForm: null,
    capital: null,
    address: { street: null, postalCode: null, city: null, country: 'FR' },
    siret: null,
    registry: null,
    vatNumber: null,
    phone: null,
    email: null,
    website: null,
    logo: null,
    legalFooter: null,
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
    {
      id: 'bodywork',
      name: 'Carrosserie',
      hourlyRateCents: 7200,
      method: 'time_spent',
      vatRateBp: 2000,
    },
  ],
  packages: [],
  accounting: DEFAULT_ACCOUNTING,
};
