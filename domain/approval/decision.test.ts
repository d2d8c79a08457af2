import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ApprovalDecisionInput, ApprovalDecisionSchema } from '../schemas/approval';
import { buildJob, buildQuote, testId } from '../testing/records';
import {
  type ApprovalResult,
  applyDecision,
  canonicalDecision,
  canonicalQuoteRevision,
  hashQuoteRevision,
} from './decision';
import { isWellFormedToken } from './token';

const TODAY = '2026-12-01';
const HASH = 'a'.repeat(64);
// A 1×1 PNG: the real 8-byte signature, then whatever the pad drew.
const SIGNATURE = `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==`;
const [LINE_A, LINE_B, LINE_C] = [testId(101), testId(102), testId(201)];

function sentQuote(overrides: Parameters<typeof buildQuote>[0] = {}) {
  const second = buildJob({ id: testId(200), title: 'Pneus', totalExclVatCents: 12_000 });
  second.lines = [
    {
      ...(buildJob().lines[1] as (typeof second.lines)[number]),
      id: LINE_C,
      description: 'Pneu 205/55 R16',
      quantity: 2,
      unitPriceCents: 6000,
      discountBp: 0,
      totalExclVatCents: 12_000,
    },
  ];
  return buildQuote({
    status: 'sent',
    number: 'DEV-2026-00042',
    sentAt: '2026-11-24T10:00:00.000Z',
    jobs: [buildJob(), second],
    ...overrides,
  });
}

function decide(input: ApprovalDecisionInput, quote = sentQuote()): ApprovalResult {
  return applyDecision(quote, ApprovalDecisionSchema.parse(input), {
    today: TODAY,
    revisionHash: HASH,
  });
}

const accept = { revisionHash: HASH, signerName: 'Jean Martin', signature: SIGNATURE };

describe('applyDecision', () => {
  it('accepts the whole quote, every line, at its total', () => {
    const result = decide({ choice: 'accept_all', ...accept, bonPourAccord: true });
    expect(result).toEqual({
      ok: true,
      outcome: {
        status: 'accepted',
        channel: 'online',
        signerName: 'Jean Martin',
        reason: null,
        acceptedLineIds: [LINE_A, LINE_B, LINE_C],
        declinedLineIds: [],
        acceptedExclVatCents: sentQuote().totals.exclVatCents,
      },
    });
  });

  it('accepts two lines out of three as a partial acceptance, in the quote’s order', () => {
    const result = decide({
      choice: 'accept_lines',
      ...accept,
      bonPourAccord: true,
      acceptedLineIds: [LINE_C, LINE_A],
    });
    expect(result.ok && result.outcome).toMatchObject({
      status: 'partially_accepted',
      acceptedLineIds: [LINE_A, LINE_C],
      declinedLineIds: [LINE_B],
      acceptedExclVatCents: 9750 + 12_000,
    });
  });

  it('reads every line ticked as an acceptance of the whole quote', () => {
    const result = decide({
      choice: 'accept_lines',
      ...accept,
      bonPourAccord: true,
      acceptedLineIds: [LINE_B, LINE_C, LINE_A],
    });
    expect(result.ok && result.outcome.status).toBe('accepted');
  });

  it('refuses with the reason, no line accepted', () => {
    const result = decide({
      choice: 'refuse',
      revisionHash: HASH,
      signerName: '  Jean Martin ',
      reason: 'Trop cher',
    });
    expect(result.ok && result.outcome).toMatchObject({
      status: 'refused',
      signerName: 'Jean Martin',
      reason: 'Trop cher',
      acceptedLineIds: [],
      declinedLineIds: [LINE_A, LINE_B, LINE_C],
      acceptedExclVatCents: null,
    });
  });

  it('says no to a line of another quote', () => {
    const result = decide({
      choice: 'accept_lines',
      ...accept,
      bonPourAccord: true,
      acceptedLineIds: [LINE_A, testId(999)],
    });
    expect(!result.ok && result.refusal.code).toBe('validation_failed');
    expect(!result.ok && result.refusal.message).toBe('Ces lignes ne sont pas sur ce devis.');
  });

  it('says no to a quote already decided, a draft, or past its validity', () => {
    const input = { choice: 'accept_all', ...accept, bonPourAccord: true } as const;
    const decided = decide(input, sentQuote({ status: 'accepted' }));
    expect(!decided.ok && decided.refusal.code).toBe('invalid_transition');
    const draft = decide(input, sentQuote({ status: 'draft' }));
    expect(!draft.ok && draft.refusal.code).toBe('invalid_transition');
    const expired = decide(input, sentQuote({ validUntil: '2026-11-30' }));
    expect(!expired.ok && expired.refusal.code).toBe('validity_past');
    expect(!expired.ok && expired.refusal.message).toContain('30/11/2026');
    const lastDay = decide(input, sentQuote({ validUntil: TODAY }));
    expect(lastDay.ok).toBe(true);
  });

  it('says the quote is decided before looking at the lines named', () => {
    const result = decide(
      { choice: 'accept_lines', ...accept, bonPourAccord: true, acceptedLineIds: [testId(999)] },
      sentQuote({ status: 'partially_accepted' }),
    );
    expect(!result.ok && result.refusal.code).toBe('invalid_transition');
  });

  it('says no when the page showed another revision', () => {
    const result = decide({
      choice: 'accept_all',
      ...accept,
      revisionHash: 'b'.repeat(64),
      bonPourAccord: true,
    });
    expect(!result.ok && result.refusal.code).toBe('quote_revision_changed');
  });
});

describe('ApprovalDecisionSchema', () => {
  const parse = (input: unknown) => ApprovalDecisionSchema.safeParse(input);
  const messages = (input: unknown) => parse(input).error?.issues.map((issue) => issue.message);

  it('wants « bon pour accord » ticked, a name and a PNG signature to accept', () => {
    expect(messages({ choice: 'accept_all', ...accept, bonPourAccord: false })).toEqual([
      'Cochez « Bon pour accord » pour valider votre accord.',
    ]);
    expect(
      messages({ choice: 'accept_all', ...accept, signerName: ' ', bonPourAccord: true }),
    ).toEqual(['Saisissez votre nom et prénom.']);
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQ';
    expect(
      messages({ choice: 'accept_all', ...accept, signature: jpeg, bonPourAccord: true }),
    ).toEqual(['La signature doit être une image PNG.']);
    const notPng = 'data:image/png;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+';
    expect(
      parse({ choice: 'accept_all', ...accept, signature: notPng, bonPourAccord: true }).success,
    ).toBe(false);
  });

  it('bounds the signature’s size', () => {
    const heavy = `${SIGNATURE.slice(0, 33)}${'A'.repeat(300_000)}`;
    expect(
      messages({ choice: 'accept_all', ...accept, signature: heavy, bonPourAccord: true }),
    ).toContain('La signature est trop lourde.');
  });

  it('is strict: an unknown field, a refusal with a signature, a repeated line are refused', () => {
    expect(
      parse({ choice: 'accept_all', ...accept, bonPourAccord: true, ip: '1.2.3.4' }).success,
    ).toBe(false);
    expect(parse({ choice: 'refuse', ...accept, reason: 'Non' }).success).toBe(false);
    expect(
      messages({
        choice: 'accept_lines',
        ...accept,
        bonPourAccord: true,
        acceptedLineIds: [LINE_A, LINE_A],
      }),
    ).toEqual(['Une ligne figure deux fois.']);
    expect(
      messages({ choice: 'accept_lines', ...accept, bonPourAccord: true, acceptedLineIds: [] }),
    ).toEqual(['Cochez au moins une ligne à accepter.']);
  });

  it('wants a reason to refuse, at most 500 characters', () => {
    const refusal = { choice: 'refuse', revisionHash: HASH, signerName: 'Jean Martin' };
    expect(messages({ ...refusal, reason: '' })).toEqual(['Indiquez la raison de votre refus.']);
    expect(messages({ ...refusal, reason: 'x'.repeat(501) })).toEqual([
      '500 caractères au maximum.',
    ]);
  });

  it('names the choices in French when the choice is missing', () => {
    expect(messages({ ...accept })).toEqual([
      'Choisissez d’accepter, d’accepter en partie ou de refuser le devis.',
    ]);
  });
});

describe('canonicalDecision', () => {
  it('matches a replay whatever the order of the lines, and nothing else', () => {
    const parse = (input: ApprovalDecisionInput) => ApprovalDecisionSchema.parse(input);
    const lines = { choice: 'accept_lines', ...accept, bonPourAccord: true } as const;
    const first = canonicalDecision(parse({ ...lines, acceptedLineIds: [LINE_A, LINE_C] }));
    expect(canonicalDecision(parse({ ...lines, acceptedLineIds: [LINE_C, LINE_A] }))).toBe(first);
    expect(canonicalDecision(parse({ ...lines, acceptedLineIds: [LINE_A] }))).not.toBe(first);
    const refusal = { choice: 'refuse', revisionHash: HASH, signerName: 'Jean Martin' } as const;
    expect(canonicalDecision(parse({ ...refusal, reason: 'Trop cher' }))).not.toBe(
      canonicalDecision(parse({ ...refusal, reason: 'Plus tard' })),
    );
  });
});

describe('hashQuoteRevision', () => {
  it('is the SHA-256 of the canonical text, as Node computes it', async () => {
    const quote = sentQuote();
    const text = canonicalQuoteRevision(quote);
    expect(await hashQuoteRevision(quote)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(text).toContain('"quantityThousandths":1500');
  });

  it('ignores what the customer does not see, and moves with what they do', async () => {
    const quote = sentQuote();
    const hash = await hashQuoteRevision(quote);
    const decided = sentQuote({
      status: 'accepted',
      version: 9,
      updatedAt: '2026-12-01T00:00:00.000Z',
      decision: null,
    });
    expect(await hashQuoteRevision(decided)).toBe(hash);
    const ticked = structuredClone(quote);
    for (const line of ticked.jobs.flatMap((job) => job.lines)) line.accepted = true;
    expect(await hashQuoteRevision(ticked)).toBe(hash);
    expect(await hashQuoteRevision({ ...quote, revision: 2 })).not.toBe(hash);
    expect(await hashQuoteRevision({ ...quote, notes: 'Pneus en stock' })).not.toBe(hash);
    const cheaper = structuredClone(quote);
    (cheaper.jobs[0]?.lines[0] as { unitPriceCents: number }).unitPriceCents = 6400;
    expect(await hashQuoteRevision(cheaper)).not.toBe(hash);
  });

  it('carries no staff or record ids beyond the quote’s own jobs and lines', () => {
    const text = canonicalQuoteRevision(sentQuote());
    expect(text).not.toContain('Marie Dubois');
    expect(text).not.toContain(sentQuote().clientId);
    expect(text).not.toContain(sentQuote().id);
  });
});

describe('isWellFormedToken', () => {
  it('accepts 16 random bytes in base64url', () => {
    for (let run = 0; run < 100; run += 1) {
      expect(isWellFormedToken(randomBytes(16).toString('base64url'))).toBe(true);
    }
  });

  it('refuses padding, other lengths, base64’s + and /, and a non-canonical last character', () => {
    const token = Buffer.alloc(16, 0xfb).toString('base64url');
    expect(token).toBe('-_v7-_v7-_v7-_v7-_v7-w');
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(Buffer.alloc(16, 0xfb).toString('base64'))).toBe(false);
    expect(isWellFormedToken(`${token}==`)).toBe(false);
    expect(isWellFormedToken(token.slice(1))).toBe(false);
    expect(isWellFormedToken(Buffer.alloc(17, 1).toString('base64url'))).toBe(false);
    // Same 16 bytes, other low bits: a second spelling of the token.
    expect(isWellFormedToken(`${token.slice(0, 21)}x`)).toBe(false);
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 20)} w`)).toBe(false);
  });
});
