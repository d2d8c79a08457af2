import { describe, expect, it } from 'vitest';
import { toRepairOrderCard, toWorkshopCard } from '../schemas/repair-order';
import { buildRepairOrder, buildSignature, testId } from '../testing/records';
import { assessPromise, clockedMinutes, soldMinutes } from './at-risk';
import { missingPiecChoices, needsPiecChoice } from './piec';
import {
  availableTransitions,
  checkCheckInSignable,
  checkHandBack,
  checkRepairOrderEditable,
  checkRepairOrderTransition,
} from './transitions';
import { canonicalRepairOrder, hashRepairOrderVersion } from './version-hash';

const signed = buildRepairOrder({ signatures: [buildSignature()] });
const pendingAmendment = {
  id: testId(40),
  status: 'pending' as const,
  note: 'Disques usés',
  createdAt: '2026-11-24T10:00:00.000Z',
  createdBy: null,
  jobIds: [testId(41)],
  totalExclVatCents: 8900,
  decision: null,
};
const allTicked = { workDone: true, declinedWorkReminded: true, nextDueReminded: true };

describe('the repair order’s life', () => {
  it('goes from the counter to the workshop only once the customer signed the check-in', () => {
    expect(checkRepairOrderTransition(buildRepairOrder(), 'in_progress')?.code).toBe(
      'checkin_unsigned',
    );
    expect(checkRepairOrderTransition(signed, 'in_progress')).toBeNull();
    expect(checkRepairOrderTransition(signed, 'waiting_parts')).toBeNull();
  });

  it('moves only along its arrows, and says which move it refuses', () => {
    expect(availableTransitions('todo')).toEqual(['in_progress', 'waiting_parts']);
    const refused = checkRepairOrderTransition(signed, 'done');
    expect(refused?.code).toBe('invalid_transition');
    expect(refused?.message).toContain('« à faire » ne peut pas passer à « terminé »');
  });

  it('is never finished while extra work waits for the customer’s answer', () => {
    const working = { ...signed, status: 'in_progress' as const };
    expect(checkRepairOrderTransition(working, 'done')).toBeNull();
    const waiting = { ...working, amendments: [pendingAmendment] };
    expect(checkRepairOrderTransition(waiting, 'done')?.code).toBe('amendment_pending');
    const onHold = { ...waiting, status: 'waiting_approval' as const };
    expect(checkRepairOrderTransition(onHold, 'in_progress')?.code).toBe('amendment_pending');
    const answered = {
      ...onHold,
      amendments: [{ ...pendingAmendment, status: 'authorised' as const }],
    };
    expect(checkRepairOrderTransition(answered, 'in_progress')).toBeNull();
  });

  it('is handed back through the checklist only, then locked for good', () => {
    const done = { ...signed, status: 'done' as const };
    expect(checkRepairOrderTransition(done, 'handed_back')?.code).toBe('handback_incomplete');
    expect(checkHandBack(done, { ...allTicked, nextDueReminded: false })?.code).toBe(
      'handback_incomplete',
    );
    expect(checkHandBack({ ...signed, status: 'in_progress' }, allTicked)?.code).toBe(
      'handback_incomplete',
    );
    expect(checkHandBack(done, allTicked)).toBeNull();
    const closed = { ...done, status: 'handed_back' as const };
    expect(checkRepairOrderTransition(closed, 'in_progress')?.code).toBe('repair_order_locked');
    expect(checkRepairOrderEditable(closed)?.code).toBe('repair_order_locked');
  });

  it('keeps the work ordered as signed: after the signature, new work is an amendment', () => {
    expect(checkRepairOrderEditable(buildRepairOrder())).toBeNull();
    expect(checkRepairOrderEditable(signed)?.code).toBe('repair_order_signed');
  });
});

describe('parts from the circular economy', () => {
  const withPads = (choice: 'proposed' | 'accepted' | 'refused' | null) => {
    const order = buildRepairOrder();
    const [job] = order.jobs;
    return buildRepairOrder({
      jobs: [
        {
          ...job!,
          lines: job!.lines.map((line) =>
            line.kind === 'part'
              ? { ...line, piecCategory: 'mechanical_electronic', piecChoice: choice }
              : line,
          ),
        },
      ],
    });
  };

  it('asks the customer for a part of a listed category, not for labour or other parts', () => {
    expect(needsPiecChoice({ kind: 'part', piecCategory: 'optics' })).toBe(true);
    expect(needsPiecChoice({ kind: 'part', piecCategory: null })).toBe(false);
    expect(needsPiecChoice({ kind: 'labour', piecCategory: 'body' })).toBe(false);
  });

  it('lets the customer sign only once every such part has an answer', () => {
    for (const choice of [null, 'proposed'] as const) {
      const order = withPads(choice);
      expect(missingPiecChoices(order.jobs).map((line) => line.description)).toEqual([
        'Plaquettes de frein avant',
      ]);
      const refused = checkCheckInSignable(order);
      expect(refused?.code).toBe('piec_choice_missing');
      expect(refused?.message).toContain('Plaquettes de frein avant');
    }
    expect(checkCheckInSignable(withPads('accepted'))).toBeNull();
    expect(checkCheckInSignable(withPads('refused'))).toBeNull();
  });
});

describe('time against the promise', () => {
  const now = new Date('2026-11-24T14:00:00.000Z');
  const base = { status: 'in_progress', soldMinutes: 90, clockedMinutes: 0, now };

  it('is at risk when the work left no longer fits before the promised time, late after it', () => {
    expect(assessPromise({ ...base, promisedAt: '2026-11-24T16:00:00.000Z' })).toBe('ok');
    expect(assessPromise({ ...base, promisedAt: '2026-11-24T15:00:00.000Z' })).toBe('at_risk');
    expect(
      assessPromise({ ...base, clockedMinutes: 45, promisedAt: '2026-11-24T15:00:00.000Z' }),
    ).toBe('ok');
    expect(assessPromise({ ...base, promisedAt: '2026-11-24T13:00:00.000Z' })).toBe('late');
    expect(assessPromise({ ...base, status: 'done', promisedAt: '2026-11-24T13:00:00.000Z' })).toBe(
      'ok',
    );
    expect(assessPromise({ ...base, promisedAt: null })).toBe('none');
  });

  it('counts the labour sold in hours, and the time each technician clocked', () => {
    expect(
      soldMinutes([
        { kind: 'labour', unit: 'h', quantity: 1.5 },
        { kind: 'labour', unit: 'forfait', quantity: 1 },
        { kind: 'part', unit: 'h', quantity: 2 },
      ]),
    ).toBe(90);
    const events = [
      { technicianId: 'a', action: 'start' as const, at: '2026-11-24T09:00:00.000Z' },
      { technicianId: 'a', action: 'pause' as const, at: '2026-11-24T09:30:00.000Z' },
      { technicianId: 'b', action: 'start' as const, at: '2026-11-24T09:10:00.000Z' },
      { technicianId: 'a', action: 'start' as const, at: '2026-11-24T10:00:00.000Z' },
      { technicianId: 'a', action: 'start' as const, at: '2026-11-24T10:05:00.000Z' },
      { technicianId: 'b', action: 'stop' as const, at: '2026-11-24T09:40:00.000Z' },
    ];
    const clock = clockedMinutes(events, new Date('2026-11-24T10:20:00.000Z'));
    // a: 30 + 20 (still on); b: 30.
    expect(clock).toEqual({ minutes: 80, clockedOn: ['a'] });
  });
});

describe('what the customer signs', () => {
  it('is one canonical text of the work, whose hash changes with any price or answer', async () => {
    const order = buildRepairOrder();
    const hash = await hashRepairOrderVersion(order);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashRepairOrderVersion(structuredClone(order))).toBe(hash);
    const repriced = structuredClone(order);
    repriced.jobs[0]!.lines[0]!.unitPriceCents += 1;
    expect(await hashRepairOrderVersion(repriced)).not.toBe(hash);
    // Bookkeeping is not part of it.
    expect(
      canonicalRepairOrder({ ...order, photos: [], updatedAt: '2027-01-01T00:00:00.000Z' }),
    ).toBe(canonicalRepairOrder(order));
  });
});

describe('a card of the board', () => {
  it('counts the authorised labour only, and the amendments waiting', () => {
    const order = buildRepairOrder({ amendments: [pendingAmendment] });
    const extra = { ...order.jobs[0]!, id: testId(41), amendmentId: pendingAmendment.id };
    const card = toRepairOrderCard({ ...order, jobs: [...order.jobs, extra] });
    expect(card).toMatchObject({ soldMinutes: 90, pendingAmendments: 1 });
  });
});

describe('the wall’s workshop card', () => {
  it('shows the work and the time, never the customer nor money', () => {
    const order = buildRepairOrder({ amendments: [pendingAmendment] });
    const card = toWorkshopCard(order);
    expect(card).toEqual({
      id: order.id,
      version: order.version,
      number: 'OR-2026-00001',
      status: 'todo',
      vehiclePlate: 'AB-123-CD',
      vehicleLabel: 'Citroën C3',
      technicianName: null,
      promisedAt: order.promisedAt,
      updatedAt: order.updatedAt,
      soldMinutes: 90,
      clockedMinutes: 0,
      pendingAmendments: 1,
    });
    expect(JSON.stringify(card)).not.toMatch(/Lefèvre|Cents|client/i);
  });
});
