import type { Dashboard } from '../../../domain/schemas/dashboard';
import type { Logger } from '../../logger';

export type DashboardPublisher = {
  /** A write committed: recompute soon, once for the whole burst. */
  notifyChanged: () => void;
  /** How many snapshots were computed (for tests and logs). */
  readonly recomputations: number;
  close: () => void;
};

/**
 * Debounced recomputation: a burst of writes yields one snapshot after it settles (or every
 * `maxWaitMs` during a long burst), and it goes to every watching screen at once — ten screens
 * cost the queries of one. Nothing is computed when nobody watches.
 */
export function createDashboardPublisher(options: {
  compute: () => Promise<Dashboard>;
  emit: (snapshot: Dashboard) => void;
  hasWatchers: () => Promise<boolean>;
  log: Logger;
  debounceMs?: number;
  maxWaitMs?: number;
}): DashboardPublisher {
  const debounceMs = options.debounceMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let burstStartedAt = 0;
  let isComputing = false;
  let isDirty = false;
  let recomputations = 0;
  let isClosed = false;

  async function run(): Promise<void> {
    timer = null;
    if (isClosed || !(await options.hasWatchers().catch(() => false))) return;
    if (isComputing) {
      isDirty = true;
      return;
    }
    isComputing = true;
    try {
      recomputations += 1;
      options.emit(await options.compute());
    } catch (error) {
      options.log.warn(`dashboard: ${String(error)}`);
    } finally {
      isComputing = false;
      if (isDirty) {
        isDirty = false;
        schedule();
      }
    }
  }

  function schedule(): void {
    if (isClosed) return;
    const now = Date.now();
    if (timer) {
      if (now - burstStartedAt >= maxWaitMs) return; // let the pending run fire
      clearTimeout(timer);
    } else {
      burstStartedAt = now;
    }
    timer = setTimeout(() => void run(), debounceMs);
  }

  return {
    notifyChanged: schedule,
    get recomputations() {
      return recomputations;
    },
    close() {
      isClosed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
