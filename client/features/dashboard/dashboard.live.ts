import { query } from '@solidjs/router';
import type { Socket } from 'socket.io-client';
import { createSignal, onCleanup } from 'solid-js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../domain/events';
import type { Dashboard } from '../../../domain/schemas/dashboard';
import { api, call } from '../../lib/api';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The snapshot as `GET /dashboard` serves it (the route's preload reads it first). */
export const getDashboard = query(() => call(api.dashboard.$get()), 'dashboard');

/**
 * The dashboard snapshot, live: read once, then replaced by each `dashboard` event the server
 * pushes after a burst of changes (the router's cache takes it too, so Back shows it). Rooms are
 * per connection, so the watch is renewed and the snapshot read again after every reconnect:
 * what was pushed meanwhile was missed.
 */
export function createLiveDashboard(socket: LiveSocket) {
  const [snapshot, setSnapshot] = createSignal<Dashboard | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  /** A read that was on its way while a newer snapshot was pushed does not replace it. */
  function adopt(next: Dashboard) {
    const current = snapshot();
    if (!current || current.generatedAt <= next.generatedAt) setSnapshot(next);
  }

  async function load(isFresh: boolean) {
    // A fresh read skips the cached answer (the preload's, or an older visit's).
    if (isFresh) query.delete(getDashboard.keyFor());
    try {
      adopt(await getDashboard());
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }
  const onSnapshot = (next: Dashboard) => {
    query.set(getDashboard.keyFor(), next);
    adopt(next);
    setError(null);
  };
  const watch = () => {
    socket.emit('dashboard:watch');
    void load(true);
  };

  socket.on('dashboard', onSnapshot);
  socket.on('connect', watch);
  if (socket.connected) socket.emit('dashboard:watch');
  void load(false);
  onCleanup(() => {
    socket.off('dashboard', onSnapshot);
    socket.off('connect', watch);
    socket.emit('dashboard:unwatch');
  });
  return { snapshot, error, refresh: () => load(true) };
}
