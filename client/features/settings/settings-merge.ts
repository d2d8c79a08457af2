import { formatEuros, parseEurosToCents } from '../../../domain/money';
import { formatVatRate } from '../../../domain/quote/vat';
import { PRICING_METHOD_LABELS } from '../../../domain/schemas/settings';
import type { MergeOutcome } from '../../lib/editable-record';
import { createRecordMerge } from '../../lib/merge-outcome';
import { ACCOUNTING_LABELS, type AccountRateValues } from './accounting-values';
import { mergeById } from './merge-by-id';
import type { PackageValues, RateValues, SettingsFormValues } from './settings-values';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** `data:image/png;base64,…` → "Image PNG (42 Ko)": a logo in a notice or a conflict row. */
export function describeLogo(logo: string | null): string {
  if (!logo) return 'Aucun logo';
  const type = /^data:image\/(\w+);/.exec(logo)?.[1]?.toUpperCase() ?? 'image';
  const base64 = logo.slice(logo.indexOf(',') + 1);
  return `Image ${type} (${Math.max(1, Math.round((base64.length * 3) / 4 / 1024))} Ko)`;
}

/** The amount as typed, shown as the app shows amounts when it reads as one. */
function showAmount(typed: string): string {
  const parsed = parseEurosToCents(typed);
  return parsed.ok ? formatEuros(parsed.cents) : typed.trim() || '—';
}

/** Every field but the two lists, each merged on its own, with the form's labels. */
const mergeFields = createRecordMerge<SettingsFormValues>(
  {
    companyName: { label: 'Raison sociale' },
    legalForm: { label: 'Forme juridique' },
    capital: { label: 'Capital' },
    siret: { label: 'SIRET' },
    registry: { label: 'RCS ou répertoire des métiers' },
    vatNumber: { label: 'N° de TVA intracommunautaire' },
    phone: { label: 'Téléphone' },
    email: { label: 'E-mail' },
    website: { label: 'Site web' },
    street: { label: 'Adresse' },
    postalCode: { label: 'Code postal' },
    city: { label: 'Ville' },
    country: { label: 'Pays' },
    logo: { label: 'Logo', show: describeLogo },
    legalFooter: { label: 'Mentions de pied de page' },
    vatExempt: {
      label: 'Franchise en base de TVA',
      show: (isExempt) => (isExempt ? 'Franchise en base' : 'TVA applicable'),
    },
    defaultVatRateBp: { label: 'Taux de TVA par défaut', show: formatVatRate },
    quoteValidityDays: { label: 'Validité d’un devis', show: (days) => `${days.trim()} jours` },
    paymentTerms: { label: 'Conditions de paiement' },
    warrantyTerms: { label: 'Garantie' },
    customerAccount: { label: ACCOUNTING_LABELS.customerAccount },
    salesAccount: { label: ACCOUNTING_LABELS.salesAccount },
    vatAccount: { label: ACCOUNTING_LABELS.vatAccount },
    bankAccount: { label: ACCOUNTING_LABELS.bankAccount },
    cashAccount: { label: ACCOUNTING_LABELS.cashAccount },
    salesJournal: { label: ACCOUNTING_LABELS.salesJournal },
    bankJournal: { label: ACCOUNTING_LABELS.bankJournal },
    cashJournal: { label: ACCOUNTING_LABELS.cashJournal },
  },
  (_field, a, b) => trimmed(a) === trimmed(b),
);

const rateName = (rate: RateValues) => `Taux « ${rate.name.trim() || 'sans nom'} »`;

const RATE_WORDS = {
  prefix: 'rate',
  name: rateName,
  show: (rate: RateValues) =>
    `${rate.name.trim() || 'Sans nom'} : ${showAmount(rate.hourlyRate)} HT de l’heure, ${
      PRICING_METHOD_LABELS[rate.method]
    }, TVA ${formatVatRate(rate.vatRateBp)}`,
  comparable: (rate: RateValues) => ({
    name: rate.name.trim(),
    hourlyRate: showAmount(rate.hourlyRate),
    method: rate.method,
    vatRateBp: rate.vatRateBp,
  }),
};

const PACKAGE_WORDS = {
  prefix: 'package',
  name: (pack: PackageValues) => `Forfait « ${pack.name.trim() || 'sans nom'} »`,
  show: (pack: PackageValues) => {
    const lines = pack.lines.map(
      (line) => `${line.description.trim() || '—'} (${showAmount(line.unitPrice || '0')})`,
    );
    return `${pack.name.trim() || 'Sans nom'} : ${lines.join(' ; ') || 'aucune ligne'}`;
  },
  comparable: (pack: PackageValues) => ({
    name: pack.name.trim(),
    lines: pack.lines.map((line) => ({
      ...line,
      description: line.description.trim(),
      reference: line.reference.trim(),
      quantity: line.quantity.trim(),
      unitPrice: showAmount(line.unitPrice || '0'),
      discount: line.discount.trim(),
    })),
  }),
};

const ACCOUNT_RATE_WORDS = {
  prefix: 'account-rate',
  name: (rate: AccountRateValues) => `Comptes de TVA ${formatVatRate(rate.vatRateBp)}`,
  show: (rate: AccountRateValues) =>
    `ventes ${rate.salesAccount.trim() || '—'}, TVA ${rate.vatAccount.trim() || '—'}`,
  comparable: (rate: AccountRateValues) => ({
    salesAccount: rate.salesAccount.trim(),
    vatAccount: rate.vatAccount.trim(),
  }),
};

/**
 * The settings form's three-way merge: each field on its own (two admins editing the phone and
 * the logo both keep theirs), labour rates, packages and the accounts per VAT rate item by item
 * by id (one adds a package
 * while the other edits a rate: no conflict). A package merges whole: its lines have no ids.
 */
export function mergeSettingsValues(
  base: SettingsFormValues,
  mine: SettingsFormValues,
  theirs: SettingsFormValues,
): MergeOutcome<SettingsFormValues> {
  const fields = mergeFields(base, mine, theirs);
  const rates = mergeById(base.labourRates, mine.labourRates, theirs.labourRates, RATE_WORDS);
  const packages = mergeById(base.packages, mine.packages, theirs.packages, PACKAGE_WORDS);
  const accountRates = mergeById(
    base.accountRates,
    mine.accountRates,
    theirs.accountRates,
    ACCOUNT_RATE_WORDS,
  );
  const lists = [rates, packages, accountRates];
  return {
    merged: {
      ...fields.merged,
      labourRates: rates.merged,
      packages: packages.merged,
      accountRates: accountRates.merged,
    },
    theirChanges: [...fields.theirChanges, ...lists.flatMap((list) => list.theirChanges)],
    conflicts: [...fields.conflicts, ...lists.flatMap((list) => list.conflicts)],
    resolve: (choices) => ({
      ...fields.resolve(choices),
      labourRates: rates.resolve(choices),
      packages: packages.resolve(choices),
      accountRates: accountRates.resolve(choices),
    }),
  };
}
