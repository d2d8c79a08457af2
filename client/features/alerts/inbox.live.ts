import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, startTransition } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import type { Alert } from '../../../domain/schemas/alert';
import { useChanges } from '../../lib/live';
import { createLiveList } from '../../lib/live-list';
import { useSession } from '../../lib/session';
import { getInbox, type Inbox } from './alerts.api';
import { compareAlerts, type InboxQuery, type InboxView, matchesQuery, viewOf } from './inbox';

/** The check sends its batches one after the other: read the inbox once after the last. */
const BATCH_SETTLE_MS = 500;
const CLOCK_MS = 60_000;

/**
 * The inbox, live on every screen that shows it (the page, the count in the navigation): the
 * route's query (not paged) on the live list, so each `alert` change, action's answer or
 * refusal's `current` is applied in place (added, moved, removed when it leaves the query, never
 * older than shown), and one new read after the check's `alert_batch`. Which view an alert is in
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

  const isListed = (alert: Alert) => matchesQuery(alert, query(), session.user()?.id);
  const list = createLiveList({
    entity: 'alert',
    firstPage: data,
    place: (change) => ({ item: change.data, isListed: isListed(change.data) }),
    placeItem: isListed,
    compare: compareAlerts,
  });
  const [schedule, setSchedule] = createSignal<Inbox['schedule'] | null>(null);
  createEffect(
    on(data, (answer) => {
      if (answer) setSchedule(answer.schedule);
    }),
  );

  // Today in Paris, kept current: at midnight the alerts snoozed until today are back.
  const [today, setToday] = createSignal(todayInParis(new Date()));
  const clock = setInterval(() => setToday(todayInParis(new Date())), CLOCK_MS);
  onCleanup(() => {
    clearInterval(clock);
    clearTimeout(settle);
  });

  return {
    /** The route query's answer: read it under `<Suspense>` (it suspends while loading). */
    data,
    isLoaded: list.isLoaded,
    /** The check's last and next runs, from the last answer. */
    schedule,
    /** Everything the query returned, kept live. */
    items: list.items,
    /** The alerts of one view, today. */
    inView: (view: InboxView) => list.items().filter((alert) => viewOf(alert, today()) === view),
    today,
    /** An alert as it is now: an action's answer, or a refusal's `current`. */
    put: list.put,
    /** Once, after the user's own check ran (its last run is part of the answer). */
    refresh,
    /** Who just changed this alert, for a few seconds (someone else than the user). */
    changedBy: list.changedBy,
  };
}

export type LiveInbox = ReturnType<typeof createLiveInbox>;
