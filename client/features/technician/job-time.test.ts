import { describe, expect, it } from 'vitest';
import { buildRepairOrder, buildSignature, testId } from '../../../domain/testing/records';
import { clockBlockedReason, clockedMinutesNow, formatMinutes } from './job-time';

const ME = { id: testId(4), name: 'Marie Dubois' };
const OTHER = { id: testId(5), name: 'Karim Haddad' };
const RECEIVED = Date.parse('2026-11-24T09:00:00.000Z');

describe('the time a job has taken, as the technician page shows it', () => {
  it('is the server’s figure while nobody is clocked on, however long ago it answered', () => {
    const job = { clockedMinutes: 42, clockedOn: [] };
    expect(clockedMinutesNow(job, RECEIVED, RECEIVED + 3 * 3_600_000)).toBe(42);
  });

  it('runs on from the answer for each technician clocked on', () => {
    expect(
      clockedMinutesNow({ clockedMinutes: 42, clockedOn: [ME] }, RECEIVED, RECEIVED + 600_000),
    ).toBe(52);
    expect(
      clockedMinutesNow(
        { clockedMinutes: 42, clockedOn: [ME, OTHER] },
        RECEIVED,
        RECEIVED + 600_000,
      ),
    ).toBe(62);
  });

  it('reads in minutes under an hour and in hours and minutes above', () => {
    expect(formatMinutes(35)).toBe('35 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(65)).toBe('1 h 05');
    expect(formatMinutes(-3)).toBe('0 min');
  });
});

describe('when a technician may not clock on a job', () => {
  const signed = [buildSignature({ kind: 'check_in' })];

  it('waits for the customer’s signature of the check-in', () => {
    const order = buildRepairOrder();
    expect(clockBlockedReason(order, order.jobs[0]!)).toMatch(/signature du client/);
  });

  it('lets the work ordered go once the check-in is signed', () => {
    const order = buildRepairOrder({ signatures: signed });
    expect(clockBlockedReason(order, order.jobs[0]!)).toBeNull();
  });

  it('keeps an amendment’s work waiting until it is authorised, and says when it was refused', () => {
    const amendmentId = testId(40);
    const base = buildRepairOrder({ signatures: signed });
    const job = { ...base.jobs[0]!, id: testId(41), amendmentId };
    const amendment = {
      id: amendmentId,
      status: 'pending' as const,
      note: null,
      createdAt: base.createdAt,
      createdBy: null,
      jobIds: [job.id],
      totalExclVatCents: job.totalExclVatCents,
      decision: null,
    };
    expect(clockBlockedReason({ ...base, amendments: [amendment] }, job)).toBe(
      'En attente d’accord du client',
    );
    expect(
      clockBlockedReason({ ...base, amendments: [{ ...amendment, status: 'refused' }] }, job),
    ).toBe('Refusé par le client');
    expect(
      clockBlockedReason({ ...base, amendments: [{ ...amendment, status: 'authorised' }] }, job),
    ).toBeNull();
  });

  it('is never possible once the car is handed back', () => {
    const order = buildRepairOrder({ signatures: signed, status: 'handed_back' });
    expect(clockBlockedReason(order, order.jobs[0]!)).toBe('Véhicule restitué');
  });
});
