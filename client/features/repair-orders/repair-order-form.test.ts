import { describe, expect, it } from 'vitest';
import { buildRepairOrder } from '../../../domain/testing/records';
import {
  createRepairOrderMerge,
  formatMinutes,
  parisToInstant,
  toRepairOrderForm,
  toRepairOrderPatch,
  validateRepairOrderForm,
} from './repair-order-form';

/** The test OR with its part line made a PIEC part (optics), still unanswered. */
function piecOrder() {
  const order = buildRepairOrder();
  const job = order.jobs[0]!;
  return {
    ...order,
    jobs: [
      {
        ...job,
        lines: job.lines.map((line) =>
          line.kind === 'part'
            ? { ...line, piecCategory: 'optics' as const, piecChoice: 'proposed' as const }
            : line,
        ),
      },
    ],
  };
}

describe('the OR form', () => {
  it('reads the promise back in Paris time, and sends a typed one as UTC across DST', () => {
    const form = toRepairOrderForm(buildRepairOrder({ promisedAt: '2026-11-24T16:00:00.000Z' }));
    expect([form.promisedDate, form.promisedTime]).toEqual(['2026-11-24', '17:00']);
    expect(parisToInstant('2026-07-14', '17:30')).toBe('2026-07-14T15:30:00.000Z');
    expect(parisToInstant('2026-12-03', '17:30')).toBe('2026-12-03T16:30:00.000Z');
    // A date alone means the end of the working day.
    expect(parisToInstant('2026-12-03', '')).toBe('2026-12-03T17:00:00.000Z');
  });

  it('sends only what changed, and the whole work when a PIEC answer did', () => {
    const order = piecOrder();
    const base = toRepairOrderForm(order);
    const part = order.jobs[0]!.lines.find((line) => line.kind === 'part')!;
    expect(base[`piec.${part.id}`]).toBe('proposed');

    const mileageOnly = toRepairOrderPatch(order, base, { ...base, mileageKm: '130 000' }, 3);
    expect(mileageOnly).toEqual({ version: 3, mileageKm: 130_000 });

    const answered = toRepairOrderPatch(
      order,
      base,
      { ...base, [`piec.${part.id}`]: 'refused', fuelLevel: 'full', keysTag: ' ' },
      3,
    );
    expect(answered.fuelLevel).toBe('full');
    expect(answered.keysTag).toBeNull();
    const sent = answered.jobs?.[0]?.lines.find((line) => line.id === part.id);
    expect(sent).toMatchObject({
      piecCategory: 'optics',
      piecChoice: 'refused',
      partCondition: 'new',
    });
  });

  it('refuses a mileage that is not a whole number of km', () => {
    expect(validateRepairOrderForm({ mileageKm: '12,5' })).toHaveProperty('mileageKm');
    expect(validateRepairOrderForm({ mileageKm: '123 456' })).toEqual({});
  });

  it('merges two people answering on different fields, and names an overlap by its line', () => {
    const order = piecOrder();
    const part = order.jobs[0]!.lines.find((line) => line.kind === 'part')!;
    const merge = createRepairOrderMerge(() => order);
    const base = toRepairOrderForm(order);
    const quiet = merge(
      base,
      { ...base, keysTag: 'C7' },
      { ...base, [`piec.${part.id}`]: 'accepted' },
    );
    expect(quiet.conflicts).toEqual([]);
    expect(quiet.merged).toMatchObject({ keysTag: 'C7', [`piec.${part.id}`]: 'accepted' });
    expect(quiet.theirChanges).toEqual([`Choix PIEC « ${part.description} »`]);

    const clash = merge(
      base,
      { ...base, [`piec.${part.id}`]: 'refused' },
      { ...base, [`piec.${part.id}`]: 'accepted' },
    );
    expect(clash.conflicts).toEqual([
      {
        id: `piec.${part.id}`,
        label: `Choix PIEC « ${part.description} »`,
        mine: 'PIEC refusée (pièce neuve)',
        theirs: 'PIEC acceptée',
      },
    ]);
    expect(clash.resolve({ [`piec.${part.id}`]: 'theirs' })[`piec.${part.id}`]).toBe('accepted');
  });

  it('shows minutes as the workshop reads them', () => {
    expect(formatMinutes(45)).toBe('45\u00a0min');
    expect(formatMinutes(90)).toBe('1\u00a0h\u00a030');
    expect(formatMinutes(120)).toBe('2\u00a0h');
  });
});
