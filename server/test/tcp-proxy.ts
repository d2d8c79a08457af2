import net from 'node:net';

/**
 * A TCP proxy on loopback in front of a real server, for the fault tests: what a flaky network,
 * a failover or a restart does to a connection, without touching the server itself.
 *
 * - `pass`: bytes flow both ways.
 * - `resetAll()`: every open connection is reset (RST) on both sides at once.
 * - `blackHole()`: connections are accepted but nothing is forwarded either way. What is sent
 *   meanwhile is held, as a sender's kernel holds unacknowledged bytes during a partition and
 *   retransmits them when it heals: `pass()` delivers it late. A side that closes gracefully
 *   (FIN) still has its held bytes delivered first; a side that resets (RST) loses them, and the
 *   other side learns of the reset when the hole heals.
 * - `blackHoleOn(predicate)`: the same, from the first client chunk that matches.
 * - `refuse()`: nothing listens: new connections are refused (ECONNREFUSED).
 * - `restart(refuseMs)`: a PostgreSQL restart: every connection dropped, refused for a while,
 *   then `pass` again.
 */
export type TcpProxy = {
  readonly port: number;
  readonly mode: ProxyMode;
  /** Connections currently open through the proxy. */
  readonly openConnections: number;
  /**
   * Requests (`track.request`) delivered to the server whose reply (`track.reply`) never reached
   * the client before their connection ended: their outcome is unknown to the client.
   */
  readonly unanswered: number;
  pass: () => Promise<void>;
  resetAll: () => void;
  blackHole: () => void;
  /**
   * A black hole that opens on the first chunk a client sends matching `predicate`, before it is
   * forwarded (it is held): resolves once it has opened.
   */
  blackHoleOn: (predicate: (chunk: Buffer) => boolean) => Promise<void>;
  refuse: () => Promise<void>;
  restart: (refuseMs: number) => Promise<void>;
  close: () => Promise<void>;
};

export type ProxyMode = 'pass' | 'black-hole' | 'refuse';

type Side = {
  socket: net.Socket;
  /** Bytes this side sent that the other has not received yet (held by a black hole). */
  held: Buffer[];
  /** It closed gracefully: end the other side once the held bytes are delivered. */
  isEnded: boolean;
  /** It reset: the other side is reset when it can hear of it. */
  isReset: boolean;
};

type Pair = { client: Side; upstream: Side | null; isOpen: boolean; awaitingReply: number };

/** A request and its reply, found in the chunks that pass (small messages: one chunk each). */
export type TrackedExchange = { request: Buffer; reply: Buffer };

export async function startTcpProxy(
  target: { host: string; port: number },
  track?: TrackedExchange,
): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass';
  const pairs = new Set<Pair>();
  let listener: net.Server | null = null;
  let port = 0;
  let trigger: { predicate: (chunk: Buffer) => boolean; opened: () => void } | null = null;
  let unanswered = 0;

  function newSide(socket: net.Socket): Side {
    return { socket, held: [], isEnded: false, isReset: false };
  }

  function end(pair: Pair): void {
    if (!pair.isOpen) return;
    pair.isOpen = false;
    pairs.delete(pair);
    unanswered += pair.awaitingReply;
  }

  function drop(pair: Pair): void {
    if (!pair.isOpen) return;
    end(pair);
    for (const side of [pair.client, pair.upstream]) {
      if (side && !side.socket.destroyed) side.socket.resetAndDestroy();
    }
  }

  /** Delivers what `from` sent to `to`, unless a black hole holds it. */
  function flow(pair: Pair, from: Side, to: Side | null): void {
    if (mode === 'black-hole' || !pair.isOpen) return;
    if (from.isReset) {
      drop(pair);
      return;
    }
    if (!to || to.socket.connecting || to.socket.destroyed) return;
    for (const chunk of from.held.splice(0)) {
      if (track && from === pair.client && chunk.includes(track.request)) pair.awaitingReply += 1;
      if (track && from !== pair.client && chunk.includes(track.reply)) {
        pair.awaitingReply = Math.max(0, pair.awaitingReply - 1);
      }
      to.socket.write(chunk);
    }
    if (from.isEnded && !to.socket.writableEnded) to.socket.end();
  }

  function flush(pair: Pair): void {
    if (!pair.upstream) connectUpstream(pair);
    flow(pair, pair.client, pair.upstream);
    if (pair.upstream) flow(pair, pair.upstream, pair.client);
  }

  function wire(pair: Pair, side: Side, other: () => Side | null): void {
    side.socket.on('data', (chunk: Buffer) => {
      if (trigger && side === pair.client && trigger.predicate(chunk)) {
        mode = 'black-hole';
        trigger.opened();
        trigger = null;
      }
      side.held.push(chunk);
      flow(pair, side, other());
    });
    side.socket.on('end', () => {
      side.isEnded = true;
      flow(pair, side, other());
    });
    side.socket.on('error', () => {
      side.isReset = true;
      // Held bytes were the sender's: a reset discards them.
      side.held.length = 0;
      flow(pair, side, other());
    });
    side.socket.on('close', () => {
      const { client, upstream } = pair;
      if (client.socket.destroyed && (!upstream || upstream.socket.destroyed)) end(pair);
    });
  }

  function connectUpstream(pair: Pair): void {
    const socket = net.connect({ ...target, allowHalfOpen: true });
    const upstream = newSide(socket);
    pair.upstream = upstream;
    wire(pair, upstream, () => pair.client);
    socket.once('connect', () => flush(pair));
  }

  function accept(socket: net.Socket): void {
    const pair: Pair = { client: newSide(socket), upstream: null, isOpen: true, awaitingReply: 0 };
    pairs.add(pair);
    wire(pair, pair.client, () => pair.upstream);
    // In a black hole the connection is accepted but goes nowhere until it heals.
    if (mode !== 'black-hole') connectUpstream(pair);
  }

  async function listen(): Promise<void> {
    const server = net.createServer({ allowHalfOpen: true }, accept);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as net.AddressInfo).port;
    listener = server;
  }

  function stopListening(): void {
    listener?.close();
    listener = null;
  }

  function resetAll(): void {
    for (const pair of [...pairs]) drop(pair);
  }

  const proxy: TcpProxy = {
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    get openConnections() {
      return pairs.size;
    },
    get unanswered() {
      return unanswered;
    },
    async pass() {
      mode = 'pass';
      trigger = null;
      if (!listener) await listen();
      for (const pair of [...pairs]) flush(pair);
    },
    resetAll,
    blackHole() {
      mode = 'black-hole';
    },
    blackHoleOn(predicate) {
      return new Promise<void>((opened) => {
        trigger = { predicate, opened };
      });
    },
    async refuse() {
      mode = 'refuse';
      stopListening();
    },
    async restart(refuseMs) {
      await proxy.refuse();
      resetAll();
      await new Promise((resolve) => setTimeout(resolve, refuseMs));
      await proxy.pass();
    },
    async close() {
      stopListening();
      resetAll();
    },
  };
  await listen();
  return proxy;
}
