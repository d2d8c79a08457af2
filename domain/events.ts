import { z } from 'zod';
import type { Change, FeedChange, SkippedChange } from './schemas/change';
import { ENTITIES } from './schemas/change';
import type { Dashboard } from './schemas/dashboard';
import type { WorkshopCard } from './schemas/repair-order';
import type { Role } from './schemas/staff';

/**
 * The Socket.IO contract, declared once for both sides: the server is
 * `Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>`, the client
 * `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */

export type PresenceView = { entity: (typeof ENTITIES)[number]; id: string; editing: boolean };

export type PresenceEntry = {
  staffId: string;
  name: string;
  role: Role;
  connections: number;
  views: PresenceView[];
};

export type ServerToClientEvents = {
  /**
   * A committed write, straight from the change log, to the roles that may read its record
   * (`changeSight` in domain/access.ts: counter staff and admins, staff accounts admins only).
   */
  change: (change: Change) => void;
  /** The same write as the wall screen sees it: a label, never the record. */
  feed: (change: FeedChange) => void;
  /** A write this screen may not see: its seq and entity only, so a gap means a real miss. */
  skip: (skipped: SkippedChange) => void;
  /** Counter staff and admins online, on every join, leave or view change (not to the wall). */
  presence: (entries: PresenceEntry[]) => void;
  /** Sent once after the handshake: the newest seq, so a fresh screen knows where it stands. */
  hello: (info: { lastSeq: number; socketId: string }) => void;
  /** A new dashboard snapshot, to screens that watch it, once per burst of changes. */
  dashboard: (snapshot: Dashboard) => void;
  /**
   * A repair order changed, as the wall's workshop mode shows it: no customer, no money
   * (display sockets; catch-up is `GET /workshop`).
   */
  workshop: (card: WorkshopCard) => void;
};

export const PresenceViewPayloadSchema = z.object({
  entity: z.enum(ENTITIES),
  id: z.string().min(1).max(64),
  editing: z.boolean().default(false),
});

export type ClientToServerEvents = {
  'presence:view': (view: z.input<typeof PresenceViewPayloadSchema>) => void;
  'presence:leave': () => void;
  /** Acknowledged once the socket is in the dashboard room. */
  'dashboard:watch': (ack?: () => void) => void;
  'dashboard:unwatch': () => void;
};

export type SocketData = {
  staffId: string;
  name: string;
  role: Role;
  sessionId: string;
  view: PresenceView | null;
};

export const ROOMS = {
  dashboard: 'dashboard',
  role: (role: Role) => `role:${role}`,
  staff: (staffId: string) => `staff:${staffId}`,
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
