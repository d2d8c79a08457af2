import { createHash, type KeyObject, verify } from 'node:crypto';
import { z } from 'zod';
import { CLOSURE_LEVELS, ClosureSchema, JournalEntrySchema } from '../schemas/journal';
import { canonicalize } from './canonical';
import { ChainVerifier, getKeyId, readPublicKey } from './chain';

/*
 * A closed period's archive (docs/decisions/0018-journal.md): its stretch of the journal, its
 * closures, its invoices' CII XML, and a signature over all of it, so that it can be checked
 * with nothing but the file and the public key, long after the database is gone.
 */

export const ARCHIVE_FORMAT = 'gestionpro-journal-archive/1';

export const ArchiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  /** `2026-11-24`, `2026-11` or `2026`. */
  period: z.string(),
  level: z.enum(CLOSURE_LEVELS),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The stretch of the chain: from the period's first entry to its closure's. */
  firstSeq: z.int().min(1),
  lastSeq: z.int().min(1),
  /** The hash of the entry before `firstSeq` (64 zeros before the first entry). */
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string(),
  publicKey: z.string(),
  createdAt: z.string(),
});

export const ArchiveInvoiceSchema = z.object({
  invoiceId: z.string(),
  number: z.string(),
  /** The journal entry recording its issue, whose `ciiSha256` this XML must match. */
  journalSeq: z.int().min(1),
  xml: z.string(),
  sha256: z.string(),
});

export const ArchiveSchema = z.object({
  manifest: ArchiveManifestSchema,
  entries: z.array(JournalEntrySchema),
  closures: z.array(ClosureSchema),
  invoices: z.array(ArchiveInvoiceSchema),
  /** Ed25519 over the SHA-256 of the canonical JSON of all the rest, base64. */
  signature: z.string(),
});
export type Archive = z.infer<typeof ArchiveSchema>;
export type UnsignedArchive = Omit<Archive, 'signature'>;

export const ARCHIVE_PROBLEMS = [
  'format',
  'archive_signature',
  'altered',
  'removed',
  'inserted',
  'signature',
  'truncated',
  'xml',
] as const;

export type ArchiveVerification = {
  ok: boolean;
  entryCount: number;
  signaturesChecked: number;
  lastSeq: number;
  lastHash: string | null;
  problem: { seq: number | null; kind: (typeof ARCHIVE_PROBLEMS)[number]; message: string } | null;
};

/** What the signature covers: the SHA-256 of the canonical JSON of the archive but its signature. */
export function digestArchive(archive: UnsignedArchive): Buffer {
  return createHash('sha256').update(canonicalize(archive), 'utf8').digest();
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The CII hash each invoice_issued entry recorded, by seq (read from its hashed text). */
function recordedCiiHashes(entries: Archive['entries']): Map<number, string | null> {
  const hashes = new Map<number, string | null>();
  for (const entry of entries) {
    if (entry.kind !== 'invoice_issued') continue;
    const record = JSON.parse(entry.canonical) as { content?: { ciiSha256?: string | null } };
    hashes.set(entry.seq, record.content?.ciiSha256 ?? null);
  }
  return hashes;
}

/**
 * Checks an archive offline: its own signature, its chain from `prevHash` to `lastSeq` with
 * every entry's signature, and each XML against its hash and the one its entry recorded.
 * `trustedPublicKey` (base64 SPKI) is the key one already trusts; the archive's own otherwise,
 * which proves integrity, not origin.
 */
export function verifyArchive(input: unknown, trustedPublicKey?: string): ArchiveVerification {
  const result: ArchiveVerification = {
    ok: false,
    entryCount: 0,
    signaturesChecked: 0,
    lastSeq: 0,
    lastHash: null,
    problem: null,
  };
  const fail = (problem: NonNullable<ArchiveVerification['problem']>) => ({ ...result, problem });
  const parsed = ArchiveSchema.safeParse(input);
  if (!parsed.success) {
    return fail({
      seq: null,
      kind: 'format',
      message: 'Ce fichier n’est pas une archive du journal.',
    });
  }
  const { signature, ...unsigned } = parsed.data;
  let key: KeyObject;
  try {
    key = readPublicKey(trustedPublicKey ?? unsigned.manifest.publicKey);
  } catch {
    return fail({ seq: null, kind: 'format', message: 'La clé publique est illisible.' });
  }
  let signed = false;
  try {
    signed = verify(null, digestArchive(unsigned), key, Buffer.from(signature, 'base64'));
  } catch {
    signed = false;
  }
  result.signaturesChecked = 1;
  if (!signed) {
    return fail({
      seq: null,
      kind: 'archive_signature',
      message:
        'La signature de l’archive ne correspond pas : elle a été modifiée, ou signée d’une autre clé.',
    });
  }
  const { manifest, entries } = unsigned;
  const verifier = new ChainVerifier(new Map([[getKeyId(key), key]]), {
    seq: manifest.firstSeq - 1,
    hash: manifest.prevHash,
  });
  for (const entry of entries) {
    if (!verifier.push(entry)) break;
  }
  let chainProblem = verifier.finish(manifest.lastSeq);
  if (!chainProblem && verifier.lastSeq > manifest.lastSeq) {
    chainProblem = {
      seq: manifest.lastSeq + 1,
      kind: 'inserted',
      message: `L’archive s’arrête à la n° ${manifest.lastSeq} mais contient la n° ${verifier.lastSeq}.`,
    };
  }
  Object.assign(result, {
    entryCount: verifier.entryCount,
    signaturesChecked: verifier.signaturesChecked + 1,
    lastSeq: verifier.lastSeq,
    lastHash: verifier.lastHash,
  });
  if (chainProblem) return fail(chainProblem);
  const recorded = recordedCiiHashes(entries);
  for (const invoice of unsigned.invoices) {
    const actual = sha256Hex(invoice.xml);
    if (actual !== invoice.sha256 || recorded.get(invoice.journalSeq) !== actual) {
      return fail({
        seq: invoice.journalSeq,
        kind: 'xml',
        message: `Le XML de la facture ${invoice.number} ne correspond pas à celui enregistré au journal.`,
      });
    }
  }
  return { ...result, ok: true };
}
