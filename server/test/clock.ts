/**
 * A clock a test moves on by hand (a day closes, the next one opens), a millisecond more at
 * each reading so that lists sorted by time keep the order things were done in.
 */
export function createTestClock(start: string) {
  let current = new Date(start).getTime();
  let ticks = 0;
  return {
    now: () => new Date(current + ticks++),
    /** Sets the time: `2026-11-25T08:00:00Z`. */
    set(instant: string) {
      current = new Date(instant).getTime();
      ticks = 0;
    },
  };
}
