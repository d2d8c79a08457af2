import { z } from 'zod';
import {
  hasMinimumLength,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../password/policy';
import { RecordMetaSchema, text, VersionSchema } from './common';
import { DISPLAY_MODES } from './display-token';

export const ROLES = ['admin', 'staff', 'display'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  staff: 'Comptoir',
  display: 'Écran atelier',
};

const EmailSchema = text()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }).max(254));
const PASSWORD_TOO_SHORT = `Le mot de passe doit faire au moins ${PASSWORD_MIN_LENGTH} caractères, sans compter les espaces autour.`;
/** A new password: long enough once trimmed, and not one of the most common (domain/password). */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: PASSWORD_TOO_SHORT, abort: true })
  .max(PASSWORD_MAX_LENGTH, {
    error: `Le mot de passe doit faire au plus ${PASSWORD_MAX_LENGTH} caractères.`,
    abort: true,
  })
  .refine(hasMinimumLength, { error: PASSWORD_TOO_SHORT, abort: true })
  .refine((password) => !isCommonPassword(password), {
    error: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre.',
  });
const StaffNameSchema = text()
  .trim()
  .min(1, { error: 'Le nom est obligatoire.' })
  .max(100, { error: '100 caractères au maximum.' });

export const StaffSchema = RecordMetaSchema.extend({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
}).meta({ id: 'Staff' });

export const StaffCreateSchema = z.object({
  email: EmailSchema,
  name: StaffNameSchema,
  role: z.enum(ROLES),
  password: PasswordSchema,
});

export const StaffUpdateSchema = z.object({
  version: VersionSchema,
  name: StaffNameSchema.optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  password: PasswordSchema.optional(),
});

export const SessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    /** A wall screen signed in with a display token: what it shows. */
    displayMode: z.enum(DISPLAY_MODES).optional(),
  })
  .meta({ id: 'SessionUser' });

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { error: 'Le mot de passe est obligatoire.' }).max(200),
});

/** "Changer mon mot de passe": the current one proves it is the owner at the keyboard. */
export const PasswordChangeSchema = z.object({
  currentPassword: z
    .string()
    .min(1, { error: 'Le mot de passe actuel est obligatoire.' })
    .max(PASSWORD_MAX_LENGTH),
  newPassword: PasswordSchema,
});

export const SetupSchema = StaffCreateSchema.omit({ role: true }).extend({
  token: z.string().min(1).max(200),
});

export type Staff = z.infer<typeof StaffSchema>;
export type StaffCreate = z.input<typeof StaffCreateSchema>;
export type StaffUpdate = z.input<typeof StaffUpdateSchema>;
export type SessionUser = z.infer<typeof SessionUserSchema>;
export type PasswordChange = z.input<typeof PasswordChangeSchema>;
