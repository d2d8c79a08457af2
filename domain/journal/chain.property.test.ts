import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalContent, JournalEntry } from '../schemas/journal';
import { canonicalize } from './canonical';
import { ChainVerifier, GENESIS_HASH, getKeyId, hashEntry } from './chain';

/** Fixed seeds: the same journeys every run (the guide's rule for property tests). */
const RUNS = { seed: 20_261_201, numRuns: 150 };

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyId = getKeyId(publicKey);
const keyring = new Map([[keyId, publicKey]]);
const other = generateKeyPairSync('ed25519');

const ID = '6f1c2b5e-0d4a-4c8e-9b7a-2f3e4d5c6b7a';

const contentArb: fc.Arbitrary<JournalContent> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('payment' as const, 'refund' as const),
    paymentId: fc.constant(ID),
    method: fc.constantFrom('card' as const, 'cash' as const, 'cheque' as const),
    amountCents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    receivedOn: fc.constant('2026-12-01'),
    reference: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    clientId: fc.constant(null),
    isB2c: fc.boolean(),
    allocations: fc.constant<{ invoiceId: string; number: string; amountCents: number }[]>([]),
    refundsPaymentId: fc.constant(null),
    tillSessionId: fc.constant(null),
  }),
  fc.record({
    kind: fc.constant('cash_movement' as const),
    tillSessionId: fc.constant(ID),
    movementId: fc.constant(ID),
    amountCents: fc.integer({ min: -50_000, max: 50_000 }),
    reason: fc.string({ maxLength: 20 }),
  }),
);

function chainOf(contents: readonly JournalContent[], signer = privateKey): JournalEntry[] {
  let prevHash = GENESIS_HASH;
  return contents.map((content, index) => {
    const seq = index + 1;
    const recordedAt = new Date(Date.UTC(2026, 11, 1, 8, 0, seq)).toISOString();
    const canonical = canonicalize({ seq, recordedAt, day: '2026-12-01', actor: null, content });
    const hash = hashEntry(prevHash, canonical);
    const entry: JournalEntry = {
      seq,
      kind: content.kind,
      recordedAt,
      day: '2026-12-01',
      canonical,
      prevHash,
      hash,
      signature: sign(null, Buffer.from(hash, 'hex'), signer).toString('base64'),
      keyId,
    };
    prevHash = hash;
    return entry;
  });
}

function verify(entries: readonly JournalEntry[], sampleEvery = 1000, expectedLastSeq?: number) {
  const verifier = new ChainVerifier(keyring, null, sampleEvery);
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(expectedLastSeq);
}

/** The same entries with one byte of one stored field changed (a character, not a codepoint). */
function flipByte(value: string, at: number, by: number): string {
  const bytes = Buffer.from(value, 'utf8');
  const index = at % bytes.length;
  bytes[index] = (bytes[index]! + by) % 256;
  return bytes.toString('latin1') === value ? `${value}x` : bytes.toString('latin1');
}

const journalArb = fc.array(contentArb, { minLength: 2, maxLength: 30 });

describe('the journal chain', () => {
  it('verifies an untouched chain, with one signature in a thousand or all of them', () => {
    fc.assert(
      fc.property(journalArb, (contents) => {
        const entries = chainOf(contents);
        expect(verify(entries)).toBeNull();
        expect(verify(entries, 1)).toBeNull();
      }),
      RUNS,
    );
  });

  it('finds any single-byte change in an entry’s text, hash or link, at that entry', () => {
    fc.assert(
      fc.property(
        journalArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.constantFrom('canonical' as const, 'hash' as const, 'prevHash' as const),
        (contents, pick, at, by, field) => {
          const entries = chainOf(contents);
          const index = pick % entries.length;
          const target = entries[index]!;
          entries[index] = { ...target, [field]: flipByte(target[field], at, by) };
          const problem = verify(entries);
          expect(problem?.seq).toBe(index + 1);
          expect(problem?.kind).toBe('altered');
        },
      ),
      RUNS,
    );
  });

  it('finds a changed signature byte when every signature is checked', () => {
    fc.assert(
      fc.property(journalArb, fc.nat(), fc.nat(), (contents, pick, at) => {
        const entries = chainOf(contents);
        const index = pick % entries.length;
        const target = entries[index]!;
        const signature = Buffer.from(target.signature, 'base64');
        signature[at % signature.length]! ^= 0x01;
        entries[index] = { ...target, signature: signature.toString('base64') };
        expect(verify(entries, 1)).toMatchObject({ seq: index + 1, kind: 'signature' });
      }),
      RUNS,
    );
  });

  it('finds a deleted entry where it was, renumbered or not', () => {
    fc.assert(
      fc.property(journalArb, fc.nat(), fc.boolean(), (contents, pick, renumber) => {
        const entries = chainOf(contents);
        const index = pick % (entries.length - 1);
        entries.splice(index, 1);
        const stored = renumber
          ? entries.map((entry, position) => ({ ...entry, seq: position + 1 }))
          : entries;
        // The last entry deleted leaves the chain whole: what the records point at finds it.
        const problem = verify(stored, 1000, contents.length);
        expect(problem?.seq).toBe(index + 1);
        expect(['removed', 'altered']).toContain(problem?.kind);
      }),
      RUNS,
    );
  });

  it('finds a truncated tail from the highest seq the records point at', () => {
    const entries = chainOf(fc.sample(contentArb, { seed: 7, numRuns: 10 }));
    expect(verify(entries.slice(0, 7), 1000, 10)).toMatchObject({ seq: 8, kind: 'truncated' });
  });

  it('finds two entries swapped at the first of them', () => {
    fc.assert(
      fc.property(journalArb, fc.nat(), fc.boolean(), (contents, pick, renumber) => {
        const entries = chainOf(contents);
        const index = pick % (entries.length - 1);
        const [first, second] = [entries[index]!, entries[index + 1]!];
        entries[index] = renumber ? { ...second, seq: first.seq } : second;
        entries[index + 1] = renumber ? { ...first, seq: second.seq } : first;
        const problem = verify(entries);
        expect(problem?.seq).toBe(index + 1);
      }),
      RUNS,
    );
  });

  it('finds an inserted entry, even one chained and hashed correctly, at its place', () => {
    fc.assert(
      fc.property(journalArb, fc.nat(), contentArb, (contents, pick, extra) => {
        const entries = chainOf(contents);
        const index = 1 + (pick % (entries.length - 1));
        // A forger without the key: a valid hash on the right link, signed with another key.
        const forged = chainOf([...contents.slice(0, index), extra], other.privateKey).at(-1)!;
        const stored = [...entries.slice(0, index), forged, ...entries.slice(index)].map(
          (entry, position) => ({ ...entry, seq: position + 1 }),
        );
        const problem = verify(stored, 1);
        expect(problem?.seq).toBe(index + 1);
      }),
      RUNS,
    );
  });

  it('finds a chain rewritten from one entry on by someone without the key', () => {
    fc.assert(
      fc.property(journalArb, fc.nat(), contentArb, (contents, pick, replacement) => {
        const entries = chainOf(contents);
        const index = pick % entries.length;
        const rewritten = chainOf(
          [...contents.slice(0, index), replacement, ...contents.slice(index + 1)],
          other.privateKey,
        );
        // Hashes recomputed; the original signatures kept where they were.
        const stored = rewritten.map((entry, position) =>
          position < index
            ? entries[position]!
            : { ...entry, signature: entries[position]!.signature },
        );
        const problem = verify(stored);
        if (canonicalize(replacement) === canonicalize(contents[index])) {
          expect(problem).toBeNull();
        } else {
          expect(problem).toMatchObject({ seq: index + 1, kind: 'signature' });
        }
      }),
      RUNS,
    );
  });
});
