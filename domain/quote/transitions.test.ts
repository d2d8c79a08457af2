import { describe, expect, it } from 'vitest';
import { readDetails } from '../refusals';
import { QUOTE_STATUSES } from '../schemas/quote';
import { buildJob, buildQuote } from '../testing/records';
import { availableTransitions, checkEditable, checkTransition } from './transitions';

const TODAY = '2026-11-24';

describe('the quote’s life', () => {
  it('lets a draft only be sent, and a sent quote be decided, revised or expired', () => {
    expect(availableTransitions('draft')).toEqual(['sent']);
    expect(availableTransitions('sent')).toEqual([
      'draft',
      'accepted',
      'partially_accepted',
      'refused',
      'expired',
    ]);
    expect(availableTransitions('accepted')).toEqual([]);
    expect(availableTransitions('refused')).toEqual(['draft']);
  });

  it('refuses every move its status does not allow with invalid_transition, from and to', () => {
    for (const from of QUOTE_STATUSES) {
      for (const to of QUOTE_STATUSES.filter((to) => !availableTransitions(from).includes(to))) {
        const refusal = checkTransition(buildQuote({ status: from }), to, TODAY);
        expect(refusal?.code).toBe('invalid_transition');
        expect(readDetails(refusal, 'invalid_transition')).toEqual({ from, to });
      }
    }
  });

  it('refuses to send a quote without a line, then one past its validity date', () => {
    const empty = buildQuote({ jobs: [buildJob({ lines: [] })] });
    expect(checkTransition(empty, 'sent', TODAY)?.code).toBe('empty_quote');
    const past = buildQuote({ validUntil: '2026-11-23' });
    const refusal = checkTransition(past, 'sent', TODAY);
    expect(readDetails(refusal, 'validity_past')).toEqual({ validUntil: '2026-11-23' });
    expect(checkTransition(buildQuote({ validUntil: TODAY }), 'sent', TODAY)).toBeNull();
  });

  it('expires a sent quote only once its last day is over, saying until when it is valid', () => {
    const sent = buildQuote({ status: 'sent', validUntil: TODAY });
    const refusal = checkTransition(sent, 'expired', TODAY);
    expect(refusal?.message).toBe('Ce devis est valable jusqu’au 24/11/2026.');
    expect(readDetails(refusal, 'not_yet_expired')).toEqual({ validUntil: TODAY });
    expect(checkTransition(sent, 'expired', '2026-11-25')).toBeNull();
  });

  it('edits only a draft, refusing the others with quote_locked and the quote as it is', () => {
    expect(checkEditable(buildQuote())).toBeNull();
    const sent = buildQuote({ status: 'sent', number: 'DEV-2026-00042' });
    const refusal = checkEditable(sent);
    expect(refusal?.message).toBe('Ce devis est envoyé : révisez-le pour le modifier.');
    expect(readDetails(refusal, 'quote_locked')).toEqual({ current: sent });
  });
});
