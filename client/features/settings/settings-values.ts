import type { SetStoreFunction } from 'solid-js/store';
import { parseEurosToCents } from '../../../domain/money';
import type { VatRateBp } from '../../../domain/quote/vat';
import {
  type PricingMethod,
  type Settings,
  type SettingsPatch,
  SettingsValuesSchema,
} from '../../../domain/schemas/settings';
import { type FieldErrors, toCheckedPatch, validateAll } from '../../lib/validate';
import {
  centsToText,
  type DraftLine,
  emptyLine,
  type LineField,
  packageToLines,
  parseDiscount,
  parseLine,
  parseQuantity,
} from '../quotes/quote-draft';
import { type AccountingValues, toAccountingInput, toAccountingValues } from './accounting-values';

/**
 * What the settings form edits: text as typed (amounts in French decimals), the company's fields
 * flat so that two admins editing different ones merge without a conflict. Rates and packages
 * carry their ids for good (`crypto.randomUUID()` when added here): two versions name the same
 * rate the same way, which is what the merge lines them up by.
 */
export type RateValues = {
  id: string;
  name: string;
  hourlyRate: string;
  method: PricingMethod;
  vatRateBp: VatRateBp;
};
/** A package's line edits as a quote's line does (same cells, same parsing), keyless. */
export type PackageLineValues = Omit<DraftLine, 'key'>;
export type PackageValues = { id: string; name: string; lines: PackageLineValues[] };

export type SettingsFormValues = AccountingValues & {
  companyName: string;
  legalForm: string;
  capital: string;
  siret: string;
  registry: string;
  vatNumber: string;
  phone: string;
  email: string;
  website: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  logo: string | null;
  legalFooter: string;
  vatExempt: boolean;
  defaultVatRateBp: VatRateBp;
  quoteValidityDays: string;
  paymentTerms: string;
  warrantyTerms: string;
  labourRates: RateValues[];
  packages: PackageValues[];
};

/** What each part of the settings form gets from the editor. */
export type SettingsSectionProps = {
  values: SettingsFormValues;
  setValues: SetStoreFunction<SettingsFormValues>;
  /** Field errors by API path (`company.siret`, `labourRates.0.name`). */
  errors: FieldErrors;
  /** Admins edit; everyone else reads. */
  isEditable: boolean;
};

export type CompanyTextField = Exclude<
  keyof SettingsFormValues,
  | keyof AccountingValues
  | 'logo'
  | 'vatExempt'
  | 'defaultVatRateBp'
  | 'quoteValidityDays'
  | 'paymentTerms'
  | 'warrantyTerms'
  | 'labourRates'
  | 'packages'
>;

/** Where the API names each company field (its error paths: `company.address.city`). */
export const COMPANY_PATHS: Record<CompanyTextField | 'logo', string> = {
  companyName: 'company.name',
  legalForm: 'company.legalForm',
  capital: 'company.capital',
  siret: 'company.siret',
  registry: 'company.registry',
  vatNumber: 'company.vatNumber',
  phone: 'company.phone',
  email: 'company.email',
  website: 'company.website',
  street: 'company.address.street',
  postalCode: 'company.address.postalCode',
  city: 'company.address.city',
  country: 'company.address.country',
  logo: 'company.logo',
  legalFooter: 'company.legalFooter',
};

const text = (value: string | null | undefined) => value ?? '';

function stripKey({ key: _, ...line }: DraftLine): PackageLineValues {
  return line;
}

export function toSettingsValues(settings: Settings): SettingsFormValues {
  const { company } = settings;
  return {
    companyName: text(company.name),
    legalForm: text(company.legalForm),
    capital: text(company.capital),
    siret: text(company.siret),
    registry: text(company.registry),
    vatNumber: text(company.vatNumber),
    phone: text(company.phone),
    email: text(company.email),
    website: text(company.website),
    street: text(company.address.street),
    postalCode: text(company.address.postalCode),
    city: text(company.address.city),
    country: company.address.country,
    logo: company.logo,
    legalFooter: text(company.legalFooter),
    vatExempt: settings.vatExempt,
    defaultVatRateBp: settings.defaultVatRateBp,
    quoteValidityDays: String(settings.quoteValidityDays),
    paymentTerms: text(settings.paymentTerms),
    warrantyTerms: text(settings.warrantyTerms),
    labourRates: settings.labourRates.map((rate) => ({
      id: rate.id,
      name: rate.name,
      hourlyRate: centsToText(rate.hourlyRateCents),
      method: rate.method,
      vatRateBp: rate.vatRateBp,
    })),
    packages: settings.packages.map((pack) => ({
      id: pack.id,
      name: pack.name,
      lines: packageToLines(pack).map(stripKey),
    })),
    ...toAccountingValues(settings.accounting),
  };
}

export function newRate(vatRateBp: VatRateBp): RateValues {
  return { id: crypto.randomUUID(), name: '', hourlyRate: '', method: 'time_spent', vatRateBp };
}

export function newPackageLine(vatRateBp: VatRateBp): PackageLineValues {
  return stripKey(emptyLine(vatRateBp));
}

export function newPackage(vatRateBp: VatRateBp): PackageValues {
  return { id: crypto.randomUUID(), name: '', lines: [newPackageLine(vatRateBp)] };
}

/** A line's number cells, as the API names them in an error path. */
const LINE_PATHS: Record<Exclude<LineField, 'description'>, string> = {
  quantity: 'quantity',
  unitPrice: 'unitPriceCents',
  discount: 'discountBp',
};
const NUMBER_CELLS = ['quantity', 'unitPrice', 'discount'] as const;

/**
 * The API's input, and the cells whose text is not a number at all (the schema then checks the
 * rest). An unreadable number becomes NaN, which the schema refuses too; the cell's own message
 * ("Deux décimales au maximum") wins over the schema's.
 */
function toSettingsInput(values: SettingsFormValues): { input: unknown; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const days = values.quoteValidityDays.trim();
  if (!/^\d+$/.test(days)) errors.quoteValidityDays = 'Un nombre entier de jours.';
  const labourRates = values.labourRates.map((rate, index) => {
    const price = parseEurosToCents(rate.hourlyRate);
    if (!price.ok) errors[`labourRates.${index}.hourlyRateCents`] = price.message;
    const { hourlyRate: _, ...rest } = rate;
    return { ...rest, hourlyRateCents: price.ok ? price.cents : Number.NaN };
  });
  const packages = values.packages.map((pack, packIndex) => ({
    id: pack.id,
    name: pack.name,
    lines: pack.lines.map((line, index) => {
      const path = `packages.${packIndex}.lines.${index}`;
      const cells = parseLine({ key: '', ...line }).errors;
      // The description is the schema's own check, with the same message.
      for (const cell of NUMBER_CELLS) {
        const message = cells[cell];
        if (message) errors[`${path}.${LINE_PATHS[cell]}`] = message;
      }
      const price = parseEurosToCents(line.unitPrice || '0');
      return {
        kind: line.kind,
        description: line.description,
        reference: line.reference,
        unit: line.unit,
        vatRateBp: line.vatRateBp,
        quantity: parseQuantity(line.quantity) ?? Number.NaN,
        unitPriceCents: price.ok ? price.cents : Number.NaN,
        discountBp: parseDiscount(line.discount) ?? Number.NaN,
      };
    }),
  }));
  const input = {
    company: {
      name: values.companyName,
      legalForm: values.legalForm,
      capital: values.capital,
      address: {
        street: values.street,
        postalCode: values.postalCode,
        city: values.city,
        country: values.country || 'FR',
      },
      siret: values.siret,
      registry: values.registry,
      vatNumber: values.vatNumber,
      phone: values.phone,
      email: values.email,
      website: values.website,
      logo: values.logo,
      legalFooter: values.legalFooter,
    },
    vatExempt: values.vatExempt,
    defaultVatRateBp: values.defaultVatRateBp,
    quoteValidityDays: errors.quoteValidityDays ? Number.NaN : Number(days),
    paymentTerms: values.paymentTerms,
    warrantyTerms: values.warrantyTerms,
    labourRates,
    packages,
    accounting: toAccountingInput(values),
  };
  return { input, errors };
}

/** The form checked with the server's own schema: every field error at once, by API path. */
export function parseSettingsValues(values: SettingsFormValues) {
  const { input, errors } = toSettingsInput(values);
  const checked = validateAll(SettingsValuesSchema, input);
  if (checked.success && Object.keys(errors).length === 0) {
    return { success: true as const, data: checked.data };
  }
  return {
    success: false as const,
    errors: { ...(checked.success ? {} : checked.errors), ...errors },
  };
}

export function validateSettingsValues(values: SettingsFormValues): FieldErrors | null {
  const parsed = parseSettingsValues(values);
  return parsed.success ? null : parsed.errors;
}

/**
 * The PATCH body: the top-level fields whose checked value differs from the version the form
 * started from (the company is one field for the API), and that version. Throws the field
 * errors as a `validation_failed` when the form does not check (a merged form is saved again
 * without going through the form's own check).
 */
export function toSettingsPatch(
  base: SettingsFormValues,
  values: SettingsFormValues,
  version: number,
): SettingsPatch {
  return { ...toCheckedPatch(parseSettingsValues, base, values), version };
}
