import { z } from 'zod';
import { CIVILITIES } from '../client/client-name';
import { parsePhone } from '../client/phone';
import { isValidPostalCode } from '../client/postal-code';
import {
  isValidSiret,
  isValidVatNumber,
  normalizeSiret,
  normalizeVatNumber,
} from '../client/siret';
import { ListQuerySchema, optionalText, RecordMetaSchema, text, VersionSchema } from './common';

export const CLIENT_KINDS = ['person', 'business'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

const NAME_PATTERN = /^[\p{L}][\p{L}\p{M} '’.-]*$/u;

function nameSchema(label: string) {
  return optionalText(100).refine((value) => value === null || NAME_PATTERN.test(value), {
    error: `${label} : lettres, espaces, apostrophes et tirets uniquement.`,
  });
}

const PhoneSchema = text()
  .max(40, { error: 'Numéro de téléphone trop long.' })
  .transform((value, ctx) => {
    const parsed = parsePhone(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.e164;
  });

export const AddressSchema = z
  .object({
    street: optionalText(200),
    postalCode: optionalText(12),
    city: optionalText(100),
    country: text()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'Pays : code à deux lettres (FR, BE…).' })
      .default('FR'),
  })
  .superRefine(({ postalCode, country }, ctx) => {
    if (postalCode && !isValidPostalCode(postalCode, country)) {
      ctx.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: country === 'FR' ? 'Code postal : 5 chiffres.' : 'Code postal invalide.',
      });
    }
  });

const ADDRESS_NONE = { street: null, postalCode: null, city: null, country: 'FR' };

/** The fields a client is made of, without defaults, so a partial update leaves the rest alone. */
const clientFields = {
  kind: z.enum(CLIENT_KINDS),
  civility: z
    .enum(CIVILITIES)
    .nullish()
    .transform((value) => value ?? null),
  firstName: nameSchema('Prénom'),
  lastName: nameSchema('Nom'),
  companyName: optionalText(150),
  siret: optionalText(20)
    .transform((value) => (value ? normalizeSiret(value) : null))
    .refine((value) => value === null || isValidSiret(value), {
      error: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.',
    }),
  vatNumber: optionalText(20)
    .transform((value) => (value ? normalizeVatNumber(value) : null))
    .refine((value) => value === null || isValidVatNumber(value), {
      error: 'Numéro de TVA invalide.',
    }),
  email: text()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Adresse e-mail invalide.' }).max(254).or(z.literal('')))
    .nullish()
    .transform((value) => (value ? value : null)),
  phones: z
    .array(PhoneSchema)
    .max(5, { error: '5 numéros au maximum.' })
    .transform((phones) => [...new Set(phones)]),
  address: AddressSchema,
  notes: optionalText(2000),
  consentReminders: z.boolean(),
};

export const ClientFieldsSchema = z.object({
  ...clientFields,
  phones: clientFields.phones.default([]),
  address: AddressSchema.default(ADDRESS_NONE),
  consentReminders: clientFields.consentReminders.default(false),
});

/**
 * The required name depends on the kind. It is checked even when other fields are invalid (zod
 * skips refinements on a failed object unless told when they can run), so a form shows every
 * error at once; it only needs `kind` and the two names to be readable.
 */
const canCheckName = {
  when: ({ value, issues }: { value: unknown; issues: ReadonlyArray<{ path?: PropertyKey[] }> }) =>
    typeof value === 'object' &&
    value !== null &&
    !issues.some((issue) => ['kind', 'lastName', 'companyName'].includes(String(issue.path?.[0]))),
};

type NameFields = { kind?: unknown; lastName?: string | null; companyName?: string | null };

/** Create, and the merged result of an update, are validated by this one schema. */
export const ClientInputSchema = ClientFieldsSchema.refine(
  (client: NameFields) => client.kind !== 'person' || Boolean(client.lastName),
  { ...canCheckName, path: ['lastName'], error: 'Le nom est obligatoire.' },
).refine((client: NameFields) => client.kind !== 'business' || Boolean(client.companyName), {
  ...canCheckName,
  path: ['companyName'],
  error: 'La raison sociale est obligatoire.',
});
export const ClientUpdateSchema = z
  .object(clientFields)
  .partial()
  .extend({ version: VersionSchema });

export const ClientSchema = RecordMetaSchema.extend({
  kind: z.enum(CLIENT_KINDS),
  civility: z.enum(CIVILITIES).nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(z.string()),
  address: z.object({
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string(),
  }),
  notes: z.string().nullable(),
  consentReminders: z.boolean(),
  archivedAt: z.iso.datetime().nullable(),
}).meta({ id: 'Client' });

export const ClientListQuerySchema = ListQuerySchema.extend({
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type Client = z.infer<typeof ClientSchema>;
export type ClientInput = z.input<typeof ClientInputSchema>;
export type ClientValues = z.output<typeof ClientInputSchema>;
export type ClientUpdate = z.input<typeof ClientUpdateSchema>;
