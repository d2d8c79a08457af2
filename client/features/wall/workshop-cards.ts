import { toParisDate } from '../../../domain/dates';
import type { WorkshopCard } from '../../../domain/schemas/repair-order';

/**
 * The wall's cards, pure: a pushed card never replaces a newer version of itself, and a read
 * keeps the cards pushed while it was on its way when they are newer than what it brings.
 */
export function upsertCard(cards: readonly WorkshopCard[], card: WorkshopCard): WorkshopCard[] {
  const index = cards.findIndex((each) => each.id === card.id);
  if (index < 0) return [...cards, card];
  if (cards[index]!.version > card.version) return [...cards];
  return cards.map((each, at) => (at === index ? card : each));
}

export function adoptRead(
  cards: readonly WorkshopCard[],
  read: readonly WorkshopCard[],
): WorkshopCard[] {
  const pushed = new Map(cards.map((card) => [card.id, card]));
  return read.map((card) => {
    const known = pushed.get(card.id);
    return known && known.version > card.version ? known : card;
  });
}

/** The cards of a Paris day: one handed back on an earlier day drops off at midnight. */
export function cardsOfDay(cards: readonly WorkshopCard[], day: string): WorkshopCard[] {
  return cards.filter(
    (card) => card.status !== 'handed_back' || toParisDate(card.updatedAt) === day,
  );
}
