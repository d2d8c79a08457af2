/**
 * The server side of `npm run soak` (bench/soak.bench.ts), in a process of its own so that the
 * memory it reports is the server's alone, and its sockets come from another process as a real
 * deployment's do. `app`: GestionPro itself (bench-server.ts, PGlite or BENCH_DATABASE_URL);
 * `bare`: a bare Socket.IO server that emits what it is told to, the baseline. Driven over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { buildDemoClients } from '../server/demo/demo-clients';
import { startBenchServer } from './bench-server';

export type SoakCommand = { type: 'memory' } | { type: 'emit'; n: number } | { type: 'close' };
export type Memory = { rss: number; heapUsed: number; external: number };
export type SoakReply =
  | { type: 'ready'; url: string; engine: string }
  | ({ type: 'memory' } & Memory)
  | { type: 'closed' };

function reply(message: SoakReply): void {
  process.send?.(message);
}

/** After a full collection (the process runs with --expose-gc): the heap that is still live. */
function sampleMemory(): Memory {
  globalThis.gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

async function startBare(): Promise<{
  url: string;
  emit: (n: number) => void;
  close: () => Promise<void>;
}> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, transports: ['websocket'] });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  // A payload the size of a client change.
  const payload = buildDemoClients(1, 3)[0];
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    emit: (n) => io.emit('change', { seq: n, payload }),
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}

const mode = process.argv[2];
if (mode !== 'app' && mode !== 'bare') throw new Error('usage: soak-server.ts app|bare');

const server =
  mode === 'app'
    ? await startBenchServer().then((running) => ({
        url: running.url,
        engine: running.engine,
        emit: (_n: number) => undefined,
        close: running.close,
      }))
    : await startBare().then((bare) => ({ ...bare, engine: 'bare Socket.IO' }));

process.on('message', (message: SoakCommand) => {
  if (message.type === 'memory') reply({ type: 'memory', ...sampleMemory() });
  else if (message.type === 'emit') server.emit(message.n);
  else {
    void server.close().finally(() => {
      reply({ type: 'closed' });
      process.disconnect();
    });
  }
});
reply({ type: 'ready', url: server.url, engine: server.engine });
