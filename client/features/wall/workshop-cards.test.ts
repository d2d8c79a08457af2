import { describe, expect, it } from 'vitest';
import type { WorkshopCard } from '../../../domain/schemas/repair-order';
import { adoptRead, cardsOfDay, upsertCard } from './workshop-cards';

function card(id: string, version: number, overrides: Partial<WorkshopCard> = {}): WorkshopCard {
  return {
    id,
    version,
    number: `OR-2026-0000${id}`,
    status: 'todo',
    vehiclePlate: 'AB-123-CD',
    vehicleLabel: 'Renault Clio',
    technicianName: null,
    promisedAt: null,
    updatedAt: '2026-11-24T08:00:00.000Z',
    soldMinutes: 90,
    clockedMinutes: 0,
    pendingAmendments: 0,
    ...overrides,
  };
}

describe('the wall’s workshop cards', () => {
  it('adds a new card, replaces an older version, never goes back to an older one', () => {
    const cards = upsertCard([], card('1', 2));
    expect(upsertCard(cards, card('2', 1)).map((each) => each.id)).toEqual(['1', '2']);
    expect(upsertCard(cards, card('1', 3, { status: 'in_progress' }))[0]?.status).toBe(
      'in_progress',
    );
    expect(upsertCard(cards, card('1', 1, { status: 'done' }))[0]?.version).toBe(2);
  });

  it('takes a read after a reconnect, keeping a card pushed meanwhile that is newer', () => {
    const shown = [card('1', 5, { status: 'waiting_parts' }), card('3', 1)];
    const read = adoptRead(shown, [card('1', 4), card('2', 1)]);
    expect(read.map((each) => [each.id, each.version])).toEqual([
      ['1', 5],
      ['2', 1],
    ]);
  });

  it('keeps today’s handed-back cards and drops those of an earlier day', () => {
    const cards = [
      card('1', 1, { status: 'handed_back', updatedAt: '2026-11-24T16:00:00.000Z' }),
      card('2', 1, { status: 'handed_back', updatedAt: '2026-11-23T16:00:00.000Z' }),
      card('3', 1),
    ];
    expect(cardsOfDay(cards, '2026-11-24').map((each) => each.id)).toEqual(['1', '3']);
  });
});
