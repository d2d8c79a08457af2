import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { JournalEntry, JournalProblem } from '../schemas/journal';

/*
 * The chain (docs/decisions/0018-journal.md): hash = SHA-256(previous hash ‖ canonical bytes),
 * the first entry chained to 64 zeros; each hash signed with Ed25519. Recomputing the hashes
 * finds an entry altered, removed, inserted or moved; the signatures find a chain rewritten
 * whole by someone without the key. Pure computation: node:crypto, no I/O.
 */

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Signatures checked on every entry would cost 80 µs each (1,000,000 entries: 80 s on one
 * core). A rewritten chain fails every signature after the first rewritten entry, since each
 * hash commits to all before it: checking one in this many, each closure's and the last, then
 * every one of the window where one failed, finds the first rewritten entry all the same.
 */
export const SIGNATURE_SAMPLE_EVERY = 1000;

export function hashEntry(prevHash: string, canonical: string): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonical, 'utf8')
    .digest('hex');
}

/** The key's id: the first 16 hex digits of SHA-256 over its raw 32 bytes. */
export function getKeyId(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** A public key from its base64 SPKI DER (as archives and settings show it). */
export function readPublicKey(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}

export function exportPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

export type Keyring = ReadonlyMap<string, KeyObject>;

export function isSignatureValid(entry: JournalEntry, keyring: Keyring): boolean {
  const key = keyring.get(entry.keyId);
  if (!key) return false;
  try {
    return verify(
      null,
      Buffer.from(entry.hash, 'hex'),
      key,
      Buffer.from(entry.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export type ChainProblem = { seq: number; kind: JournalProblem; message: string };

export type ChainStart = { seq: number; hash: string };

/**
 * The record's last keys, in canonical order (`…,"day":…,"recordedAt":…,"seq":N}`): what the
 * stored columns must agree with. The rest is covered by the hash; parsing each of a million
 * entries whole would cost more than the chain itself.
 */
function hasRecordTail(entry: JournalEntry): boolean {
  return entry.canonical.endsWith(
    `,"day":"${entry.day}","recordedAt":"${entry.recordedAt}","seq":${entry.seq}}`,
  );
}

/**
 * Walks the entries in order, one at a time (a million need not be in memory), and stops at
 * the first problem. `start` is the entry before the first one given (an archive of a period
 * starts after the previous closure); the genesis otherwise.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  private prevPrevHash: string | null = null;
  private isClosure = false;
  /** The entries since the last signature found valid: where a failing one is looked for. */
  private window: JournalEntry[] = [];
  problem: ChainProblem | null = null;
  entryCount = 0;
  signaturesChecked = 0;

  constructor(
    private readonly keyring: Keyring,
    start: ChainStart | null = null,
    private readonly sampleEvery = SIGNATURE_SAMPLE_EVERY,
  ) {
    this.expectedSeq = (start?.seq ?? 0) + 1;
    this.prevHash = start?.hash ?? GENESIS_HASH;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string | null {
    return this.entryCount > 0 || this.expectedSeq > 1 ? this.prevHash : null;
  }

  /** False once a problem is found. */
  push(entry: JournalEntry): boolean {
    if (this.problem) return false;
    this.problem = this.check(entry);
    if (this.problem) return false;
    this.entryCount += 1;
    this.window.push(entry);
    if (entry.seq % this.sampleEvery === 0 || this.isClosure) {
      this.problem = this.checkWindow();
    }
    this.prevPrevHash = this.prevHash;
    this.prevHash = entry.hash;
    this.expectedSeq = entry.seq + 1;
    return this.problem === null;
  }

  /** Checks the last signatures, and that nothing after `expectedLastSeq` went missing. */
  finish(expectedLastSeq?: number): ChainProblem | null {
    if (this.problem) return this.problem;
    if (this.window.length > 0) this.problem = this.checkWindow();
    if (!this.problem && expectedLastSeq !== undefined && expectedLastSeq > this.lastSeq) {
      this.problem = {
        seq: this.lastSeq + 1,
        kind: 'truncated',
        message: `Les écritures n° ${this.lastSeq + 1} à ${expectedLastSeq} ont été supprimées.`,
      };
    }
    return this.problem;
  }

  private check(entry: JournalEntry): ChainProblem | null {
    const seq = this.expectedSeq;
    if (entry.seq > seq) {
      return { seq, kind: 'removed', message: `L’écriture n° ${seq} manque.` };
    }
    if (entry.seq < seq) {
      return {
        seq: entry.seq,
        kind: 'inserted',
        message: `Une écriture n° ${entry.seq} de trop suit la n° ${seq - 1}.`,
      };
    }
    if (
      !hasRecordTail(entry) ||
      !entry.canonical.includes(`"kind":"${entry.kind}"`) ||
      hashEntry(entry.prevHash, entry.canonical) !== entry.hash
    ) {
      return {
        seq,
        kind: 'altered',
        message: `L’écriture n° ${seq} a été modifiée après son enregistrement.`,
      };
    }
    if (entry.prevHash !== this.prevHash) {
      if (this.prevPrevHash !== null && entry.prevHash === this.prevPrevHash) {
        return {
          seq: seq - 1,
          kind: 'inserted',
          message: `L’écriture n° ${seq - 1} a été insérée dans la chaîne.`,
        };
      }
      return {
        seq,
        kind: 'removed',
        message: `Une écriture manque ou a été déplacée avant la n° ${seq}.`,
      };
    }
    this.isClosure = entry.kind === 'closure';
    return null;
  }

  private checkWindow(): ChainProblem | null {
    const last = this.window.at(-1);
    if (!last) return null;
    this.signaturesChecked += 1;
    if (isSignatureValid(last, this.keyring)) {
      this.window = [];
      return null;
    }
    const firstBad =
      this.window.find((entry) => {
        this.signaturesChecked += 1;
        return !isSignatureValid(entry, this.keyring);
      }) ?? last;
    const known = this.keyring.has(firstBad.keyId);
    return {
      seq: firstBad.seq,
      kind: 'signature',
      message: known
        ? `La signature de l’écriture n° ${firstBad.seq} ne correspond pas : la chaîne a été réécrite à partir d’elle.`
        : `L’écriture n° ${firstBad.seq} est signée par une clé inconnue (${firstBad.keyId}).`,
    };
  }
}
