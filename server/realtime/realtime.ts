import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import { Server } from 'socket.io';
import {
  type ClientToServerEvents,
  type PresenceEntry,
  PresenceViewPayloadSchema,
  ROOMS,
  type ServerToClientEvents,
  type SocketData,
} from '../../domain/events';
import { toFeedChange } from '../../domain/feed';
import type { Change } from '../../domain/schemas/change';
import type { Dashboard } from '../../domain/schemas/dashboard';
import { toWorkshopCard } from '../../domain/schemas/repair-order';
import type { Actor, RealtimePort } from '../deps';
import { readSessionToken } from '../http/session';
import type { Logger } from '../logger';

export type TypedServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

type Hooks = {
  authenticate: (token: string) => Promise<Actor | null>;
  lastSeq: () => Promise<number>;
  /** After each published batch: the dashboard decides whether to recompute. */
  onPublished: () => void;
};

/** Presence goes out at most this often, however many sockets come and go at once. */
const PRESENCE_DEBOUNCE_MS = 50;

/** The one place that emits: changes after commit, presence, and session ends. */
export function createRealtime(log: Logger) {
  const io: TypedServer = new Server({ serveClient: false, transports: ['websocket', 'polling'] });
  let presenceTimer: NodeJS.Timeout | null = null;
  let onPublished: () => void = () => undefined;

  async function broadcastPresence(): Promise<void> {
    presenceTimer = null;
    const sockets = await io.fetchSockets();
    const byStaff = new Map<string, PresenceEntry>();
    for (const { data } of sockets) {
      if (!data.staffId) continue;
      const entry = byStaff.get(data.staffId) ?? {
        staffId: data.staffId,
        name: data.name,
        role: data.role,
        connections: 0,
        views: [],
      };
      entry.connections += 1;
      if (data.view) entry.views.push(data.view);
      byStaff.set(data.staffId, entry);
    }
    const entries = [...byStaff.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    io.emit('presence', entries);
  }

  function schedulePresence(): void {
    presenceTimer ??= setTimeout(() => {
      broadcastPresence().catch((error) => log.warn(`presence: ${String(error)}`));
    }, PRESENCE_DEBOUNCE_MS);
  }

  const port: RealtimePort = {
    publish(changes: Change[]) {
      for (const change of changes) {
        io.to([ROOMS.role('admin'), ROOMS.role('staff')]).emit('change', change);
        io.to(ROOMS.role('display')).emit('feed', toFeedChange(change));
        // The wall's workshop mode: the OR's card without customer or money (decision 0016).
        if (change.entity === 'repair_order') {
          io.to(ROOMS.role('display')).emit('workshop', toWorkshopCard(change.data));
        }
      }
      onPublished();
    },
    endSessions(target) {
      const room =
        'staffId' in target ? ROOMS.staff(target.staffId) : ROOMS.session(target.sessionId);
      io.in(room).disconnectSockets(true);
      schedulePresence();
    },
  };

  function emitDashboard(snapshot: Dashboard): void {
    io.to(ROOMS.dashboard).emit('dashboard', snapshot);
  }

  /** Across every instance (through the adapter): a wall on another instance counts too. */
  async function hasDashboardWatchers(): Promise<boolean> {
    if ((io.sockets.adapter.rooms.get(ROOMS.dashboard)?.size ?? 0) > 0) return true;
    return (await io.in(ROOMS.dashboard).fetchSockets()).length > 0;
  }

  function attach(server: HttpServer, hooks: Hooks, pool: pg.Pool | null): void {
    onPublished = hooks.onPublished;
    // With MULTI_INSTANCE, instances on one PostgreSQL share broadcasts, rooms and fetchSockets
    // through LISTEN/NOTIFY; a single instance (or PGlite) keeps the in-memory adapter.
    if (pool) io.adapter(createAdapter(pool, { tableName: 'socket_io_attachments' }));
    io.attach(server, {
      // Cross-site WebSocket hijacking: only pages served from this host may connect.
      allowRequest: (request, callback) => {
        const origin = request.headers.origin;
        if (!origin) return callback(null, true);
        try {
          callback(null, new URL(origin).host === request.headers.host);
        } catch {
          callback(null, false);
        }
      },
    });

    io.use(async (socket, next) => {
      try {
        const token = readSessionToken(socket.handshake.headers.cookie);
        const actor = token ? await hooks.authenticate(token) : null;
        if (!actor) return next(new Error('unauthenticated'));
        socket.data = {
          staffId: actor.id,
          name: actor.name,
          role: actor.role,
          sessionId: actor.sessionId,
          view: null,
        };
        next();
      } catch (error) {
        log.warn(`socket handshake: ${String(error)}`);
        next(new Error('unavailable'));
      }
    });

    io.on('connection', async (socket) => {
      socket.join([
        ROOMS.role(socket.data.role),
        ROOMS.staff(socket.data.staffId),
        ROOMS.session(socket.data.sessionId),
        // The wall screen shows nothing but the dashboard and the feed.
        ...(socket.data.role === 'display' ? [ROOMS.dashboard] : []),
      ]);
      socket.on('presence:view', (payload) => {
        const view = PresenceViewPayloadSchema.safeParse(payload);
        if (!view.success) return;
        socket.data.view = view.data;
        schedulePresence();
      });
      socket.on('dashboard:watch', (ack) => {
        socket.join(ROOMS.dashboard);
        if (typeof ack === 'function') ack();
      });
      socket.on('dashboard:unwatch', () => socket.leave(ROOMS.dashboard));
      socket.on('presence:leave', () => {
        socket.data.view = null;
        schedulePresence();
      });
      socket.on('disconnect', schedulePresence);
      schedulePresence();
      try {
        socket.emit('hello', { lastSeq: await hooks.lastSeq(), socketId: socket.id });
      } catch (error) {
        log.warn(`socket hello: ${String(error)}`);
      }
    });
  }

  async function close(): Promise<void> {
    if (presenceTimer) clearTimeout(presenceTimer);
    presenceTimer = null;
    await new Promise<void>((resolve) => io.close(() => resolve()));
  }

  return { io, port, attach, close, emitDashboard, hasDashboardWatchers };
}
