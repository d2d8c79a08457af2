import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, startTransition } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { todayInParis } from '../../../domain/dates';
import type { Alert } from '../../../domain/schemas/alert';
import { useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import { getInbox, type Inbox } from './alerts.api';
import {
  type InboxQuery,
  type InboxView,
  matchesQuery,
  mergeFetched,
  upsertAlert,
  viewOf,
} from './inbox';

const FLASH_MS = 6000;
/** The check sends its batches one after the other: read the inbox once after the last. */
const BATCH_SETTLE_MS = 500;
const CLOCK_MS = 60_000;

/**
 * The inbox, live on every screen that shows it (the page, the count in the navigation): the
 * route's query once, then each `alert` change applied in place (added, moved, removed when it
 * leaves the query), and one new read after the check's `alert_batch`. Which view an alert is in
 * ("À traiter", "Reportées") is decided on screen from today's date in Paris, so a snoozed alert
 * leaves "À traiter" as soon as its change arrives, and comes back on its date by itself.
 */
export function createLiveInbox(query: () => InboxQuery) {
  const session = useSession();
  const [batches, setBatches] = createSignal(0);
  /**
   * Reads the inbox again, in a transition (the list stays on screen meanwhile). A change of the
   * inbox's entities has already dropped its cached answer; otherwise it is marked stale here.
   */
  function refresh(): void {
    void revalidate(getInbox.keyFor(query()));
    void startTransition(() => setBatches((count) => count + 1));
  }
  let settle: ReturnType<typeof setTimeout> | undefined;
  useChanges('alert_batch', () => {
    clearTimeout(settle);
    settle = setTimeout(refresh, BATCH_SETTLE_MS);
  });
  const data = createAsync(() => {
    batches();
    return getInbox(query());
  });

  // A store reconciled by id: a changed alert is updated in its row (focus and the row's DOM
  // stay), not replaced.
  const [state, setState] = createStore<{ items: Alert[] }>({ items: [] });
  const items = () => state.items;
  const setItems = (next: Alert[]) => setState('items', reconcile(next));
  const [isLoaded, setLoaded] = createSignal(false);
  const [schedule, setSchedule] = createSignal<Inbox['schedule'] | null>(null);
  /** The newest version seen of each alert since the last answer, laid over the next one. */
  const seen = new Map<string, Alert>();
  const isListed = (alert: Alert) => matchesQuery(alert, query(), session.user()?.id);

  createEffect(
    on(data, (answer) => {
      if (!answer) return;
      for (const alert of answer.items) {
        const known = seen.get(alert.id);
        if (known && known.version <= alert.version) seen.delete(alert.id);
      }
      setItems(mergeFetched(answer.items, seen, isListed));
      setSchedule(answer.schedule);
      setLoaded(true);
    }),
  );

  /** An alert as it is now: from a change, an action's answer, or a refusal's `current`. */
  function put(alert: Alert): void {
    const known = seen.get(alert.id);
    if (!known || known.version <= alert.version) seen.set(alert.id, alert);
    setItems(upsertAlert(state.items, alert, isListed(alert)));
  }

  const [flashes, setFlashes] = createSignal<Record<string, string>>({});
  const timers = new Set<ReturnType<typeof setTimeout>>();
  useChanges('alert', (change) => {
    put(change.data);
    const actor = change.actor;
    if (!actor || actor.id === session.user()?.id) return;
    setFlashes((current) => ({ ...current, [change.id]: actor.name }));
    const timer = setTimeout(() => {
      timers.delete(timer);
      setFlashes(({ [change.id]: _, ...rest }) => rest);
    }, FLASH_MS);
    timers.add(timer);
  });

  // Today in Paris, kept current: at midnight the alerts snoozed until today are back.
  const [today, setToday] = createSignal(todayInParis(new Date()));
  const clock = setInterval(() => setToday(todayInParis(new Date())), CLOCK_MS);
  onCleanup(() => {
    clearInterval(clock);
    clearTimeout(settle);
    for (const timer of timers) clearTimeout(timer);
  });

  return {
    /** The route query's answer: read it under `<Suspense>` (it suspends while loading). */
    data,
    isLoaded,
    /** The check's last and next runs, from the last answer. */
    schedule,
    /** Everything the query returned, kept live. */
    items,
    /** The alerts of one view, today. */
    inView: (view: InboxView) => items().filter((alert) => viewOf(alert, today()) === view),
    today,
    put,
    /** Once, after the user's own check ran (its last run is part of the answer). */
    refresh,
    /** Who just changed this alert, for a few seconds (someone else than the user). */
    changedBy: (id: string): string | undefined => flashes()[id],
  };
}

export type LiveInbox = ReturnType<typeof createLiveInbox>;
