import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../domain/events';
import type { Change, ChangeOf, Entity } from '../../domain/schemas/change';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectSocket(
  url: string,
  cookie: string | null,
  options: { reconnection?: boolean; headers?: Record<string, string> } = {},
): TestSocket {
  return io(url, {
    transports: ['websocket'],
    extraHeaders: { ...options.headers, ...(cookie ? { cookie } : {}) },
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    forceNew: true,
  });
}

/** The server's events, and the socket's own (Socket.IO's reserved events). */
type SocketEvents = ServerToClientEvents & {
  connect: () => void;
  connect_error: (error: Error) => void;
  disconnect: (reason: Socket.DisconnectReason) => void;
};
type EventName = keyof SocketEvents;
type EventArgs<E extends EventName> = Parameters<SocketEvents[E]>;

/** Resolves with the first event matching `predicate`, or fails after `timeoutMs`. */
export function waitForEvent<E extends EventName>(
  socket: TestSocket,
  event: E,
  predicate: (...args: EventArgs<E>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<EventArgs<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event as never, listener as never);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${String(event)}"`));
    }, timeoutMs);
    function listener(...args: EventArgs<E>) {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      socket.off(event as never, listener as never);
      resolve(args);
    }
    socket.on(event as never, listener as never);
  });
}

export function isChangeOf<E extends Entity>(change: Change, entity: E): change is ChangeOf<E> {
  return change.entity === entity;
}

/** The first `change` of that entity matching `predicate`, its `data` typed by the entity. */
export async function waitForChange<E extends Entity>(
  socket: TestSocket,
  entity: E,
  predicate: (change: ChangeOf<E>) => boolean = () => true,
  timeoutMs?: number,
): Promise<ChangeOf<E>> {
  const [change] = await waitForEvent(
    socket,
    'change',
    (change) => isChangeOf(change, entity) && predicate(change),
    timeoutMs,
  );
  if (!isChangeOf(change, entity)) throw new Error(`expected a ${entity} change`);
  return change;
}

/**
 * Every event of that kind the socket receives from now on, to check afterwards that none (or
 * only some) came. Deterministic only against a later event the server sends on the same socket
 * after the one that must not come: events on one socket arrive in the order they were sent.
 */
export function recordEvents<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
): EventArgs<E>[] {
  const received: EventArgs<E>[] = [];
  const listener = (...args: EventArgs<E>) => {
    received.push(args);
  };
  socket.on(event as never, listener as never);
  return received;
}
