import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';

export function readPrivateKey(text: string) {
  const trimmed = text.trim();
  return trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
}

function isEd25519PrivateKey(text: string): boolean {
  try {
    return readPrivateKey(text).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'on', 'yes'].includes(value));

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected postgres://user@host:port/db' })
      .optional(),
    /**
     * PostgreSQL's statement budget; the idle-in-transaction timeout and each query's deadline
     * follow from it (docs/decisions/0014-database-faults.md).
     */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** Opening a PostgreSQL connection, or waiting for a free one. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(10, { error: 'at least 10 characters' }).optional(),
    DEMO_DATA: booleanFlag.optional(),
    /**
     * Several server instances share DATABASE_URL: Socket.IO broadcasts, rooms and presence go
     * through PostgreSQL (LISTEN/NOTIFY). Off by default: it doubles the broadcast latency of
     * the single instance most garages run (decision 0009).
     */
    MULTI_INSTANCE: booleanFlag.default(false),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** The address staff type in their browser; used for links and the Origin check. */
    PUBLIC_URL: z.url().optional(),
    /**
     * How many reverse proxies stand in front of the server (on = 1, off = 0, the default). The
     * client's address, which the sign-in limits count, is then taken from X-Forwarded-For, as
     * the outermost of them saw it; without a proxy that header is the client's to forge
     * (docs/decisions/0013-login-limits-and-sessions.md).
     */
    TRUST_PROXY: z
      .union([booleanFlag.transform((on) => (on ? 1 : 0)), z.coerce.number().int().min(0).max(10)])
      .default(0),
    /**
     * The journal's Ed25519 signing key (decision 0018): PEM, or base64 of its PKCS#8 DER.
     * Unset, one is made on first start and kept in DATA_DIR (ephemeral for `memory://`).
     */
    JOURNAL_SIGNING_KEY: z
      .string()
      .refine(isEd25519PrivateKey, { error: 'expected an Ed25519 private key (PEM or base64 DER)' })
      .optional(),
    /**
     * The mail server (smtp:// or smtps://user:password@host:port). Unset, e-mail is "not
     * configured": messages stay held in the outbox for an admin to read (decision 0019).
     */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'expected smtp://host:port or smtps://host:port' })
      .optional(),
    /** The sender address of every message; required with SMTP_URL. */
    MAIL_FROM: z.email().optional(),
    /** Where the built client lives; the server serves it with a fallback to index.html. */
    CLIENT_DIR: z.string().min(1).default('./dist/client'),
  })
  .refine((env) => Boolean(env.ADMIN_EMAIL) === Boolean(env.ADMIN_PASSWORD), {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
  })
  .refine((env) => !env.SMTP_URL || Boolean(env.MAIL_FROM), {
    path: ['MAIL_FROM'],
    message: 'required with SMTP_URL (the sender address)',
  })
  .refine((env) => !env.MULTI_INSTANCE || Boolean(env.DATABASE_URL), {
    path: ['MULTI_INSTANCE'],
    message: 'needs DATABASE_URL (instances share a PostgreSQL server, not a PGlite directory)',
  });

export type Env = z.output<typeof EnvSchema>;

/** Parses an environment (tests pass their own); throws with one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration — ${problems.join('; ')}`);
  }
  return result.data;
}

/** The only reader of process.env. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}
