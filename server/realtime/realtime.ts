import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import { Server } from 'socket.io';
import { canRead, READERS } from '../../domain/access';
import { viewDashboard } from '../../domain/dashboard-view';
import {
  type ClientToServerEvents,
  type PresenceEntry,
  PresenceViewPayloadSchema,
  ROOMS,
  type ServerToClientEvents,
  type SocketData,
} from '../../domain/events';
import { viewChange } from '../../domain/feed';
import type { Change } from '../../domain/schemas/change';
import type { Dashboard } from '../../domain/schemas/dashboard';
import { toWorkshopCard } from '../../domain/schemas/repair-order';
import { ROLES } from '../../domain/schemas/staff';
import type { Actor, RealtimePort } from '../deps';
import { readSessionToken } from '../http/session';
import type { Logger } from '../logger';
import { createAdapterPool } from './adapter-pool';

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
  let adapterPool: ReturnType<typeof createAdapterPool> | null = null;

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
    // Who edits what is for the counter: the wall shows the feed and the dashboard, nothing else.
    io.to(READERS.map(ROOMS.role)).emit('presence', entries);
  }

  function schedulePresence(): void {
    presenceTimer ??= setTimeout(() => {
      broadcastPresence().catch((error) => log.warn(`presence: ${String(error)}`));
    }, PRESENCE_DEBOUNCE_MS);
  }

  const port: RealtimePort = {
    publish(changes: Change[]) {
      // Each role's room gets one event per change, cut by `viewChange` as `GET /changes` and
      // `GET /feed` cut it: every seq arrives, so a gap still means something was missed.
      for (const change of changes) {
        for (const role of ROLES) {
          const view = viewChange(change, role);
          const room = io.to(ROOMS.role(role));
          if (view.sight === 'record') room.emit('change', view.change);
          else if (view.sight === 'label') room.emit('feed', view.entry);
          else room.emit('skip', view.skipped);
        }
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

  /**
   * Each role's watchers get the snapshot cut for it (no money for the wall): every socket is
   * in exactly one role room, so the dashboard room less the other roles' rooms is that role's.
   */
  function emitDashboard(snapshot: Dashboard): void {
    for (const role of ROLES) {
      const others = ROLES.filter((other) => other !== role).map(ROOMS.role);
      io.to(ROOMS.dashboard).except(others).emit('dashboard', viewDashboard(snapshot, role));
    }
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
    // A lost LISTEN connection is released by the pool and reconnected by the adapter
    // (docs/decisions/0014-database-faults.md); its failures are logged, never thrown.
    if (pool) {
      adapterPool = createAdapterPool(pool);
      io.adapter(
        createAdapter(adapterPool.pool, {
          tableName: 'socket_io_attachments',
          errorHandler: (error) => log.warn(`socket.io adapter: ${error.message}`),
        }),
      );
    }
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
        // A screen that may not read records views none (the wall would show in presence).
        if (!canRead(socket.data.role)) return;
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
      // A revocation that committed between the handshake's check and the joins above dropped
      // the account's rooms before this socket was in them: check once more, now that it is
      // (docs/decisions/0013-login-limits-and-sessions.md).
      try {
        const token = readSessionToken(socket.handshake.headers.cookie);
        if (!token || !(await hooks.authenticate(token))) {
          socket.disconnect(true);
          return;
        }
      } catch (error) {
        log.warn(`socket recheck: ${String(error)}`);
      }
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
    adapterPool?.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  }

  return { io, port, attach, close, emitDashboard, hasDashboardWatchers };
}
