import type { Change, ChangeInput } from '../domain/schemas/change';
import type { DisplayMode } from '../domain/schemas/display-token';
import type { Role } from '../domain/schemas/staff';
import type { Db, DbKind, Tx } from './db/client';
import type { Env } from './env';
import type { JournalKey } from './journal-key';
import type { Logger } from './logger';

/** Who is acting: taken from the session, passed to every service call. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** A wall screen signed in with a display token: what it shows. */
  displayMode?: DisplayMode;
};

/** What services may ask of the realtime layer; they never see Socket.IO itself. */
export type RealtimePort = {
  publish: (changes: Change[]) => void;
  endSessions: (target: { staffId: string } | { sessionId: string }) => void;
};

/** Scheduled jobs, as services see them. */
export type JobsPort = {
  /** Runs `work` unless another instance holds the job's lock (Postgres advisory lock). */
  withLock: <T>(
    name: string,
    work: () => Promise<T>,
  ) => Promise<{ ran: true; result: T } | { ran: false }>;
  reschedule: (name: string, pattern: string) => void;
  nextRuns: (name: string, count: number) => Date[];
};

/**
 * Work a write hands to a feature above its own, in the same transaction, without importing it:
 * features only call down the tree (docs/decisions/0010-feature-boundaries.md). server.ts wires
 * each hook to the feature that answers it.
 */
export type Hooks = {
  /** A CT or a service was recorded on a vehicle: the alert it satisfies is resolved at once. */
  upkeepRecorded: (
    tx: Tx,
    record: (change: ChangeInput) => void,
    upkeep: { kind: 'ct_due' | 'service_due'; vehicleId: string; at: Date },
  ) => Promise<void>;
  /**
   * Money was allocated to an issued invoice (a payment, a credit note): call it in the same
   * transaction, after the allocation rows; once nothing is left to pay, its overdue alert is
   * resolved at once. Harmless when something is still owed.
   */
  invoicePaid: (
    tx: Tx,
    record: (change: ChangeInput) => void,
    paid: { invoiceId: string; at: Date },
  ) => Promise<void>;
};

/** The mail worker, as services see it (docs/decisions/0019-outbox.md). */
export type MailPort = {
  /** Call after the commit that queued mail: the worker looks for due messages at once. */
  wake: () => void;
};

export type Deps = {
  env: Env;
  db: Db;
  dbKind: DbKind;
  log: Logger;
  realtime: RealtimePort;
  jobs: JobsPort;
  mail: MailPort;
  hooks: Hooks;
  /** Signs the journal's entries (decision 0018). */
  journalKey: JournalKey;
  now: () => Date;
  queryCount: () => number;
};
