import { formatPhone } from '../../../domain/client/phone';
import type { Client, ClientInput } from '../../../domain/schemas/client';

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

const FIELDS = Object.keys(EMPTY_CLIENT) as Array<keyof ClientFormValues>;

/** A value as compared between versions: trimmed text, phones without their spacing. */
function comparable(key: keyof ClientFormValues, value: ClientFormValues[typeof key]): string {
  if (key === 'phones') {
    return (value as string[])
      .map((phone) => phone.replace(/[\s.\-()]/g, ''))
      .filter(Boolean)
      .join(',');
  }
  return typeof value === 'string' ? value.trim() : String(value);
}

export function isSameValue(
  key: keyof ClientFormValues,
  a: ClientFormValues,
  b: ClientFormValues,
): boolean {
  return comparable(key, a[key]) === comparable(key, b[key]);
}

/** The fields `after` changed relative to `before`. */
export function changedFields(
  before: ClientFormValues,
  after: ClientFormValues,
): Array<keyof ClientFormValues> {
  return FIELDS.filter((key) => !isSameValue(key, before, after));
}

/**
 * "Réappliquer mes modifications": the current version with only the fields I changed put back
 * on top, so the other person's changes to fields I did not touch are kept, not reverted.
 */
export function reapplyChanges(
  current: ClientFormValues,
  mine: ClientFormValues,
  base: ClientFormValues,
): ClientFormValues {
  const merged: ClientFormValues = { ...current, phones: [...current.phones] };
  for (const key of changedFields(base, mine)) {
    (merged as Record<string, unknown>)[key] = key === 'phones' ? [...mine.phones] : mine[key];
  }
  return merged;
}
