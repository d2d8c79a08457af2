import { io, type Socket } from 'socket.io-client';
import { createContext, createSignal, type JSX, onCleanup, useContext } from 'solid-js';
import type {
  ClientToServerEvents,
  PresenceEntry,
  ServerToClientEvents,
} from '../../domain/events';
import { toFeedChange } from '../../domain/feed';
import type {
  Change,
  ChangeOf,
  Entity,
  FeedChange,
  SkippedChange,
} from '../../domain/schemas/change';
import { api, call } from './api';
import { applyChangeToCache, dropStaleQueries } from './queries';

/**
 * `offline`: the browser says the network is gone, or the socket has been trying to reconnect
 * for a while; socket.io keeps retrying all the same, and the state goes back to `online`.
 */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type ChangeListener = (change: Change) => void;
/** The records a screen can view or edit (presence). */
export type ViewedEntity = 'client' | 'vehicle' | 'quote' | 'repair_order';

export type Live = {
  socket: LiveSocket;
  /** Ends the connection for good (sign-out, unmount). */
  close: () => void;
  state: () => ConnectionState;
  presence: () => PresenceEntry[];
  /** The newest changes as the feed words them, newest first (the activity feed, the wall). */
  recent: () => FeedChange[];
  /** Called for every change, live or caught up, once each, in seq order (not on the wall). */
  onChange: (listener: ChangeListener) => () => void;
  view: (entity: ViewedEntity, id: string, editing?: boolean) => void;
  /**
   * Stops viewing. With the record named, only if it is still the one viewed: the next page's
   * `view` may run before the previous page's cleanup.
   */
  leave: (entity?: ViewedEntity, id?: string) => void;
};

const FEED_SIZE = 50;
/** After this long without a connection, "Reconnexion…" becomes "Hors ligne". */
const OFFLINE_AFTER_MS = 15_000;
const LiveContext = createContext<Live>();

/**
 * One socket for the whole app. It keeps the last seq it applied; on every (re)connect and on
 * any gap it asks `GET /changes?after=` for what it missed, so a screen that was offline, asleep
 * or cut off by a server restart catches up without a reload (docs/decisions/0003).
 */
export function createLive(options: {
  onSignedOut: () => Promise<boolean>;
  /** The wall screen gets the feed (labels), never the records. */
  isWall?: boolean;
}): Live {
  const socket: LiveSocket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
  const [state, setState] = createSignal<ConnectionState>('connecting');
  const [presence, setPresence] = createSignal<PresenceEntry[]>([]);
  const [recent, setRecent] = createSignal<FeedChange[]>([]);
  const listeners = new Set<ChangeListener>();
  let lastSeq: number | null = null;
  let catchingUp: Promise<void> | null = null;
  /** A gap seen while a catch-up was already running: run another one after it. */
  let isCatchUpAgain = false;

  function isNew(seq: number): boolean {
    if (lastSeq !== null && seq <= lastSeq) return false;
    lastSeq = seq;
    return true;
  }

  /** A page read up to `seq`, changes this screen may not see included: it is there now. */
  function advanceTo(seq: number): void {
    if (lastSeq === null || seq > lastSeq) lastSeq = seq;
  }

  /** A change this screen may not see: the seq moves on, its entity's lists are stale. */
  function applySkipped(skipped: SkippedChange): void {
    if (isNew(skipped.seq)) dropStaleQueries(skipped.entity);
  }

  function applyFeed(entry: FeedChange): void {
    if (isNew(entry.seq)) setRecent((list) => [entry, ...list].slice(0, FEED_SIZE));
  }

  function apply(change: Change): void {
    if (!isNew(change.seq)) return;
    setRecent((list) => [toFeedChange(change), ...list].slice(0, FEED_SIZE));
    // The router's cache first, so a page opened (or gone Back to) now shows this version.
    applyChangeToCache(change);
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        // One screen's bug must not stop the others from seeing the change.
        console.error('Changement non appliqué', error);
      }
    }
  }

  async function catchUp(): Promise<void> {
    if (lastSeq === null) return;
    let hasMore = true;
    while (hasMore) {
      const after = lastSeq;
      const query = { after: String(after), limit: '500' };
      if (options.isWall) {
        const page = await call(api.feed.$get({ query }));
        for (const entry of page.items) applyFeed(entry);
        advanceTo(page.readTo);
        hasMore = page.hasMore && page.readTo > after;
      } else {
        const page = await call(api.changes.$get({ query }));
        // Dropping a list is the same whenever it happens; the records go in seq order.
        for (const skipped of page.skipped) dropStaleQueries(skipped.entity);
        for (const change of page.items) apply(change);
        advanceTo(page.readTo);
        hasMore = page.hasMore && page.readTo > after;
      }
    }
  }

  function requestCatchUp(): void {
    if (catchingUp) {
      // The running pass may have read its last page before this change was committed.
      isCatchUpAgain = true;
      return;
    }
    catchingUp = catchUp()
      .catch((error) => console.warn('Rattrapage des changements impossible', error))
      .finally(() => {
        catchingUp = null;
        if (isCatchUpAgain) {
          isCatchUpAgain = false;
          requestCatchUp();
        }
      });
  }

  /** The feed's history; entries applied meanwhile are kept (merged by seq, newest first). */
  async function loadFeed(seq: number): Promise<void> {
    const page = await call(
      api.feed.$get({
        query: { after: String(Math.max(0, seq - FEED_SIZE)), limit: String(FEED_SIZE) },
      }),
    );
    setRecent((live) => {
      const bySeq = new Map<number, FeedChange>();
      for (const entry of [...page.items, ...live]) bySeq.set(entry.seq, entry);
      return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, FEED_SIZE);
    });
  }

  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  function setDisconnected(): void {
    setState(navigator.onLine ? 'reconnecting' : 'offline');
    offlineTimer ??= setTimeout(() => {
      if (!socket.connected) setState('offline');
    }, OFFLINE_AFTER_MS);
  }
  const onBrowserOffline = () => setState('offline');
  const onBrowserOnline = () => {
    // A short cut may leave the socket open: then it is live again as it is.
    if (socket.connected) {
      setState('online');
      return;
    }
    setState('reconnecting');
    socket.connect();
  };
  window.addEventListener('offline', onBrowserOffline);
  window.addEventListener('online', onBrowserOnline);

  /** What this screen shows, said again after a reconnect (the server forgot it). */
  let currentView: { entity: ViewedEntity; id: string; editing: boolean } | null = null;

  socket.on('connect', () => {
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    setState('online');
    if (currentView) socket.emit('presence:view', currentView);
  });
  socket.on('hello', ({ lastSeq: serverSeq }) => {
    if (lastSeq === null) {
      lastSeq = serverSeq;
      void loadFeed(serverSeq).catch(() => undefined);
    } else if (serverSeq > lastSeq) {
      requestCatchUp();
    }
  });
  /** A gap: something was missed (reordering across writers, or a dropped packet). */
  const isGap = (seq: number) => lastSeq !== null && seq > lastSeq + 1;
  socket.on('change', (change) => (isGap(change.seq) ? requestCatchUp() : apply(change)));
  socket.on('feed', (entry) => (isGap(entry.seq) ? requestCatchUp() : applyFeed(entry)));
  socket.on('skip', (skipped) => (isGap(skipped.seq) ? requestCatchUp() : applySkipped(skipped)));
  socket.on('presence', setPresence);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  async function checkSessionThenReconnect(): Promise<void> {
    const isSignedIn = await options.onSignedOut().catch(() => true);
    if (isSignedIn) retryLater();
  }
  function retryLater(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), 2000);
  }

  socket.on('disconnect', (reason) => {
    setDisconnected();
    // The server ended this session (logout elsewhere, account deactivated, token revoked).
    if (reason === 'io server disconnect') void checkSessionThenReconnect();
  });
  socket.on('connect_error', (error) => {
    setDisconnected();
    if (socket.active) return; // socket.io retries transport errors by itself
    // Refused by the server's middleware: signed out, or the database is briefly down.
    if (error.message === 'unauthenticated') void checkSessionThenReconnect();
    else retryLater();
  });
  socket.io.on('reconnect_attempt', () => {
    if (state() === 'online') setDisconnected();
  });

  return {
    socket,
    close() {
      clearTimeout(retryTimer);
      clearTimeout(offlineTimer);
      window.removeEventListener('offline', onBrowserOffline);
      window.removeEventListener('online', onBrowserOnline);
      socket.close();
    },
    state,
    presence,
    recent,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view(entity, id, editing = false) {
      currentView = { entity, id, editing };
      socket.emit('presence:view', currentView);
    },
    leave(entity, id) {
      if (entity && (currentView?.entity !== entity || currentView.id !== id)) return;
      currentView = null;
      socket.emit('presence:leave');
    },
  };
}

/** `onSignedOut` re-checks the session and resolves true if it is still valid. */
export function LiveProvider(props: {
  onSignedOut: () => Promise<boolean>;
  /** A display account reads the feed, never the records (as the wall does). */
  isWall?: boolean;
  children: JSX.Element;
}) {
  const live = createLive({ onSignedOut: props.onSignedOut, isWall: props.isWall });
  onCleanup(() => live.close());
  return <LiveContext.Provider value={live}>{props.children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

/** Narrows a change to one entity's: its `data` is then that entity's record. */
export function isChangeOf<E extends Entity>(change: Change, entity: E): change is ChangeOf<E> {
  return change.entity === entity;
}

/**
 * Runs `listener` for each change of `entity` (and of the record `id`, when given: a string, or
 * an accessor for a page whose record changes with the route) while the calling component is
 * mounted. The listener gets the narrowed change: a quote listener reads a `Quote`.
 */
export function useChanges<E extends Entity>(
  entity: E,
  listener: (change: ChangeOf<E>) => void,
): void;
export function useChanges<E extends Entity>(
  entity: E,
  id: string | (() => string),
  listener: (change: ChangeOf<E>) => void,
): void;
export function useChanges<E extends Entity>(
  entity: E,
  ...args:
    | [(change: ChangeOf<E>) => void]
    | [string | (() => string), (change: ChangeOf<E>) => void]
): void {
  const live = useLive();
  const [id, listener] = args.length === 1 ? [undefined, args[0]] : args;
  const idOf = typeof id === 'function' ? id : () => id;
  onCleanup(
    live.onChange((change) => {
      if (!isChangeOf(change, entity)) return;
      const wanted = idOf();
      if (wanted === undefined || change.id === wanted) listener(change);
    }),
  );
}
