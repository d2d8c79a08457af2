import { normalizeSearchText } from '../text';

/**
 * How a client is named on screen and in the feed. Kept apart from the schemas so the app's
 * first screen does not load the phone-number rules to print a name.
 */
export const CIVILITIES = ['mr', 'mrs'] as const;
export type Civility = (typeof CIVILITIES)[number];
export const CIVILITY_LABELS: Record<Civility, string> = { mr: 'M.', mrs: 'Mme' };

export type NamedClient = {
  kind: 'person' | 'business';
  civility: Civility | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
};

export function getClientDisplayName(client: NamedClient): string {
  if (client.kind === 'business' && client.companyName) return client.companyName;
  const civility = client.civility ? CIVILITY_LABELS[client.civility] : null;
  return [civility, client.firstName, client.lastName].filter(Boolean).join(' ');
}

/** "+33612345678" → "06 12 34 56 78"; other numbers stay in international form. */
export function formatFrenchPhone(e164: string): string {
  const french = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return french ? `0${french.slice(1).join(' ')}` : e164;
}

/**
 * Ordering key of the client list: company or "last first", lower case, no accents. Compared
 * code point by code point, as the database (collation C) orders it.
 */
export function buildClientSortName(client: {
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}): string {
  const name = [client.companyName ?? client.lastName, client.firstName].filter(Boolean).join(' ');
  return normalizeSearchText(name);
}
