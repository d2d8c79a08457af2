import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../domain/events';

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

/** Resolves with the first event matching `predicate`, or fails after `timeoutMs`. */
export function waitForEvent<
  E extends keyof ServerToClientEvents | 'connect' | 'connect_error' | 'disconnect',
>(
  socket: TestSocket,
  event: E,
  predicate: (...args: any[]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event as never, listener as never);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${String(event)}"`));
    }, timeoutMs);
    function listener(...args: any[]) {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      socket.off(event as never, listener as never);
      resolve(args);
    }
    socket.on(event as never, listener as never);
  });
}
