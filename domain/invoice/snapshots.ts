import { getClientDisplayName } from '../client/client-name';
import type { Client } from '../schemas/client';
import type {
  ElectronicAddress,
  InvoiceBuyer,
  InvoiceSeller,
  SnapshotAddress,
} from '../schemas/invoice';
import type { SettingsValues } from '../schemas/settings';

/**
 * What an invoice copies of the garage and of the client when it is made (decision 0017): an
 * issued invoice says what was true on its date, whatever the settings or the client say later.
 */

/** The SIREN is the SIRET's first 9 digits (BT-30, BT-47). */
export function getSiren(siret: string | null): string | null {
  return siret && /^\d{14}$/.test(siret) ? siret.slice(0, 9) : null;
}

/**
 * The e-invoicing address (BT-34, BT-49) when none was given: a business's SIREN in the French
 * directory (scheme 0225, the address the annuaire opens for every company by default), a
 * private person's e-mail.
 */
export function defaultElectronicAddress(party: {
  siret: string | null;
  email: string | null;
}): ElectronicAddress | null {
  const siren = getSiren(party.siret);
  if (siren) return { scheme: '0225', value: siren };
  if (party.email) return { scheme: 'EM', value: party.email };
  return null;
}

function copyAddress(address: SnapshotAddress): SnapshotAddress {
  return {
    street: address.street,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
  };
}

export function toInvoiceSeller(
  settings: Pick<SettingsValues, 'company' | 'vatExempt'>,
  options: { vatOnDebits: boolean; electronicAddress?: ElectronicAddress | null },
): InvoiceSeller {
  const { company } = settings;
  return {
    name: company.name,
    legalForm: company.legalForm,
    capital: company.capital,
    address: copyAddress(company.address),
    siret: company.siret,
    registry: company.registry,
    vatNumber: company.vatNumber,
    vatExempt: settings.vatExempt,
    vatOnDebits: !settings.vatExempt && options.vatOnDebits,
    electronicAddress:
      options.electronicAddress ??
      defaultElectronicAddress({ siret: company.siret, email: company.email }),
    email: company.email,
    phone: company.phone,
  };
}

export function toInvoiceBuyer(
  client: Pick<
    Client,
    | 'id'
    | 'kind'
    | 'civility'
    | 'firstName'
    | 'lastName'
    | 'companyName'
    | 'siret'
    | 'vatNumber'
    | 'email'
    | 'address'
  >,
  options: { deliveryAddress?: SnapshotAddress | null } = {},
): InvoiceBuyer {
  const siret = client.kind === 'business' ? client.siret : null;
  return {
    clientId: client.id,
    kind: client.kind,
    name: getClientDisplayName(client),
    address: copyAddress(client.address),
    siret,
    vatNumber: client.kind === 'business' ? client.vatNumber : null,
    electronicAddress: defaultElectronicAddress({ siret, email: client.email }),
    deliveryAddress: options.deliveryAddress ? copyAddress(options.deliveryAddress) : null,
  };
}
