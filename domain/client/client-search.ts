import { normalizeSearchText } from '../text';
import { parsePhone } from './phone';

export { buildClientSortName } from './client-name';

type SearchableClient = {
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  email: string | null;
  phones: string[];
  siret: string | null;
  address: { postalCode: string | null; city: string | null };
};

/** The haystack the trigram index searches: names, e-mail, phones in both forms, city, SIRET. */
export function buildClientSearchText(client: SearchableClient): string {
  const phones = client.phones.flatMap((phone) => {
    const parsed = parsePhone(phone);
    return [phone, parsed.ok ? parsed.national.replace(/\D/g, '') : ''];
  });
  return normalizeSearchText(
    [
      client.lastName,
      client.firstName,
      client.companyName,
      client.email,
      ...phones,
      client.address.postalCode,
      client.address.city,
      client.siret,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** Just the names: what vehicles and quotes keep of their client to be found by it. */
export function buildClientNameText(
  client: Pick<SearchableClient, 'lastName' | 'firstName' | 'companyName'>,
): string {
  return normalizeSearchText(
    [client.lastName, client.firstName, client.companyName].filter(Boolean).join(' '),
  );
}

/** A quote is found by its client's name and its vehicle's plate (any spacing). */
export function buildQuotePartyText(
  clientNameText: string,
  vehicle: { plate: string; plateKey: string } | null,
): string {
  return normalizeSearchText(
    [clientNameText, vehicle?.plateKey, vehicle?.plate].filter(Boolean).join(' '),
  );
}
