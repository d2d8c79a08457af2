/**
 * Failed-login counters per key ("email:…", "ip:…") over a sliding window. Kept in memory: one
 * process serves a garage; with several instances each enforces its own limit, which still caps
 * guessing (docs/decisions/0005-auth.md).
 */
export type LoginLimiter = {
  /** Seconds until the key may try again, or 0. */
  retryAfter: (keys: string[], now: number) => number;
  recordFailure: (keys: string[], now: number) => void;
  reset: (key: string) => void;
};

export function createLoginLimiter(options: {
  windowMs: number;
  limits: (key: string) => number;
}): LoginLimiter {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const times = (failures.get(key) ?? []).filter((time) => now - time < options.windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  return {
    retryAfter(keys, now) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, now);
        if (times.length >= options.limits(key)) {
          const oldest = times[times.length - options.limits(key)] ?? now;
          wait = Math.max(wait, Math.ceil((oldest + options.windowMs - now) / 1000));
        }
      }
      return wait;
    },
    recordFailure(keys, now) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
