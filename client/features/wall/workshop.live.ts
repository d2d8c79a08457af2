import { query } from '@solidjs/router';
import type { Socket } from 'socket.io-client';
import { createSignal, onCleanup } from 'solid-js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../domain/events';
import type { WorkshopCard } from '../../../domain/schemas/repair-order';
import { getWorkshop } from '../repair-orders/repair-orders.api';
import { adoptRead, cardsOfDay, upsertCard } from './workshop-cards';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Today's workshop cards, live: `GET /workshop` once, then each `workshop` card the server
 * pushes (a card never goes back to an older version). Cards carry no seq, so what was pushed
 * while the socket was down is caught up by reading the board again on every reconnect
 * (decision 0016). A failed read keeps what is shown: the wall tries again on the next connect.
 */
export function createLiveWorkshop(socket: LiveSocket) {
  const [cards, setCards] = createSignal<WorkshopCard[]>([]);
  const [isLoaded, setLoaded] = createSignal(false);

  const upsert = (card: WorkshopCard) => setCards((current) => upsertCard(current, card));

  async function load() {
    // Always from the server: the wall gets no `change` to drop the router's cached answer.
    query.delete(getWorkshop.keyFor());
    try {
      const { items } = await getWorkshop();
      setCards((current) => adoptRead(current, items));
      setLoaded(true);
    } catch (error) {
      console.warn('Tableau de l’atelier non relu', error);
    }
  }

  const onConnect = () => void load();
  socket.on('workshop', upsert);
  socket.on('connect', onConnect);
  void load();
  onCleanup(() => {
    socket.off('workshop', upsert);
    socket.off('connect', onConnect);
  });

  return {
    /** The day's cards: handed back on an earlier day drops off at midnight. */
    cardsOf: (day: string) => cardsOfDay(cards(), day),
    isLoaded,
    reload: load,
  };
}
