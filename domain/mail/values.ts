import { formatDateFr } from '../dates';
import { formatEuros } from '../money';
import type { Alert } from '../schemas/alert';
import type { TemplateValues } from '../schemas/mail';
import type { Quote } from '../schemas/quote';
import type { Settings } from '../schemas/settings';
import type { Vehicle } from '../schemas/vehicle';
import type { RenderOptions } from './templates';

/*
 * The values and layout a template is rendered with, from the records the server already reads:
 * one place that says what `{{vehicule}}` or `{{echeance}}` is, for the outbox and the settings
 * preview alike.
 */

type Company = Pick<Settings['company'], 'name' | 'phone' | 'address'>;
type VehicleNames = Pick<Vehicle, 'plate' | 'make' | 'model'>;

/** The garage's name, phone and address, for the layout's header and footer. */
export function buildGarageLayout(company: Company): RenderOptions {
  const { street, postalCode, city } = company.address;
  const town = [postalCode, city].filter(Boolean).join(' ');
  const address = [street, town].filter(Boolean).join(', ');
  return {
    garageName: company.name ?? undefined,
    garagePhone: company.phone ?? undefined,
    garageAddress: address || undefined,
  };
}

/** `Peugeot 208`, or `véhicule` when neither make nor model is known. */
function describeVehicle(vehicle: VehicleNames | null): string {
  const name = [vehicle?.make, vehicle?.model].filter(Boolean).join(' ');
  return name || 'véhicule';
}

function identityValues(company: Company, clientName: string, vehicle: VehicleNames | null) {
  return {
    nom: clientName,
    garage: company.name ?? '',
    telephone_garage: company.phone ?? '',
    vehicule: describeVehicle(vehicle),
    immatriculation: vehicle?.plate ?? '',
  } satisfies TemplateValues;
}

/** A reminder's values: the due date the French way, the declined work from the alert. */
export function buildReminderValues(input: {
  alert: Pick<Alert, 'kind' | 'dueDate' | 'detail'>;
  clientName: string;
  vehicle: VehicleNames | null;
  company: Company;
}): TemplateValues {
  return {
    ...identityValues(input.company, input.clientName, input.vehicle),
    echeance: formatDateFr(input.alert.dueDate),
    travaux: input.alert.kind === 'declined_work' ? (input.alert.detail ?? '') : '',
  };
}

/** A quote's values (sent or followed up): number, total incl. VAT, validity, message, link. */
export function buildQuoteValues(input: {
  quote: Pick<Quote, 'number' | 'clientName' | 'validUntil' | 'totals'>;
  vehicle: VehicleNames | null;
  company: Company;
  link: string;
  message?: string;
}): TemplateValues {
  const { quote } = input;
  return {
    ...identityValues(input.company, quote.clientName, input.vehicle),
    numero_devis: quote.number ?? '',
    montant_ttc: formatEuros(quote.totals.inclVatCents),
    validite: formatDateFr(quote.validUntil),
    lien: input.link,
    message: input.message ?? '',
  };
}

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the
 * link, which turns the consent off without a page to confirm.
 */
export function buildUnsubscribeHeaders(url: string): Record<string, string> {
  if (!/^https?:\/\/[^\s<>]+$/i.test(url)) throw new RangeError(`Not a web link: ${url}`);
  return {
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
