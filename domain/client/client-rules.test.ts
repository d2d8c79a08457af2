import { describe, expect, it } from 'vitest';
import { ClientInputSchema, ClientUpdateSchema } from '../schemas/client';
import { getClientDisplayName } from './client-name';
import { buildClientSearchText, buildClientSortName } from './client-search';
import { formatPhone, parsePhone } from './phone';
import { isValidPostalCode } from './postal-code';
import { isValidSiren, isValidSiret, isValidVatNumber } from './siret';

describe('phone numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['04 78 12 34 56', '+33478123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises %s to E.164 %s', (input, e164) => {
    expect(parsePhone(input)).toMatchObject({ ok: true, e164 });
  });

  it.each(['12', '06 12 34', 'abcdefghij', '+33 6 12 34 56 78 90'])('refuses %s', (input) => {
    const result = parsePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('invalide');
  });

  it('shows French numbers nationally and foreign ones internationally', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+32470123456')).toBe('+32 470 12 34 56');
  });
});

describe('SIRET, SIREN and VAT numbers', () => {
  it('accepts a SIRET with a valid Luhn key, spaces allowed', () => {
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('refuses a SIRET with a wrong key or length', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it("applies INSEE's La Poste exception: digit sum divisible by 5", () => {
    // 35600000012346 fails Luhn but its digits sum to 30.
    expect(isValidSiret('35600000012346')).toBe(true);
    expect(isValidSiret('35600000012347')).toBe(false);
  });

  it('checks a SIREN', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
  });

  it('checks the key of a French VAT number and the shape of others', () => {
    expect(isValidVatNumber('FR44732829320')).toBe(true);
    expect(isValidVatNumber('FR 44 732829320')).toBe(true);
    expect(isValidVatNumber('FR45732829320')).toBe(false);
    expect(isValidVatNumber('BE0123456789')).toBe(true);
    expect(isValidVatNumber('12345')).toBe(false);
  });
});

describe('postal codes', () => {
  it.each(['69003', '01700', '20000', '97400', '98000'])('accepts the French code %s', (code) => {
    expect(isValidPostalCode(code, 'FR')).toBe(true);
  });
  it.each(['00100', '6900', '690033', '96000', 'AB123'])('refuses the French code %s', (code) => {
    expect(isValidPostalCode(code, 'FR')).toBe(false);
  });
  it('accepts foreign codes in their own shape', () => {
    expect(isValidPostalCode('SW1A 1AA', 'GB')).toBe(true);
    expect(isValidPostalCode('1000', 'BE')).toBe(true);
  });
});

describe('the client form schema', () => {
  const person = {
    kind: 'person',
    civility: 'mr',
    firstName: 'Loïc',
    lastName: "D'Almeida-Bélanger",
    email: ' Loic.DAlmeida@Exemple.FR ',
    phones: ['06 12 34 56 78', '+33612345678'],
    address: { street: '3 rue Pasteur', postalCode: '69007', city: 'Lyon' },
  };

  it('normalises what was typed: trimmed lower-case email, E.164 phones without duplicates, FR by default', () => {
    const client = ClientInputSchema.parse(person);
    expect(client.email).toBe('loic.dalmeida@exemple.fr');
    expect(client.phones).toEqual(['+33612345678']);
    expect(client.address.country).toBe('FR');
    expect(client.consentReminders).toBe(false);
    expect(client.companyName).toBeNull();
  });

  it('turns empty fields into nulls', () => {
    const client = ClientInputSchema.parse({ ...person, email: '', firstName: '  ', notes: '' });
    expect(client).toMatchObject({ email: null, firstName: null, notes: null });
  });

  it('requires a last name for a person and a company name for a business', () => {
    const missingName = ClientInputSchema.safeParse({ ...person, lastName: '' });
    expect(missingName.error?.issues.map((issue) => issue.path)).toContainEqual(['lastName']);
    const business = ClientInputSchema.safeParse({ kind: 'business', lastName: 'Girard' });
    expect(business.error?.issues.map((issue) => issue.path)).toContainEqual(['companyName']);
  });

  it('reports a missing name together with the other errors, not after them', () => {
    const result = ClientInputSchema.safeParse({
      kind: 'person',
      lastName: '',
      email: 'pas-un-email',
      phones: ['12'],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['lastName', 'Le nom est obligatoire.'],
        ['email', 'Adresse e-mail invalide.'],
      ]),
    );
    // An unreadable name is reported once, as itself, not also as missing.
    const badName = ClientInputSchema.safeParse({ kind: 'person', lastName: 'J3an' });
    expect(badName.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['lastName']);
    expect(ClientInputSchema.safeParse(null).error?.issues).toHaveLength(1);
  });

  it('reports every bad field with its path and a French message', () => {
    const result = ClientInputSchema.safeParse({
      kind: 'business',
      companyName: 'Taxis Lumière',
      siret: '12345678901234',
      vatNumber: 'FR00732829320',
      email: 'pas-un-email',
      phones: ['12'],
      address: { postalCode: '6900', country: 'FR' },
      firstName: 'J3an',
    });
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'siret',
        'vatNumber',
        'email',
        'phones.0',
        'address.postalCode',
        'firstName',
      ]),
    );
    expect(result.error?.issues.every((issue) => /[a-zé]/.test(issue.message))).toBe(true);
  });

  it('checks SIRET, VAT and postal code with clear messages', () => {
    const result = ClientInputSchema.safeParse({
      kind: 'business',
      companyName: 'Taxis Lumière',
      siret: '12345678901234',
      vatNumber: 'FR00732829320',
      address: { postalCode: '6900' },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'siret',
      'vatNumber',
      'address.postalCode',
    ]);
    expect(result.error?.issues[0]?.message).toContain('SIRET invalide');
  });

  it('leaves absent fields out of a partial update instead of resetting them', () => {
    expect(ClientUpdateSchema.parse({ version: 3, notes: 'Client fidèle' })).toEqual({
      version: 3,
      notes: 'Client fidèle',
    });
  });

  it('names a client by company, or by civility and names', () => {
    expect(getClientDisplayName(ClientInputSchema.parse(person))).toBe(
      "M. Loïc D'Almeida-Bélanger",
    );
    expect(
      getClientDisplayName(
        ClientInputSchema.parse({
          kind: 'business',
          companyName: 'Taxis Lumière',
          lastName: 'Roux',
        }),
      ),
    ).toBe('Taxis Lumière');
  });
});

describe('client search text', () => {
  const client = ClientInputSchema.parse({
    kind: 'person',
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    email: 'h.lefevre@exemple.fr',
    phones: ['06 12 34 56 78'],
    address: { postalCode: '69130', city: 'Écully' },
  });

  it('holds names, email, both phone forms and city without accents or capitals', () => {
    const text = buildClientSearchText(client);
    for (const part of [
      'lefevre',
      'helene',
      'h.lefevre@exemple.fr',
      '+33612345678',
      '0612345678',
      'ecully',
      '69130',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('sorts by last name then first name', () => {
    expect(buildClientSortName(client)).toBe('lefevre helene');
  });
});
