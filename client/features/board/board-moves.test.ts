import { describe, expect, it } from 'vitest';
import type { RepairOrderCard } from '../../../domain/schemas/repair-order';
import { cardRisk, compareInColumn, dropTargets, neighbourTarget } from './board-moves';

function card(overrides: Partial<RepairOrderCard> = {}): RepairOrderCard {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    version: 1,
    number: 'OR-2026-00001',
    status: 'todo',
    clientId: '00000000-0000-4000-8000-000000000002',
    clientName: 'Mme Test',
    vehicleId: '00000000-0000-4000-8000-000000000003',
    vehiclePlate: 'AB-123-CD',
    vehicleLabel: 'Renault Clio',
    technicianId: null,
    technicianName: null,
    promisedAt: null,
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    soldMinutes: 90,
    clockedMinutes: 0,
    pendingAmendments: 0,
    ...overrides,
  };
}

describe('the board’s moves', () => {
  it('offers as drop targets only the moves the domain allows, never the hand-back', () => {
    expect(dropTargets('todo')).toEqual(['in_progress', 'waiting_parts']);
    expect(dropTargets('done')).toEqual(['in_progress']);
    expect(dropTargets('waiting_parts')).toEqual(['todo', 'in_progress']);
    expect(dropTargets('handed_back')).toEqual([]);
  });

  it('moves with the keyboard to the nearest allowed column on either side', () => {
    expect(neighbourTarget('todo', 1)).toBe('in_progress');
    expect(neighbourTarget('todo', -1)).toBeNull();
    expect(neighbourTarget('waiting_parts', -1)).toBe('in_progress');
    expect(neighbourTarget('waiting_parts', 1)).toBeNull();
    expect(neighbourTarget('in_progress', 1)).toBe('waiting_parts');
    expect(neighbourTarget('waiting_approval', 1)).toBeNull();
  });

  it('puts the nearest promise first and cards without one last', () => {
    const early = card({ id: 'a', promisedAt: '2026-11-24T10:00:00.000Z' });
    const late = card({ id: 'b', promisedAt: '2026-11-24T16:00:00.000Z' });
    const none = card({ id: 'c' });
    expect([none, late, early].sort(compareInColumn).map((each) => each.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('marks a promise at risk when the work left no longer fits, late once passed', () => {
    const now = new Date('2026-11-24T09:00:00.000Z');
    const inAnHour = '2026-11-24T10:00:00.000Z';
    expect(cardRisk(card({ promisedAt: inAnHour, soldMinutes: 90 }), now)).toBe('at_risk');
    expect(cardRisk(card({ promisedAt: inAnHour, soldMinutes: 90, clockedMinutes: 45 }), now)).toBe(
      'ok',
    );
    expect(cardRisk(card({ promisedAt: '2026-11-24T08:30:00.000Z' }), now)).toBe('late');
    expect(cardRisk(card(), now)).toBe('none');
  });
});
