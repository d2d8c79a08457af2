/**
 * The other boards of bench/workshop.bench.ts, in a process of their own (as other counters'
 * browsers would be): N Socket.IO clients, each a signed-in session, timing every `change` it
 * receives on the machine's clock. Driven over IPC by the bench.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

type Command =
  | { type: 'connect'; url: string; cookies: string[] }
  | { type: 'collect' }
  | { type: 'close' };

/** A payload's key: the app's change (`id:version`) or the baseline's message (`n`). */
function keyOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  if ('n' in payload) return String(payload.n);
  if ('id' in payload && 'data' in payload) {
    const data = payload.data;
    const version =
      typeof data === 'object' && data !== null && 'version' in data ? data.version : '?';
    return `${String(payload.id)}:${String(version)}`;
  }
  return null;
}

/** An instant the parent process can compare with its own: epoch milliseconds, sub-ms. */
const now = () => performance.timeOrigin + performance.now();

let sockets: Socket[] = [];
let arrivals: Array<[number, string, number]> = [];

function send(message: unknown) {
  process.send?.(message);
}

process.on('message', async (command: Command) => {
  if (command.type === 'connect') {
    for (const socket of sockets) socket.close();
    arrivals = [];
    sockets = await Promise.all(
      command.cookies.map(
        (cookie, index) =>
          new Promise<Socket>((resolve, reject) => {
            const socket = io(command.url, {
              transports: ['websocket'],
              forceNew: true,
              reconnection: false,
              extraHeaders: cookie ? { cookie } : {},
            });
            socket.on('change', (payload: unknown) => {
              const key = keyOf(payload);
              if (key) arrivals.push([index, key, now()]);
            });
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
    send({ type: 'ready' });
  } else if (command.type === 'collect') {
    send({ type: 'arrivals', arrivals });
    arrivals = [];
  } else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
send({ type: 'started' });
