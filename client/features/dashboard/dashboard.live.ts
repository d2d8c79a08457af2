import type { Socket } from 'socket.io-client';
import { createSignal, onCleanup } from 'solid-js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../domain/events';
import type { Dashboard } from '../../../domain/schemas/dashboard';
import { get } from '../../lib/api';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The dashboard snapshot, live: fetched once, then replaced by each `dashboard` event the server
 * pushes after a burst of changes. Rooms are per connection, so the watch is renewed (and the
 * snapshot refetched) after every reconnect.
 */
export function createLiveDashboard(socket: LiveSocket) {
  const [snapshot, setSnapshot] = createSignal<Dashboard | null>(null);
  const [error, setError] = createSignal<unknown>(null);

  async function refresh() {
    try {
      setSnapshot(await get<Dashboard>('/dashboard'));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }
  const watch = () => {
    socket.emit('dashboard:watch');
    void refresh();
  };
  const onSnapshot = (next: Dashboard) => setSnapshot(next);

  socket.on('dashboard', onSnapshot);
  socket.on('connect', watch);
  if (socket.connected) watch();
  else void refresh();
  onCleanup(() => {
    socket.off('dashboard', onSnapshot);
    socket.off('connect', watch);
    socket.emit('dashboard:unwatch');
  });
  return { snapshot, error, refresh };
}
