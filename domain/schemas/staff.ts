import { z } from 'zod';
import { RecordMetaSchema, VersionSchema } from './common';
import { DISPLAY_MODES } from './display-token';

export const ROLES = ['admin', 'staff', 'display'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  staff: 'Comptoir',
  display: 'Écran atelier',
};

const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }).max(254));
export const PasswordSchema = z
  .string()
  .min(10, { error: 'Le mot de passe doit faire au moins 10 caractères.' })
  .max(200, { error: 'Le mot de passe doit faire au plus 200 caractères.' });
const StaffNameSchema = z
  .string()
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

export const SetupSchema = StaffCreateSchema.omit({ role: true }).extend({
  token: z.string().min(1).max(200),
});

export type Staff = z.infer<typeof StaffSchema>;
export type StaffCreate = z.input<typeof StaffCreateSchema>;
export type StaffUpdate = z.input<typeof StaffUpdateSchema>;
export type SessionUser = z.infer<typeof SessionUserSchema>;
