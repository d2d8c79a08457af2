import { formatPhone } from '../../../domain/client/phone';
import { pickChanged } from '../../../domain/merge/deep-equal';
import type { Client, ClientInput } from '../../../domain/schemas/client';
import { createRecordMerge } from '../../lib/merge-outcome';

/** What the form edits: plain strings, phones as typed. */
export type ClientFormValues = {
  kind: 'person' | 'business';
  civility: '' | 'mr' | 'mrs';
  firstName: string;
  lastName: string;
  companyName: string;
  siret: string;
  vatNumber: string;
  email: string;
  phones: string[];
  street: string;
  postalCode: string;
  city: string;
  country: string;
  notes: string;
  consentReminders: boolean;
};

export const EMPTY_CLIENT: ClientFormValues = {
  kind: 'person',
  civility: '',
  firstName: '',
  lastName: '',
  companyName: '',
  siret: '',
  vatNumber: '',
  email: '',
  phones: [''],
  street: '',
  postalCode: '',
  city: '',
  country: 'FR',
  notes: '',
  consentReminders: false,
};

export function toFormValues(client: Client): ClientFormValues {
  return {
    kind: client.kind,
    civility: client.civility ?? '',
    firstName: client.firstName ?? '',
    lastName: client.lastName ?? '',
    companyName: client.companyName ?? '',
    siret: client.siret ?? '',
    vatNumber: client.vatNumber ?? '',
    email: client.email ?? '',
    phones: client.phones.length ? client.phones.map(formatPhone) : [''],
    street: client.address.street ?? '',
    postalCode: client.address.postalCode ?? '',
    city: client.address.city ?? '',
    country: client.address.country,
    notes: client.notes ?? '',
    consentReminders: client.consentReminders,
  };
}

/** The API input; a person's company fields are dropped, empty phone rows ignored. */
export function toClientInput(values: ClientFormValues): ClientInput {
  const isBusiness = values.kind === 'business';
  return {
    kind: values.kind,
    civility: values.civility || null,
    firstName: values.firstName,
    lastName: values.lastName,
    companyName: isBusiness ? values.companyName : null,
    siret: isBusiness ? values.siret : null,
    vatNumber: isBusiness ? values.vatNumber : null,
    email: values.email,
    phones: values.phones.filter((phone) => phone.trim() !== ''),
    address: {
      street: values.street,
      postalCode: values.postalCode,
      city: values.city,
      country: values.country || 'FR',
    },
    notes: values.notes,
    consentReminders: values.consentReminders,
  };
}

/** Maps API field paths (address.postalCode, phones.1) to the form's field names. */
export function toFormErrorKey(path: string): string {
  return path.startsWith('address.') ? path.slice('address.'.length) : path;
}

/** A value as compared between versions: trimmed text, phones without their spacing. */
function comparable(key: keyof ClientFormValues, value: unknown): string {
  if (key === 'phones' && Array.isArray(value)) {
    return value
      .map((phone) => String(phone).replace(/[\s.\-()]/g, ''))
      .filter(Boolean)
      .join(',');
  }
  return typeof value === 'string' ? value.trim() : String(value);
}

const KIND_LABELS = { person: 'Particulier', business: 'Entreprise' } as const;
const CIVILITY_LABELS = { mr: 'M.', mrs: 'Mme', '': '—' } as const;

/** The client form's three-way merge, with the form's own labels. */
export const mergeClientValues = createRecordMerge<ClientFormValues>(
  {
    kind: { label: 'Type', show: (kind) => KIND_LABELS[kind] },
    companyName: { label: 'Raison sociale' },
    siret: { label: 'SIRET' },
    vatNumber: { label: 'N° de TVA' },
    civility: { label: 'Civilité', show: (civility) => CIVILITY_LABELS[civility] },
    firstName: { label: 'Prénom' },
    lastName: { label: 'Nom' },
    email: { label: 'E-mail' },
    phones: { label: 'Téléphones' },
    street: { label: 'Adresse' },
    postalCode: { label: 'Code postal' },
    city: { label: 'Ville' },
    country: { label: 'Pays' },
    notes: { label: 'Notes' },
    consentReminders: {
      label: 'Rappels',
      show: (consent) => (consent ? 'Accepte' : 'Refuse'),
    },
  },
  (field, a, b) => comparable(field, a) === comparable(field, b),
);

export function isSameClientValues(a: ClientFormValues, b: ClientFormValues): boolean {
  return (Object.keys(EMPTY_CLIENT) as Array<keyof ClientFormValues>).every(
    (key) => comparable(key, a[key]) === comparable(key, b[key]),
  );
}

/** The PATCH body: only the fields that differ from what the form started from. */
export function toClientPatch(base: ClientFormValues, values: ClientFormValues) {
  return pickChanged(toClientInput(base), toClientInput(values));
}
